"""The editorial family: the house-style rules of the optional built-in packs
``ap`` (the AP Stylebook) and ``uk-news`` (the common ground of British newsroom style).

Each module holds the rules of one topic for both packs; the rule files are in
``newslint/packs/<pack>/``:

- ``text``: what the rules share: blocks and quotations to look in, sentence starts,
  datelines, case of suggestions.
- ``numbers``: ``ap.numbers``, ``ap.percent``, ``uk-news.numbers``.
- ``dates``: ``ap.dates``, ``ap.times``, ``uk-news.dates``, ``uk-news.times``.
- ``titles``: ``ap.titles``, ``ap.courtesy-titles``.
- ``abbreviations``: ``ap.abbreviations``, ``ap.states``, ``uk-news.abbreviations``.
- ``series``: ``ap.serial-comma``.
- ``british``: ``uk-news.ise``, ``uk-news.headline-quotes``.
- ``verbs``: ``sourcing.verb`` (both packs), over the attribution analysis.
"""
