"""A small HTML tree and CSS-selector subset, enough to take a story's paragraphs out of a
saved news page with the standard library alone.

Used by rebuild.py. ``parse(html)`` builds a forgiving tree (unclosed ``<p>`` and ``<li>``
are closed the way browsers close them); ``select(root, "div.body > p, h2")`` returns the
matching elements in document order; ``text(node)`` is an element's visible text with its
whitespace collapsed.

Selectors understood: type (``p``), ``.class``, ``#id``, ``[attr]``, ``[attr=value]``,
``[attr*=value]`` (substring), ``[attr^=value]`` (prefix), combined without spaces
(``div.story-body[itemprop=articleBody]``), descendant (space) and child (``>``)
combinators, and comma-separated groups.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Elements whose start closes an open <p>, as an HTML parser does.
CLOSES_P = frozenset(
    """address article aside blockquote details dialog div dl fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul
    li""".split()
)
INVISIBLE = frozenset("script style noscript template svg head title iframe button".split())
SPACE = re.compile(r"\s+")
Test = Callable[["Node"], bool]


@dataclass(eq=False)
class Node:
    """An element: its tag, attributes and children (elements or text)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False)

    def classes(self) -> list[str]:
        """The element's class names."""
        return self.attrs.get("class", "").split()

    def elements(self) -> list[Node]:
        """Every descendant element, in document order."""
        out: list[Node] = []
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            kids = [c for c in node.children if isinstance(c, Node)]
            for kid in reversed(kids):
                stack.append(kid)
            if node is not self:
                out.append(node)
        return out


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack: list[Node] = [self.root]

    def _close(self, tag: str, stop: frozenset[str] = frozenset()) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return
            if self.stack[i].tag in stop:
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in CLOSES_P:
            self._close("p", stop=frozenset({"div", "td", "blockquote", "li", "section"}))
        if tag == "li":
            self._close("li", stop=frozenset({"ul", "ol"}))
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(node)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID:
            self._close(tag)

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    """The document tree of an HTML string."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


_COMPOUND = re.compile(r"([a-zA-Z0-9*-]*)((?:[.#][\w-]+|\[[^\]]+\])*)")
_PART = re.compile(r"[.#][\w-]+|\[([\w:-]+)(?:([*^]?=)([^\]]*))?\]")


def _compound_test(src: str) -> Test:
    """A test for one compound selector (``div.body[itemprop=articleBody]``)."""
    m = _COMPOUND.fullmatch(src)
    if not m:
        raise ValueError(f"selector not understood: {src!r}")
    tag = m.group(1).lower()
    tests: list[Test] = []
    for part in _PART.finditer(m.group(2)):
        s = part.group(0)
        if s[0] == ".":
            tests.append(lambda n, c=s[1:]: c in n.classes())
        elif s[0] == "#":
            tests.append(lambda n, i=s[1:]: n.attrs.get("id") == i)
        else:
            name, op, value = part.group(1), part.group(2), (part.group(3) or "").strip("\"'")
            if not op:
                tests.append(lambda n, a=name: a in n.attrs)
            elif op == "=":
                tests.append(lambda n, a=name, v=value: n.attrs.get(a) == v)
            elif op == "*=":
                tests.append(lambda n, a=name, v=value: v in n.attrs.get(a, "\0"))
            else:
                tests.append(lambda n, a=name, v=value: n.attrs.get(a, "\0").startswith(v))

    def test(node: Node) -> bool:
        if tag and tag != "*" and node.tag != tag:
            return False
        return all(t(node) for t in tests)

    return test


def _matcher(selector: str) -> Test:
    """A test for one selector with combinators, matched right to left."""
    tokens = selector.replace(">", " > ").split()
    steps: list[tuple[str, Test]] = []  # (combinator to the previous step, test)
    comb = " "
    for tok in tokens:
        if tok == ">":
            comb = ">"
            continue
        steps.append((comb, _compound_test(tok)))
        comb = " "

    def match(node: Node, i: int = len(steps) - 1) -> bool:
        if not steps[i][1](node):
            return False
        if i == 0:
            return True
        up = node.parent
        if steps[i][0] == ">":
            return up is not None and match(up, i - 1)
        while up is not None:
            if match(up, i - 1):
                return True
            up = up.parent
        return False

    return match


def select(root: Node, selector: str) -> list[Node]:
    """Elements under root matching a selector group, in document order, none inside another."""
    matchers = [_matcher(s) for s in selector.split(",") if s.strip()]
    hits = [n for n in root.elements() if any(m(n) for m in matchers)]
    chosen = {id(n) for n in hits}
    out = []
    for n in hits:
        up, inside = n.parent, False
        while up is not None:
            if id(up) in chosen:
                inside = True
                break
            up = up.parent
        if not inside:
            out.append(n)
    return out


def remove(root: Node, selector: str) -> None:
    """Take every element matching the selector out of the tree."""
    for node in select(root, selector):
        if node.parent is not None:
            node.parent.children = [c for c in node.parent.children if c is not node]


def text(node: Node) -> str:
    """The element's visible text, whitespace collapsed to single spaces."""
    parts: list[str] = []

    def walk(n: Node) -> None:
        for c in n.children:
            if isinstance(c, str):
                parts.append(c)
            elif c.tag == "br":
                parts.append(" ")
            elif c.tag not in INVISIBLE:
                walk(c)

    walk(node)
    return SPACE.sub(" ", "".join(parts)).strip()
