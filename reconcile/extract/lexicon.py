"""The word lists of extraction, in one place.

Every extract module imports its words from here; no module keeps a copy of
a list another already has. Each list states a general fact about English
news writing (a month name, a displacement verb, a title), never a phrase
taken from one text. Lists are frozensets or ordered tuples of lower-case
words; the rule tables build their patterns from them.
"""
from __future__ import annotations
