"""The names family.

- ``inconsistent``: ``names.inconsistent``, one name spelled two ways in a story.
- ``preferred``: ``names.preferred`` (house style) and ``names.modern`` (style guides).
- ``abbreviation``: ``names.abbreviation``, an abbreviation used before it is defined.
- ``capitalisation``: ``names.capitalisation``, one name capitalised two ways.
- ``text`` (name tokens, transliteration distance) and ``data`` (word lists) serve them.
"""
