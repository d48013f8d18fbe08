"""A small stand-in for a LanguageTool server (127.0.0.1 only), for the test suite.

It answers ``GET /v2/languages`` and ``POST /v2/check`` with the JSON shapes
LanguageTool documents (https://languagetool.org/http-api/). ``/v2/check``
takes ``text`` or ``data`` (the annotation); it checks the prose the annotation
stands for (text parts and markup's interpretAs) for a few phrases and reports
offsets into the annotated string, text and markup together, as LanguageTool does.
"""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

# phrase -> (rule id, category id, category name, message, replacements)
ERRORS = {
    r"\bhave said\b": (
        "HAVE_PART_AGREEMENT",
        "GRAMMAR",
        "Grammar",
        "Possible agreement error.",
        ["has said"],
    ),
    r" ,": (
        "COMMA_PARENTHESIS_WHITESPACE",
        "TYPOGRAPHY",
        "Typography",
        "Don't put a space before the comma.",
        [","],
    ),
    r"\babsolutely essential\b": (
        "ABSOLUTELY_ESSENTIAL",
        "REDUNDANCY",
        "Redundant Phrases",
        "This phrase is redundant.",
        ["essential"],
    ),
    r"\bthe the\b": (
        "ENGLISH_WORD_REPEAT_RULE",
        "MISC",
        "Miscellaneous",
        "Possible typo: you repeated a word.",
        ["the"],
    ),
}

requests_seen: list[dict] = []  # the parsed form of each /v2/check request


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def _json(self, body, status: int = 200) -> None:
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)

    def do_GET(self) -> None:  # noqa: N802
        if self.path.startswith("/v2/languages"):
            self._json(
                [
                    {"name": "English", "code": "en", "longCode": "en"},
                    {"name": "English (US)", "code": "en", "longCode": "en-US"},
                    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
                ]
            )
        else:
            self._json({"error": "not found"}, 404)

    def do_POST(self) -> None:  # noqa: N802
        if not self.path.startswith("/v2/check"):
            self._json({"error": "not found"}, 404)
            return
        length = int(self.headers.get("Content-Length", 0))
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode("utf-8")).items()}
        requests_seen.append(form)
        if "slow" in form.get("data", form.get("text", "")):
            threading.Event().wait(3)
        self._json({"software": {"name": "LanguageTool", "version": "6.4"}, "matches": check(form)})


def _parts(form: dict) -> list[dict]:
    if "data" in form:
        return json.loads(form["data"])["annotation"]
    return [{"text": form.get("text", "")}]


def check(form: dict) -> list[dict]:
    """Matches for the request, offsets into the annotated string."""
    plain, to_ann = [], []  # the prose checked, and each plain char's annotated offset
    ann = 0
    for part in _parts(form):
        if "text" in part:
            plain.append(part["text"])
            to_ann.extend(range(ann, ann + len(part["text"])))
            ann += len(part["text"])
        else:
            stands = part.get("interpretAs", "")
            plain.append(stands)
            to_ann.extend([ann] * len(stands))
            ann += len(part["markup"])
    to_ann.append(ann)
    text = "".join(plain)
    disabled = set(form.get("disabledRules", "").split(","))
    disabled_categories = set(form.get("disabledCategories", "").split(","))
    matches = []
    for pattern, (rule, cat, cat_name, message, repl) in ERRORS.items():
        if rule in disabled or cat in disabled_categories:
            continue
        for m in re.finditer(pattern, text, re.I):
            start, end = to_ann[m.start()], to_ann[m.end() - 1] + 1
            matches.append(
                {
                    "message": message,
                    "shortMessage": "",
                    "replacements": [{"value": r} for r in repl],
                    "offset": start,
                    "length": end - start,
                    "context": {
                        "text": text[max(0, m.start() - 20) : m.end() + 20],
                        "offset": 0,
                        "length": 0,
                    },
                    "sentence": "",
                    "type": {"typeName": "Other"},
                    "rule": {
                        "id": rule,
                        "description": message,
                        "issueType": "grammar",
                        "category": {"id": cat, "name": cat_name},
                    },
                }
            )
    return matches


def start(port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Serve on 127.0.0.1 in a daemon thread; returns the server and its base url."""
    server = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
