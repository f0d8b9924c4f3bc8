"""Similarity building blocks shared by clustering and near-duplicate search.

Nothing here is quadratic in memory: pairwise work is done in row blocks and only pairs above
a threshold (or each row's top k) are kept.
"""

import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse

from veikart.analysis.text import char_ngrams, idf_weighted

BLOCK_CELLS = 2**24  # similarities computed per block (64 MB of float32)


PRIOR_WEIGHT = 20  # the reference mean counts as this many inputs


@lru_cache(maxsize=4)
def reference_mean(dim: int) -> np.ndarray:
    """The mean vector of a typical corpus for this embedding size (e5: 384), else zeros."""
    path = Path(__file__).resolve().parent / "data" / "e5_query_mean.json"
    if dim == 384:
        return np.array(json.loads(path.read_text(encoding="utf-8"))["mean"], dtype=np.float32)
    return np.zeros(dim, dtype=np.float32)


def centred(vectors: np.ndarray) -> np.ndarray:
    """Subtract the mean and L2-normalise again.

    e5 cosine similarities crowd into 0.7–1.0 for any two Norwegian sentences; removing the
    common direction spreads them out, so one threshold means the same on every corpus. The
    mean is the corpus' own, pulled towards a reference mean (as if PRIOR_WEIGHT typical
    inputs were added), so that a handful of inputs, or identical ones, are centred sensibly."""
    v = np.asarray(vectors, dtype=np.float32)
    n = len(v)
    if n == 0:
        return v.reshape(0, v.shape[-1] if v.ndim == 2 else 0)
    mean = (v.sum(axis=0) + PRIOR_WEIGHT * reference_mean(v.shape[1])) / (n + PRIOR_WEIGHT)
    v = v - mean
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (v / norms).astype(np.float32)


def reduced(vectors: np.ndarray, dim: int, *, sample: int = 20_000, seed: int = 0) -> np.ndarray:
    """Project onto the top `dim` principal directions (fitted on a sample), L2-normalised."""
    v = np.asarray(vectors, dtype=np.float32)
    if v.shape[1] <= dim:
        return v
    rng = np.random.default_rng(seed)
    rows = rng.choice(len(v), size=min(sample, len(v)), replace=False)
    _, _, vt = np.linalg.svd(v[rows] - v[rows].mean(axis=0), full_matrices=False)
    p = v @ vt[:dim].T
    norms = np.linalg.norm(p, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (p / norms).astype(np.float32)


def pairs_above(vectors: np.ndarray, threshold: float, *, top_k: int = 20) -> Iterator[tuple]:
    """Yield (rows_i, cols_j, sims) arrays of pairs i < j with cosine ≥ threshold, at most
    `top_k` per row, computed block by block."""
    n = len(vectors)
    block = max(1, min(n, BLOCK_CELLS // max(n, 1)))
    for start in range(0, n, block):
        stop = min(n, start + block)
        # only columns j ≥ start: the upper triangle, half the work
        sims = vectors[start:stop] @ vectors[start:].T
        square = sims[:, : stop - start]
        square[np.tril_indices(stop - start)] = -1.0
        rows, cols = np.nonzero(sims >= threshold)
        if len(rows) == 0:
            continue
        vals = sims[rows, cols]
        counts = np.bincount(rows, minlength=stop - start)
        if counts.max() > top_k:
            order = np.lexsort((-vals, rows))
            rows, cols, vals = rows[order], cols[order], vals[order]
            rank = np.arange(len(rows)) - np.repeat(np.cumsum(counts) - counts, counts)
            keep = rank < top_k
            rows, cols, vals = rows[keep], cols[keep], vals[keep]
        yield rows + start, cols + start, vals


def lexical_matrix(texts: list[str]) -> sparse.csr_matrix:
    """Character 3–5-gram vectors weighted by this corpus' idf (rows L2-normalised)."""
    return idf_weighted(char_ngrams(texts))


def row_dots(x: sparse.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Dot products of row pairs (i[k], j[k]) of a sparse matrix."""
    if len(i) == 0:
        return np.zeros(0, dtype=np.float32)
    return np.asarray(x[i].multiply(x[j]).sum(axis=1), dtype=np.float32).ravel()
