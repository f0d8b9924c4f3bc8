"""Suggestions of focus area or realiser, each with a confidence between 0 and 1.

Learnt from the proposals already classified in the process (`Suggester`), or, before any
are, from how close an input is to each focus area's description (`suggest_from_descriptions`).
"""

import numpy as np
from sklearn.linear_model import LogisticRegression

from veikart.analysis.embedding import Embedder

DESCRIPTION_TEMPERATURE = 0.02


class Suggester:
    """A regularised logistic regression on the embedding vectors.

    Strong regularisation on purpose: it must generalise to proposals about things it has not
    seen, not memorise the ones it has."""

    def __init__(self, c: float = 1.0) -> None:
        self.c = c
        self.classes_: list[str] = []
        self._model: LogisticRegression | None = None

    def fit(self, vectors: np.ndarray, labels: list[str]) -> "Suggester":
        if len(labels) != len(vectors):
            raise ValueError("vectors and labels differ in length")
        if not labels:
            raise ValueError("nothing to learn from")
        self.classes_ = sorted(set(labels))
        if len(self.classes_) > 1:
            self._model = LogisticRegression(C=self.c, class_weight="balanced", max_iter=2000)
            self._model.fit(np.asarray(vectors, dtype=np.float32), labels)
        return self

    def predict(self, vectors: np.ndarray) -> list[tuple[str, float]]:
        if not self.classes_:
            raise ValueError("fit() first")
        if self._model is None:
            return [(self.classes_[0], 1.0)] * len(vectors)
        proba = self._model.predict_proba(np.asarray(vectors, dtype=np.float32))
        best = proba.argmax(axis=1)
        classes = list(self._model.classes_)
        return [(str(classes[b]), round(float(p[b]), 4)) for b, p in zip(best, proba, strict=True)]


def suggest_from_descriptions(
    vectors: np.ndarray, descriptions: dict[str, str], embedder: Embedder
) -> list[tuple[str, float]]:
    """The label whose description is closest to each vector; confidence = softmax share."""
    if not descriptions:
        raise ValueError("no descriptions")
    names = list(descriptions)
    d = embedder.embed([descriptions[k] for k in names])
    sims = np.asarray(vectors, dtype=np.float32) @ d.T
    z = (sims - sims.max(axis=1, keepdims=True)) / DESCRIPTION_TEMPERATURE
    p = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    best = p.argmax(axis=1)
    return [(names[b], round(float(row[b]), 4)) for b, row in zip(best, p, strict=True)]
