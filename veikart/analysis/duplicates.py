"""Near-duplicate detection: the same input typed twice, with typos, words reordered, or pasted.

Candidates come from the embedding vectors (block by block, at most a few per input, so memory
stays linear); each candidate pair is then scored mostly on its characters, because a
paraphrase in other words is a cluster-mate, not a duplicate:

    score = 0.7 × max(edit-distance ratio, ratio with words sorted) + 0.3 × cosine

where the cosine is taken after removing the corpus mean. Weights and threshold were chosen
on the tuning part of bench/data/analysis_labelled.csv (see bench/analysis_quality.py).
"""

import numpy as np
from rapidfuzz import fuzz

from veikart.analysis.similarity import centred, pairs_above, reduced
from veikart.analysis.text import normalise

DUPLICATE_THRESHOLD = 0.8
LEXICAL_WEIGHT = 0.7
CANDIDATE_COSINE = 0.4  # on centred embedding vectors; true duplicates measured ≥ 0.44
CANDIDATES_PER_INPUT = 10
REDUCE_ABOVE = 20_000  # above this many inputs, search candidates in 64 principal dimensions


def near_duplicates(
    vectors: np.ndarray, texts: list[str], *, threshold: float | None = None
) -> list[tuple[int, int, float]]:
    """Pairs (i, j, score) with i < j and score ≥ threshold (default 0.8), best first."""
    threshold = DUPLICATE_THRESHOLD if threshold is None else threshold
    n = len(texts)
    if n < 2:
        return []
    v = centred(vectors)
    search = reduced(v, 64) if n > REDUCE_ABOVE else v
    found: list[tuple[int, int, float]] = []
    plain = [normalise(t) for t in texts]
    for rows, cols, _ in pairs_above(search, CANDIDATE_COSINE, top_k=CANDIDATES_PER_INPUT):
        semantic = np.einsum("ij,ij->i", v[rows], v[cols])
        scores = pair_scores(semantic, [plain[k] for k in rows], [plain[k] for k in cols])
        keep = np.flatnonzero(scores >= threshold)
        found.extend((int(rows[k]), int(cols[k]), round(float(scores[k]), 4)) for k in keep)
    found.sort(key=lambda p: (-p[2], p[0], p[1]))
    return found


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
