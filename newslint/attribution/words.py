"""Closed grammatical word classes the attribution extractor reasons with.

These are English function words (pronouns, auxiliaries, determiners, clause
openers), not editorial lists: editors extend ``rules/sourcing/*.txt`` instead.
"""

from __future__ import annotations

PERSON_PRONOUNS = frozenset("he she i".split())
GROUP_PRONOUNS = frozenset("they we".split())
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | {"it", "you"}

# Between a subject and its verb: "has also said", "would not say", "later told".
AUX = frozenset(
    """
    is are was were be been being am has have had will would could can may might should
    must shall do does did not n't never also just already still later then now once
    previously repeatedly recently often frequently reportedly quickly since further
    has've 's 've 'd ’s ’ve ’d again too first long initially ultimately even only
    """.split()
)

DETERMINERS = frozenset(
    """
    the a an this that these those his her its their our my your some many several few
    most other another each every all both no one two three four five six seven eight nine
    ten dozens hundreds thousands numerous various multiple certain any such more
    """.split()
)
INDEFINITE = frozenset(
    """
    a an one two three four five six seven eight nine ten several some many few
    dozens hundreds thousands numerous various multiple certain other another
    """.split()
)
QUANTIFIERS = frozenset("some many most several few numerous various certain other others".split())

# Words that end a source noun phrase when walking left from the verb.
LEFT_BOUNDARY = frozenset(
    """
    and but or nor because while when whenever if as since although though that which
    whom whose where after before during on in at by with without to into onto than so
    yet unless until upon about against between over under through whether what how why
    where there here not also then now meanwhile however instead yesterday today tonight
    tomorrow last this week month year ago even just only
    monday tuesday wednesday thursday friday saturday sunday
    """.split()
)
# Words that end a source noun phrase when reading right from an inverted verb.
RIGHT_BOUNDARY = LEFT_BOUNDARY | frozenset("who is was has had in on at".split())

# Capitalised at the start of a sentence without being a name.
FUNCTION_CAPS = frozenset(
    """
    the a an but and or so yet in on at for with by from to of as if when while after
    before during this that these those there here it its he she they we i his her their
    our my your what why how who which where some many most several few all both no one
    however meanwhile still then now also according asked earlier later last next
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december
    moreover furthermore nor even rather indeed instead thus hence therefore nevertheless
    nonetheless likewise similarly additionally perhaps maybe otherwise besides overall
    finally ultimately eventually recently previously currently already again though
    although because since unless until whether once soon shortly despite amid among
    against without within under over about across through throughout between beyond
    toward towards into upon unlike like whereas whose whom whatever whoever using
    continuing speaking citing including following
    """.split()
)

# Titles before a person's name: "Sen. Smith", "Secretary of State Jane Doe".
TITLES = frozenset(
    """
    mr mrs ms miss dr prof sir dame lord lady rev gen col capt lt sgt sen rep gov pres
    president senator governor secretary minister mayor judge justice chancellor premier
    king queen prince princess pope ambassador chairman chairwoman director chief speaker
    representative congressman congresswoman professor general colonel captain officer
    commissioner attorney spokesman spokeswoman spokesperson
    """.split()
)

# Verbs that take a listener before the content: "told reporters that ...".
LISTENER_VERBS = frozenset(
    "tell ask inform warn assure remind urge advise instruct reassure caution promise".split()
)

# Reporting verbs that also occur as nouns or adjectives often enough that they
# need a clear subject ("a joke", "the report", "the point").
NOUNISH = frozenset(
    """
    answer charge claim comment complain counter detail echo estimate hint joke note
    object point post question report reply tweet vow promise protest remark state
    forecast project support plan fear hope doubt call wish attack praise find show
    """.split()
)

# Time phrases between a subject and its verb: "Smith on Tuesday said".
TIME = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday week month year past this last
    next earlier later on today yesterday morning afternoon evening night weekend ago
    """.split()
)


def strip_possessive(low: str) -> str:
    """A lower-case word without its possessive ending: "smith's" -> "smith",
    "officials'" -> "officials"."""
    if low.endswith(("'s", "’s")):
        return low[:-2]
    if low.endswith(("s'", "s’")):
        return low[:-1]
    return low
