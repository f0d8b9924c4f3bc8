"""Near-duplicate detection: the same input typed twice, with typos, words reordered, or pasted.

Candidates come from the embedding vectors (block by block, a few per input, so memory stays
linear); each candidate pair is then scored on its characters, because a paraphrase in other
words is a cluster-mate, not a duplicate. Score = the mean of the character n-gram cosine and
the embedding cosine (after removing the corpus mean), both 0..1.
"""

import numpy as np
from rapidfuzz import fuzz

from veikart.analysis.similarity import centred, lexical_matrix, pairs_above, reduced, row_dots
from veikart.analysis.text import normalise

DUPLICATE_THRESHOLD = 0.8
CANDIDATE_COSINE = 0.6  # on centred embedding vectors
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
    cand_i, cand_j = [], []
    for rows, cols, _ in pairs_above(search, CANDIDATE_COSINE, top_k=10):
        cand_i.append(rows)
        cand_j.append(cols)
    if not cand_i:
        return []
    i = np.concatenate(cand_i)
    j = np.concatenate(cand_j)
    involved = np.unique(np.concatenate([i, j]))
    position = {int(k): p for p, k in enumerate(involved)}
    lex = lexical_matrix([texts[k] for k in involved])
    li = np.array([position[int(k)] for k in i])
    lj = np.array([position[int(k)] for k in j])
    lexical = row_dots(lex, li, lj)
    semantic = np.einsum("ij,ij->i", v[i], v[j])
    scores = pair_scores(lexical, semantic, [texts[k] for k in i], [texts[k] for k in j])
    keep = scores >= threshold
    found = sorted(
        zip(i[keep].tolist(), j[keep].tolist(), scores[keep].tolist(), strict=True),
        key=lambda p: (-p[2], p[0], p[1]),
    )
    return [(a, b, round(float(s), 4)) for a, b, s in found]


def pair_scores(
    lexical: np.ndarray, semantic: np.ndarray, texts_a: list[str], texts_b: list[str]
) -> np.ndarray:
    """Combine character, word-order-free and embedding similarity into one 0..1 score."""
    sorted_ratio = np.array(
        [
            fuzz.token_sort_ratio(normalise(a), normalise(b)) / 100.0
            for a, b in zip(texts_a, texts_b, strict=True)
        ],
        dtype=np.float32,
    )
    lexical = np.maximum(lexical, sorted_ratio)
    return np.clip(0.5 * lexical + 0.5 * np.clip(semantic, 0, 1), 0, 1).astype(np.float32)
