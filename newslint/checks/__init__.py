"""Rules that need real code, grouped by family.

A YAML rule with ``kind: code`` and ``function: MODULE:NAME`` runs
``newslint.checks.MODULE.NAME(doc, options)``, which yields
:class:`newslint.finding.Hit` values (offsets into ``doc.text``). The engine turns
hits into findings; a check never computes positions.

- ``spelling/``: typos, house variant, wrong case.
- ``names/``: one spelling of a name per story, house and modern spellings,
  abbreviations, capitalisation.
- ``sourcing/``: vague and anonymous sources, unattributed claims, weasel words; all
  read :mod:`newslint.attribution`.
- ``proselint_bridge``, ``languagetool``: other tools' checks as newslint rules.
"""
