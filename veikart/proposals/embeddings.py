"""The embedding cache: each input's text is embedded once per embedder (InputEmbedding).

`embedder_get()` chooses the embedder from the setting VEIKART_EMBEDDER (None = the analysis
package's default; tests use "tfidf"). `input_vectors()` returns the vectors of the given inputs
in their order, embedding only inputs that have no cached vector for this embedder or whose text
changed since (the cache keeps the SHA-256 of the text it embedded). Derived data, so writing the
cache is not audit-logged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from django.conf import settings
from django.db import transaction

from veikart.inputs.models import InputEmbedding

BATCH_SIZE = 256

Progress = Callable[[int], None]


def embedder_get() -> Any:
    """The embedder the Django side uses (settings.VEIKART_EMBEDDER, else the package default)."""
    from veikart.analysis import get_embedder

    return get_embedder(name=getattr(settings, "VEIKART_EMBEDDER", None) or None)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def input_vectors(
    *,
    items: Sequence[tuple[int, str]],
    embedder: Any,
    batch_size: int = BATCH_SIZE,
    progress: Progress | None = None,
) -> np.ndarray:
    """Vectors (n × dim, float32, L2-normalised) of (input id, text) pairs, in their order.

    Cached vectors are read in one query per batch; the rest are embedded `batch_size` texts at a
    time and stored at once. `progress(done)` is called after each batch with the number of
    inputs handled so far.
    """
    dim = int(embedder.dim)
    out = np.zeros((len(items), dim), dtype=np.float32)
    for start in range(0, len(items), batch_size):
        batch = items[start : start + batch_size]
        hashes = [text_sha256(text) for _pk, text in batch]
        cached = {
            row.input_id: row
            for row in InputEmbedding.objects.filter(
                model=embedder.name, input_id__in=[pk for pk, _t in batch]
            ).only("id", "input_id", "text_sha256", "vector")
        }
        missing: list[int] = []
        for offset, ((pk, _text), digest) in enumerate(zip(batch, hashes, strict=True)):
            row = cached.get(pk)
            vector = bytes(row.vector) if row is not None else b""
            if row is not None and row.text_sha256 == digest and len(vector) == dim * 4:
                out[start + offset] = np.frombuffer(vector, dtype=np.float32)
            else:
                missing.append(offset)
        if missing:
            vectors = np.asarray(embedder.embed([batch[i][1] for i in missing]), dtype=np.float32)
            _store(
                embedder=embedder.name,
                rows=[(batch[i][0], hashes[i], vectors[j]) for j, i in enumerate(missing)],
                cached=cached,
            )
            for j, i in enumerate(missing):
                out[start + i] = vectors[j]
        if progress:
            progress(min(start + batch_size, len(items)))
    return out


def _store(*, embedder: str, rows: list[tuple[int, str, np.ndarray]], cached: dict) -> None:
    """Insert new cache rows and overwrite stale ones (text changed) in one transaction."""
    new, stale = [], []
    for pk, digest, vector in rows:
        data = np.ascontiguousarray(vector, dtype=np.float32).tobytes()
        row = cached.get(pk)
        if row is None:
            new.append(InputEmbedding(input_id=pk, model=embedder, text_sha256=digest, vector=data))
        else:
            row.text_sha256, row.vector = digest, data
            stale.append(row)
    with transaction.atomic():
        InputEmbedding.objects.bulk_create(new, ignore_conflicts=True)
        if stale:
            InputEmbedding.objects.bulk_update(stale, ["text_sha256", "vector"])
