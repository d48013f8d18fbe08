"""The sourcing family, over the attribution analysis (:mod:`newslint.attribution`).

- ``vague``: ``sourcing.vague`` and ``sourcing.anonymous``.
- ``unattributed``: ``sourcing.unattributed``, a quotation or claim with no source.
- ``weasel``: ``style.weasel``, its phrases and hedges in ``weasel_words``.
- ``context``: which sentences an attribution covers, shared by the rules.
"""
