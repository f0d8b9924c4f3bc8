"""Concepts: a Norwegian thesaurus of neighbourhood-development topics.

The 4-bit e5 model places "sklie og dissehuske ved blokka" and "lekeplassen er nedslitt" far
apart: they share no word and the model is small. A person sees at once that both are about
the playground. The thesaurus (data/concepts_nb.txt, one topic per line with the words people
use for it) gives clustering that knowledge: each text gets a vector of the topics it names,
and clustering mixes its similarity with the embedding's (clustering.CONCEPT_WEIGHT).

Matching is by word parts, so Norwegian compounds and inflections match: the term `huske`
matches "dissehuske" and "huskene"; a term starting with `^` must start the word (`^lys`
matches "lyset", "lyspunkt", not "analyse"); a term starting with `=` must be the whole word
(`=park` matches "park", not "parkering"); a term with `_` between words matches a phrase whose
first and inner words are whole words and whose last word may continue (`lufte_hund` matches
"lufte hunden", `lys_på` does not match "gatelys på"); `lys_` is the same as `^lys`.
A concept may name who usually realises it, `gatelys (municipality): …`: a prior for the
realiser suggestion on topics no proposal in the process has been classified on yet.
Deterministic, no corpus statistics: a text's concepts depend on that text alone.

A municipality can use its own thesaurus: VEIKART_CONCEPTS=/path/to/file (same format).
"""

import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse

from veikart.analysis.text import WORD_RE, normalise

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "concepts_nb.txt"
MIN_PLAIN = 5  # shorter plain terms would match inside unrelated words
REALISERS = ("municipality", "residents", "partnership")
LINE_RE = re.compile(r"^(\w+)\s*(?:\(([a-z]+)\))?\s*:\s*(.+)$")


