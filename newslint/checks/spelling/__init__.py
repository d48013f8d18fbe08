"""The spelling family.

- ``typo``: ``spelling.typo``, a misspelled word (dictionary in ``data``, candidates
  in ``suggest``, the words worth checking in ``tokens``).
- ``confusion``: ``spelling.confusion``, a real word typed for another that its
  neighbours give away (the context model in ``confusion_model``).
- ``variants``: ``spelling.variant``, the other of British and American spellings.
- ``case``: ``spelling.case``, a word in a case the house style prohibits.
"""
