"""Suggestions of focus area or realiser, each with a confidence between 0 and 1.

Learnt from the proposals already classified in the process (`Suggester`), or, before any
are, from how close an input is to each label's description (`suggest_from_descriptions`).

`Suggester` reads the embedding vectors and, when given the texts too, the wording cues of
`cues.py` (who acts, what kind of thing): on the labelled set the cues lift the realiser
accuracy on unseen clusters from 0.51 to about 0.67 per input (docs/architecture.md). Given
`groups` (e.g. the clusters), it suggests one label per group from the mean of its members'
probabilities; given a `prior` (e.g. `description_probabilities`), it blends it in.
"""

from collections.abc import Hashable, Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression

from veikart.analysis.cues import cue_features, realiser_from_cues
from veikart.analysis.embedding import Embedder

DESCRIPTION_TEMPERATURE = 0.02
CUE_WEIGHT = 1.0
PRIOR_WEIGHT = 0.3

# What each realiser means, in the inputs' language: the built-in descriptions the realiser is
# suggested from before any proposal of the process has one (the model reads these, people never
# see them).
REALISER_DESCRIPTIONS = {
    "municipality": "Kommunen må gjøre dette: kommunale tjenester, skole, barnehage, helse, "
    "vei, veilys, fortau, regulering, vedlikehold og drift av kommunale bygg og anlegg.",
    "residents": "Beboerne kan gjøre dette selv: dugnad, frivillige aktiviteter, møteplasser, "
    "nabolag, foreninger, lag, arrangementer, fester og hjelp mellom naboer.",
    "partnership": "Flere parter må samarbeide: kommunen, frivillige, borettslag, næringsliv "
    "og beboere sammen om prosjekter, lokaler, aktivitetstilbud og utvikling av stedet.",
}

Prior = tuple[Sequence[str], np.ndarray]


class Suggester:
    """A class-balanced, regularised logistic regression on the embedding vectors, and on the
    cue features of the texts when `fit` is given them.

    Strong regularisation on purpose: it must generalise to proposals about things it has not
    seen, not memorise the ones it has. The cue features are few (15) and dense, the vectors
    unit length; `cue_weight` scales the cues against the vectors (1.0 measured best)."""

    def __init__(self, c: float = 1.0, cue_weight: float = CUE_WEIGHT) -> None:
        self.c = c
        self.cue_weight = cue_weight
        self.classes_: list[str] = []
        self.uses_texts = False
        self._model: LogisticRegression | None = None

    def _features(self, vectors: np.ndarray, texts: Sequence[str] | None) -> np.ndarray:
        x = np.asarray(vectors, dtype=np.float32)
        if not self.uses_texts:
            return x
        if texts is None or len(texts) != len(x):
            raise ValueError("learnt with texts: give predict() one text per vector")
        return np.hstack([x, self.cue_weight * cue_features(list(texts))])

    def fit(
        self, vectors: np.ndarray, labels: list[str], texts: Sequence[str] | None = None
    ) -> "Suggester":
        """Learn from vectors and labels; with `texts` (one per vector), from their cues too."""
        if len(labels) != len(vectors):
            raise ValueError("vectors and labels differ in length")
        if texts is not None and len(texts) != len(vectors):
            raise ValueError("vectors and texts differ in length")
        if not labels:
            raise ValueError("nothing to learn from")
        self.classes_ = sorted(set(labels))
        self.uses_texts = texts is not None
        self._model = None
        if len(self.classes_) > 1:
            self._model = LogisticRegression(C=self.c, class_weight="balanced", max_iter=5000)
            self._model.fit(self._features(vectors, texts), labels)
            self.classes_ = [str(c) for c in self._model.classes_]
        return self

    def predict_proba(
        self,
        vectors: np.ndarray,
        texts: Sequence[str] | None = None,
        groups: Sequence[Hashable] | None = None,
        prior: Prior | None = None,
        prior_weight: float = PRIOR_WEIGHT,
    ) -> np.ndarray:
        """(n, len(classes_)) probabilities, rows summing to 1.

        `groups`: one key per vector; every member gets its group's mean probabilities.
        `prior`: (names, probabilities (n, len(names))), e.g. from `description_probabilities`;
        blended geometrically, `prior_weight` its share (a class without a prior: uniform)."""
        if not self.classes_:
            raise ValueError("fit() first")
        n = len(vectors)
        if self._model is None:
            return np.ones((n, 1))
        p = self._model.predict_proba(self._features(vectors, texts))
        if prior is not None:
            p = _blend(p, self.classes_, prior, prior_weight)
        if groups is not None:
            p = group_means(p, groups)
        return p

    def predict(
        self,
        vectors: np.ndarray,
        texts: Sequence[str] | None = None,
        groups: Sequence[Hashable] | None = None,
        prior: Prior | None = None,
        prior_weight: float = PRIOR_WEIGHT,
    ) -> list[tuple[str, float]]:
        """The likeliest label of each vector and its probability (see `predict_proba`)."""
        return best_labels(
            self.classes_, self.predict_proba(vectors, texts, groups, prior, prior_weight)
        )


