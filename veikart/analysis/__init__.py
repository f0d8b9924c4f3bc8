"""Text analysis for consolidating inputs: embeddings, near-duplicates, clusters, suggestions.

No Django in here (a test checks it): the web workflow and the `cluster`, `duplicates` and
`suggest` commands are thin wrappers over these functions.

    emb = get_embedder()                      # default chosen by measurement (docs/architecture.md)
    vectors = emb.embed(texts)                # (n, dim) float32, L2-normalised, deterministic per text
    near_duplicates(vectors, texts)           # [(i, j, score)], i < j, best first
    cluster(vectors, texts)                   # Clustering(labels, n_clusters, keywords, representative)
    Suggester().fit(vectors, labels, texts).predict(vectors, texts)   # [(label, confidence)]
    Suggester().fit(...).predict(vectors, texts, groups=clusters)     # one label per cluster
    realiser_from_cues(texts)                 # built-in realiser model: (names, probabilities)
    suggest_from_descriptions(vectors, descriptions, emb)      # [(label, confidence)]
"""

from veikart.analysis.clustering import Clustering, cluster
from veikart.analysis.cues import cue_features, realiser_from_cues
from veikart.analysis.duplicates import near_duplicates
from veikart.analysis.embedding import Embedder, get_embedder
from veikart.analysis.suggest import (
    REALISER_DESCRIPTIONS,
    Suggester,
    are_realisers,
    best_labels,
    builtin_prior,
    description_probabilities,
    group_means,
    suggest_from_descriptions,
)

__all__ = [
    "Clustering",
    "Embedder",
    "REALISER_DESCRIPTIONS",
    "Suggester",
    "are_realisers",
    "best_labels",
    "builtin_prior",
    "cluster",
    "cue_features",
    "description_probabilities",
    "get_embedder",
    "group_means",
    "near_duplicates",
    "realiser_from_cues",
    "suggest_from_descriptions",
]
