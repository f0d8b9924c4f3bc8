"""Full-text search that handles Norwegian word forms, the same on SQLite and PostgreSQL.

Texts are reduced to Snowball (Norwegian) stems when a proposal is written; a query is
stemmed the same way and every query stem must occur among the proposal's stems.
"""

import re
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("norwegian")


def _undouble(stem: str) -> str:
    """'ungdomm' (from 'ungdommen') → 'ungdom': Snowball keeps the doubled consonant."""
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouyæøå":
        return stem[:-1]
    return stem


def stems(text: str) -> list[str]:
    words = [w.lower() for w in _WORD.findall(text or "") if not w.isdigit() or len(w) > 1]
    return [_undouble(s) for s in _stemmer().stemWords(words)]


def search_stems(*texts: str) -> str:
    """The value stored in Proposal.search_stems: space-delimited stems, padded for matching."""
    unique = dict.fromkeys(s for text in texts for s in stems(text))
    return " " + " ".join(unique) + " " if unique else ""


def query_stems(query: str) -> list[str]:
    return list(dict.fromkeys(stems(query)))[:10]