def best_labels(names: Sequence[str], p: np.ndarray) -> list[tuple[str, float]]:
    """Each row's likeliest name and its probability (rounded to 4 places)."""
    return [
        (str(names[b]), round(float(row[b]), 4)) for b, row in zip(p.argmax(axis=1), p, strict=True)
    ]


def _blend(p: np.ndarray, classes: list[str], prior: Prior, weight: float) -> np.ndarray:
    names, q = prior
    q = np.asarray(q, dtype=np.float64)
    if q.shape != (len(p), len(names)):
        raise ValueError("the prior needs one row per vector and one column per name")
    column = {str(name): k for k, name in enumerate(names)}
    aligned = np.full(p.shape, 1.0 / p.shape[1])
    for j, label in enumerate(classes):
        if label in column:
            aligned[:, j] = q[:, column[label]]
    aligned /= aligned.sum(axis=1, keepdims=True)
    log = (1 - weight) * np.log(p + 1e-9) + weight * np.log(aligned + 1e-9)
    out = np.exp(log - log.max(axis=1, keepdims=True))
    return out / out.sum(axis=1, keepdims=True)


def group_means(p: np.ndarray, groups: Sequence[Hashable]) -> np.ndarray:
    """Each row replaced by the mean of the rows of its group (one key per row)."""
    if len(groups) != len(p):
        raise ValueError("one group per vector")
    members: dict[Hashable, list[int]] = {}
    for i, g in enumerate(groups):
        members.setdefault(g, []).append(i)
    out = np.empty_like(p)
    for rows in members.values():
        out[rows] = p[rows].mean(axis=0)
    return out


def are_realisers(labels: Sequence[str]) -> bool:
    """Whether every label is a realiser: then the wording cues and the built-in realiser
    model are used. (For focus areas they were measured to hurt: 0.63 -> 0.52 per input.)"""
    return bool(labels) and set(labels) <= set(REALISER_DESCRIPTIONS)


def builtin_prior(texts: Sequence[str], labels: Sequence[str]) -> Prior | None:
    """The built-in realiser model's probabilities (`cues.realiser_from_cues`) when every label
    is a realiser (municipality, residents, partnership), else None: a prior for `predict`.

    Blended with what the process's proposals teach (weight PRIOR_WEIGHT), it helps most while
    they are few; measured on unseen clusters it adds 0.01 (bench/analysis_quality.py)."""
    if not are_realisers(labels):
        return None
    return realiser_from_cues(list(texts))


def description_probabilities(
    vectors: np.ndarray, descriptions: dict[str, str], embedder: Embedder
) -> tuple[list[str], np.ndarray]:
    """(names, (n, len(names)) softmax of the cosine to each description): usable as a prior."""
    if not descriptions:
        raise ValueError("no descriptions")
    names = list(descriptions)
    d = embedder.embed([descriptions[k] for k in names])
    sims = np.asarray(vectors, dtype=np.float32) @ d.T
    z = (sims - sims.max(axis=1, keepdims=True)) / DESCRIPTION_TEMPERATURE
    p = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    return names, p


def suggest_from_descriptions(
    vectors: np.ndarray, descriptions: dict[str, str], embedder: Embedder
) -> list[tuple[str, float]]:
    """The label whose description is closest to each vector; confidence = softmax share."""
    return best_labels(*description_probabilities(vectors, descriptions, embedder))
