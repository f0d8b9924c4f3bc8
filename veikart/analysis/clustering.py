"""Clustering inputs into candidate proposals, the number of clusters chosen by a threshold.

Small corpora (≤ EXACT_MAX inputs): average-linkage agglomerative clustering on a mixed
similarity, the cosine of the embedding vectors after removing the corpus mean and the cosine
of the thesaurus topics the inputs name (concepts.py, CONCEPT_WEIGHT), cut at
DISTANCE_THRESHOLD, so the number of clusters follows from the data. Large corpora: mini-batch
k-means on the vectors and topics side by side into a few thousand micro-clusters, then the
same agglomeration on their centroids. Clusters smaller than MIN_SIZE become "ungrouped" (-1).

Measured with bench/analysis_quality.py (adjusted Rand index, number of clusters not given),
vectors from the default embedder (e5 on the text without stop words): 0.68 on the tuning part
of analysis_labelled.csv, 0.63 on its held-out part, 0.60 on all of it, 0.66 on
analysis_check.csv, a second set on other subjects, and 0.47 on analysis_check2.csv, a third set
written blind; without the thesaurus 0.33 / 0.51 / 0.28 / 0.52 / 0.25. What else was measured and not kept is in docs/architecture.md.
"""

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from veikart.analysis import concepts as concept_lexicon
from veikart.analysis.similarity import centred, lexical_matrix
from veikart.analysis.text import stem, words

EXACT_MAX = 4_000
MIN_SIZE = 2
# Measured on bench/data/analysis_labelled.csv (tuning part): mixing in character n-grams did
# not help clustering of paraphrases (it does help near-duplicates), so the weight is 1.
SEMANTIC_WEIGHT = 1.0
# Average-linkage cut, on 1 - the mixed similarity; with CONCEPT_WEIGHT the best of 0.85–0.925 ×
# 0.2–0.5 on the tuning part of analysis_labelled.csv (0.679; 0.875: 0.656, 0.925: 0.633).
DISTANCE_THRESHOLD = 0.9
MICRO_CLUSTERS = 2_000
# Share of the similarity that comes from the thesaurus' topics (concepts.py), the rest from
# the embedding (0.3: 0.659, 0.4: 0.679, 0.5: 0.639 on the tuning part at the cut below);
# 0 turns the thesaurus off.
CONCEPT_WEIGHT = 0.4


@dataclass
class Clustering:
    labels: list[int]
    n_clusters: int
    keywords: dict[int, list[str]] = field(default_factory=dict)
    representative: dict[int, int] = field(default_factory=dict)


def cluster(
    vectors: np.ndarray,
    texts: list[str],
    *,
    threshold: float | None = None,
    min_size: int = MIN_SIZE,
    concept_weight: float | None = None,
    lexicon: concept_lexicon.Lexicon | None = None,
) -> Clustering:
    """Group similar inputs; `labels[i]` is a cluster number from 0, or -1 for ungrouped.

    `lexicon`: the thesaurus of topics (default: concepts.load()); `concept_weight` 0 leaves
    it out."""
    n = len(texts)
    threshold = DISTANCE_THRESHOLD if threshold is None else threshold
    weight = CONCEPT_WEIGHT if concept_weight is None else concept_weight
    if n == 0:
        return Clustering(labels=[], n_clusters=0)
    v = centred(vectors)
    c, found = None, []
    if weight <= 0:
        lexicon = None
    else:
        lexicon = lexicon or concept_lexicon.load()
        found = concept_lexicon.text_concepts(texts, lexicon)
        c = concept_rows(found, len(lexicon))
    if n == 1:
        raw = np.zeros(1, dtype=int)
    elif n <= EXACT_MAX:
        raw = _agglomerate(_mixed_similarity(v, texts, c, weight), threshold)
    else:
        raw = _micro_then_agglomerate(_joined(v, c, weight), threshold)
    labels = _drop_small(raw, min_size)
    n_clusters = int(labels.max()) + 1 if len(labels) and labels.max() >= 0 else 0
    keywords = cluster_keywords(texts, labels)
    if lexicon is not None:
        keywords = _with_topics(keywords, labels, found, lexicon)
    return Clustering(
        labels=labels.tolist(),
        n_clusters=n_clusters,
        keywords=keywords,
        representative=_representatives(v, labels),
    )


