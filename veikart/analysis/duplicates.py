"""Near-duplicate detection: the same input typed twice, with typos, words reordered, or pasted.

Candidates come from the embedding vectors (block by block, at most a few per input, so memory
stays linear); above BLOCKING_ABOVE inputs, where comparing every pair costs too much time,
from shared rare words instead. Each candidate pair is then scored mostly on its characters,
because a paraphrase in other words is a cluster-mate, not a duplicate:

    score = 0.7 × max(edit-distance ratio, ratio with words sorted) + 0.3 × cosine

where the cosine is taken after removing the corpus mean. Weights and threshold were chosen
on the tuning part of bench/data/analysis_labelled.csv (see bench/analysis_quality.py).
"""

from collections import Counter, defaultdict

import numpy as np
from rapidfuzz import fuzz

from veikart.analysis.similarity import centred, pairs_above
from veikart.analysis.text import WORD_RE, normalise

DUPLICATE_THRESHOLD = 0.8
LEXICAL_WEIGHT = 0.7
CANDIDATE_COSINE = 0.4  # on centred embedding vectors; true duplicates measured ≥ 0.44
CANDIDATES_PER_INPUT = 10
BLOCKING_ABOVE = 20_000  # above this many inputs, candidates come from shared rare words
KEY_WORDS = 4  # per input: its rarest words that occur in at least one other input
MAX_BUCKET = 48  # keys in more inputs than this are too common


def near_duplicates(
    vectors: np.ndarray, texts: list[str], *, threshold: float | None = None
) -> list[tuple[int, int, float]]:
    """Pairs (i, j, score) with i < j and score ≥ threshold (default 0.8), best first."""
    threshold = DUPLICATE_THRESHOLD if threshold is None else threshold
    n = len(texts)
    if n < 2:
        return []
    v = centred(vectors)
    found: list[tuple[int, int, float]] = []
    plain = [normalise(t) for t in texts]
    if n > BLOCKING_ABOVE:
        candidates = _shared_rare_words(plain)
    else:
        candidates = (
            (rows, cols)
            for rows, cols, _ in pairs_above(v, CANDIDATE_COSINE, top_k=CANDIDATES_PER_INPUT)
        )
    for rows, cols in candidates:
        semantic = np.concatenate(
            [
                np.einsum("ij,ij->i", v[rows[k : k + 20_000]], v[cols[k : k + 20_000]])
                for k in range(0, len(rows), 20_000)
            ]
        )
        close = semantic >= CANDIDATE_COSINE  # cheap, before the character comparison
        rows, cols, semantic = rows[close], cols[close], semantic[close]
        scores = pair_scores(semantic, [plain[k] for k in rows], [plain[k] for k in cols])
        keep = np.flatnonzero(scores >= threshold)
        found.extend((int(rows[k]), int(cols[k]), round(float(scores[k]), 4)) for k in keep)
    best: dict[tuple[int, int], float] = {}
    for i, j, score in found:  # a pair can come from two chunks of the large-corpus search
        best[(i, j)] = max(score, best.get((i, j), 0.0))
    return sorted(((i, j, s) for (i, j), s in best.items()), key=lambda p: (-p[2], p[0], p[1]))


def _shared_rare_words(plain: list[str], chunk: int = 200_000):
    """Candidate pairs (i < j) for large corpora, linear in memory: two inputs are candidates
    when they share one of their KEY_WORDS rarest words (words no other input has are
    skipped, so a typo does not use up a key). A near-duplicate keeps most of its words, so
    it shares such a word with its original."""
    keys = [{w for w in WORD_RE.findall(text) if len(w) >= 3} for text in plain]
    df: Counter = Counter()
    for k in keys:
        df.update(k)
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        usable = [w for w in k if 2 <= df[w] <= MAX_BUCKET]
        for w in sorted(usable, key=lambda w: (df[w], w))[:KEY_WORDS]:
            buckets[w].append(i)
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    size = 0
    for members in buckets.values():
        m = np.array(members)
        a, b = np.triu_indices(len(m), 1)
        rows.append(m[a])
        cols.append(m[b])
        size += len(a)
        if size >= chunk:
            yield _unique_pairs(rows, cols)
            rows, cols, size = [], [], 0
    if rows:
        yield _unique_pairs(rows, cols)


def _unique_pairs(rows: list[np.ndarray], cols: list[np.ndarray]) -> tuple:
    r, c = np.concatenate(rows).astype(np.int64), np.concatenate(cols).astype(np.int64)
    code = np.unique(np.minimum(r, c) * (1 << 32) + np.maximum(r, c))
    return code >> 32, code & ((1 << 32) - 1)


def pair_scores(semantic: np.ndarray, texts_a: list[str], texts_b: list[str]) -> np.ndarray:
    """One 0..1 score per pair of normalised texts from characters, word order and meaning."""
    lexical = np.array(
        [
            max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b)) / 100.0
            for a, b in zip(texts_a, texts_b, strict=True)
        ],
        dtype=np.float32,
    )
    semantic = np.clip(semantic, 0.0, 1.0)
    return (LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * semantic).astype(np.float32)