class LexiconError(ValueError):
    """The thesaurus file cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Lexicon:
    concepts: tuple[str, ...]
    realisers: tuple[str, ...]  # who usually realises each concept ("" = it varies)
    plain: dict[str, tuple[int, ...]]  # term -> concept indices (matched anywhere in a word)
    prefix: dict[str, tuple[int, ...]]  # term -> concept indices (matched at a word's start)
    exact: dict[str, tuple[int, ...]]  # term -> concept indices (matched as a whole word)
    phrases: dict[str, tuple[int, ...]]  # "a b" -> concept indices (matched in the text)
    name: str
    cache: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def by_first(self) -> dict[str, list[tuple[tuple[str, ...], tuple[int, ...]]]]:
        """First word -> [(the phrase's other words, concept indices)]."""
        out: dict[str, list[tuple[tuple[str, ...], tuple[int, ...]]]] = {}
        for phrase, indices in self.phrases.items():
            first, *rest = phrase.split(" ")
            out.setdefault(first, []).append((tuple(rest), indices))
        return out

    @cached_property
    def longest_plain(self) -> int:
        """Substrings longer than this cannot match a plain term."""
        return max(map(len, self.plain), default=0)

    @cached_property
    def longest_prefix(self) -> int:
        return max(map(len, self.prefix), default=0)

    def __len__(self) -> int:
        return len(self.concepts)


def parse(text: str, name: str = "concepts") -> Lexicon:
    """Read the thesaurus format; raise LexiconError naming the line on any mistake."""
    concepts: list[str] = []
    realisers: list[str] = []
    plain: dict[str, list[int]] = {}
    prefix: dict[str, list[int]] = {}
    exact: dict[str, list[int]] = {}
    phrases: dict[str, list[int]] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = unicodedata.normalize("NFC", raw.split("#", 1)[0].strip().lower())
        if not line:
            continue
        match = LINE_RE.match(line)
        if not match:
            raise LexiconError(f"{name}, line {number}: expected 'concept: term term …'")
        concept, realiser, terms = match.group(1), match.group(2) or "", match.group(3).split()
        if concept in concepts:
            raise LexiconError(f"{name}, line {number}: concept {concept!r} appears twice")
        if realiser and realiser not in REALISERS:
            raise LexiconError(
                f"{name}, line {number}: ({realiser}) is not one of {', '.join(REALISERS)}"
            )
        index = len(concepts)
        concepts.append(concept)
        realisers.append(realiser)
        for term in terms:
            parts = [p for p in term.lstrip("^").split("_") if p]
            if "_" in term and len(parts) == 1:  # "lys_": one word, which may continue
                target, key = prefix, parts[0]
            elif "_" in term:
                target, key = phrases, " ".join(parts)
            elif term.startswith("^"):
                target, key = prefix, term[1:]
            elif term.startswith("="):
                target, key = exact, term[1:]
            else:
                if len(term) < MIN_PLAIN:
                    raise LexiconError(
                        f"{name}, line {number}: {term!r} is shorter than {MIN_PLAIN} letters; "
                        f"write '^{term}' to match it at the start of a word"
                    )
                target, key = plain, term
            if not key or not WORD_RE.fullmatch(key.replace(" ", "-")):
                raise LexiconError(f"{name}, line {number}: {term!r} is not a word")
            if index not in target.setdefault(key, []):
                target[key].append(index)
    if not concepts:
        raise LexiconError(f"{name}: no concepts")
    return Lexicon(
        concepts=tuple(concepts),
        realisers=tuple(realisers),
        plain={k: tuple(v) for k, v in plain.items()},
        prefix={k: tuple(v) for k, v in prefix.items()},
        exact={k: tuple(v) for k, v in exact.items()},
        phrases={k: tuple(v) for k, v in phrases.items()},
        name=name,
    )


@lru_cache(maxsize=4)
def load(path: str | None = None) -> Lexicon:
    """The thesaurus at `path`, else $VEIKART_CONCEPTS, else the one shipped (bokmål)."""
    chosen = Path(path or os.environ.get("VEIKART_CONCEPTS") or DEFAULT_PATH)
    try:
        text = chosen.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{chosen}: cannot read the thesaurus ({exc})") from exc
    return parse(text, name=chosen.name)


def _word_concepts(lexicon: Lexicon, word: str) -> tuple[int, ...]:
    cache = lexicon.cache
    found = cache.get(word)
    if found is not None:
        return found
    hits: set[int] = set(lexicon.exact.get(word, ()))
    n = len(word)
    for end in range(1, min(n, lexicon.longest_prefix) + 1):
        hits.update(lexicon.prefix.get(word[:end], ()))
    longest = lexicon.longest_plain
    for start in range(0, n - MIN_PLAIN + 1):  # linear in the word: at most `longest` ends
        for end in range(start + MIN_PLAIN, min(n, start + longest) + 1):
            hits.update(lexicon.plain.get(word[start:end], ()))
    found = tuple(sorted(hits))
    if len(word) <= 40:  # a very long "word" is noise: not kept
        if len(cache) > 500_000:
            cache.clear()
        cache[word] = found
    return found


def _phrase_concepts(lexicon: Lexicon, tokens: list[str]) -> set[int]:
    """Phrases start at a whole word; their inner words are whole, their last may continue."""
    hits: set[int] = set()
    for i, token in enumerate(tokens):
        for rest, indices in lexicon.by_first.get(token, ()):
            end = i + len(rest)
            if end >= len(tokens) or not rest:
                continue
            if all(tokens[i + 1 + k] == w for k, w in enumerate(rest[:-1])) and tokens[
                end
            ].startswith(rest[-1]):
                hits.update(indices)
    return hits


def text_concepts(texts: Sequence[str], lexicon: Lexicon | None = None) -> list[set[int]]:
    """For each text, the indices of the concepts it names."""
    lexicon = lexicon or load()
    out = []
    for text in texts:
        tokens = WORD_RE.findall(normalise(text))
        hits: set[int] = set()
        for word in tokens:
            hits.update(_word_concepts(lexicon, word))  # "t-bane"
            if "-" in word:
                for part in word.split("-"):
                    hits.update(_word_concepts(lexicon, part))
        if lexicon.by_first:
            hits |= _phrase_concepts(lexicon, tokens)
        out.append(hits)
    return out


def concept_matrix(texts: Sequence[str], lexicon: Lexicon | None = None) -> sparse.csr_matrix:
    """Sparse (n, concepts) rows: 1 for each concept a text names, L2-normalised; a text
    that names none is a row of zeros."""
    lexicon = lexicon or load()
    found = text_concepts(texts, lexicon)
    rows = np.repeat(np.arange(len(found)), [len(h) for h in found])
    cols = np.fromiter((c for h in found for c in sorted(h)), dtype=np.int64, count=len(rows))
    weights = np.repeat(
        [1.0 / np.sqrt(len(h)) if h else 0.0 for h in found], [len(h) for h in found]
    ).astype(np.float32)
    return sparse.csr_matrix((weights, (rows, cols)), shape=(len(found), len(lexicon)))