def concept_rows(found: list[set[int]], n_concepts: int) -> np.ndarray:
    """Dense (n, concepts) rows for the topics each text names, weighted by how rare the topic
    is in this corpus (a topic half the inputs name says little about which belong together),
    L2-normalised; a text naming none is a row of zeros."""
    c = np.zeros((len(found), n_concepts), dtype=np.float32)
    for row, hits in enumerate(found):
        c[row, list(hits)] = 1.0
    df = c.sum(axis=0)
    # smoothed (+1, as scikit-learn's idf): a topic every input names still counts
    c *= (np.log((1.0 + len(found)) / (1.0 + df)) + 1.0).astype(np.float32)
    norms = np.linalg.norm(c, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    c /= norms
    return c


def _mixed_similarity(
    v: np.ndarray, texts: list[str], c: np.ndarray | None = None, weight: float = 0.0
) -> np.ndarray:
    sim = SEMANTIC_WEIGHT * (v @ v.T)
    if SEMANTIC_WEIGHT < 1.0:
        lex = lexical_matrix(texts)
        sim += (1 - SEMANTIC_WEIGHT) * (lex @ lex.T).toarray()
    if c is not None and weight > 0:
        sim = (1 - weight) * sim + weight * (c @ c.T)
    return sim


def _joined(v: np.ndarray, c: np.ndarray | None, weight: float) -> np.ndarray:
    """Embedding and topics side by side, so that a dot product mixes them as
    _mixed_similarity does (for the large-corpus path, which works on vectors)."""
    if c is None or weight <= 0:
        return v
    out = np.empty((len(v), v.shape[1] + c.shape[1]), dtype=np.float32)
    out[:, : v.shape[1]] = v
    out[:, : v.shape[1]] *= float(np.sqrt(1 - weight))
    out[:, v.shape[1] :] = c
    out[:, v.shape[1] :] *= float(np.sqrt(weight))
    return out


def _with_topics(
    keywords: dict[int, list[str]],
    labels: np.ndarray,
    found: list[set[int]],
    lexicon: concept_lexicon.Lexicon,
) -> dict[int, list[str]]:
    """Put the topic most of a cluster's inputs name first in its label."""
    sizes: Counter = Counter()
    counts: dict[int, Counter] = {c: Counter() for c in keywords}
    for label, topics in zip(labels.tolist(), found, strict=True):
        if label >= 0:
            sizes[label] += 1
            counts[label].update(topics)
    out = {}
    for c, words_ in keywords.items():
        topic = ""
        if counts[c]:
            best, n = min(counts[c].items(), key=lambda kv: (-kv[1], lexicon.concepts[kv[0]]))
            if n * 2 > sizes[c]:
                topic = lexicon.concepts[best].replace("_", " ")
        out[c] = (([topic] if topic else []) + [w for w in words_ if w != topic])[: len(words_)]
    return out


def _agglomerate(sim: np.ndarray, threshold: float) -> np.ndarray:
    dist = np.clip(1.0 - sim, 0.0, 2.0).astype(np.float64)
    np.fill_diagonal(dist, 0.0)
    dist = (dist + dist.T) / 2
    tree = linkage(squareform(dist, checks=False), method="average")
    return fcluster(tree, t=threshold, criterion="distance") - 1


def _micro_then_agglomerate(v: np.ndarray, threshold: float) -> np.ndarray:
    from sklearn.cluster import MiniBatchKMeans

    k = min(MICRO_CLUSTERS, max(2, len(v) // 20))
    km = MiniBatchKMeans(
        n_clusters=k,
        init="random",  # k-means++ with thousands of centres costs more than the fit itself
        batch_size=4096,
        n_init=1,
        max_iter=10,
        random_state=0,
    )
    micro = km.fit_predict(v)
    centroids = km.cluster_centers_.astype(np.float32)
    centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-9)
    top = _agglomerate(centroids @ centroids.T, threshold)
    labels = top[micro]
    # an input far from its micro-cluster's centre fits nowhere
    fit = np.einsum("ij,ij->i", v, centroids[micro])
    labels[fit < 1.0 - threshold] = -1
    return labels


def _drop_small(raw: np.ndarray, min_size: int) -> np.ndarray:
    """Renumber clusters by size (largest = 0); those under min_size become -1."""
    counts = Counter(int(x) for x in raw if x >= 0)
    order = sorted((c for c in counts if counts[c] >= min_size), key=lambda c: (-counts[c], c))
    mapping = {c: k for k, c in enumerate(order)}
    return np.array([mapping.get(int(x), -1) for x in raw], dtype=int)


def _representatives(v: np.ndarray, labels: np.ndarray) -> dict[int, int]:
    out = {}
    for c in range(int(labels.max()) + 1 if len(labels) else 0):
        members = np.flatnonzero(labels == c)
        centre = v[members].mean(axis=0)
        out[c] = int(members[np.argmax(v[members] @ centre)])
    return out


def cluster_keywords(texts: list[str], labels: np.ndarray, top: int = 3) -> dict[int, list[str]]:
    """A short label per cluster: the stems most particular to it (class-based tf-idf),
    shown as the word form its inputs use most."""
    n_clusters = int(labels.max()) + 1 if len(labels) else 0
    if n_clusters == 0:
        return {}
    stem_docs: Counter = Counter()
    per_cluster: dict[int, Counter] = {c: Counter() for c in range(n_clusters)}
    surface: dict[str, Counter] = {}
    for text, label in zip(texts, labels, strict=True):
        seen = set()
        for w in words(text):
            s = stem(w)
            surface.setdefault(s, Counter())[w] += 1
            seen.add(s)
        stem_docs.update(seen)
        if label >= 0:
            per_cluster[int(label)].update(seen)
    n = len(texts)
    out = {}
    for c, counts in per_cluster.items():
        size = max(1, int((labels == c).sum()))
        scored = sorted(
            counts,
            key=lambda s: (-(counts[s] / size) * np.log(1 + n / stem_docs[s]), s),
        )
        out[c] = [surface[s].most_common(1)[0][0] for s in scored[:top]]
    return out
