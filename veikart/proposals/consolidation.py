"""The Veikart assistant's computation: from a process's unlinked inputs to suggested clusters.

Reads the inputs, gets their vectors from the embedding cache (`embeddings.py`), and asks the
analysis package (no Django there) for near-duplicates, clusters with keywords, and the focus
area and realiser of each cluster (from its inputs together), learnt from the proposals already
classified in the process (or, when none are, from the focus areas' descriptions and the
built-in realiser model of `analysis/cues.py`). The result is a plain dict stored in
ConsolidationRun.result, so showing it again never recomputes. Writes nothing itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from veikart.inputs.models import Input, InputStatus
from veikart.processes.models import Process
from veikart.proposals.embeddings import input_vectors
from veikart.proposals.models import ProposalInput, ProposalStatus

MAX_DUPLICATES = 500
CHUNK = 2048
TITLE_LENGTH = 100


def consolidation_inputs(*, process: Process):
    """The inputs the assistant works on: not hidden, and not linked to any proposal."""
    return (
        Input.objects.filter(process=process)
        .exclude(status=InputStatus.HIDDEN)
        .unlinked()
        .order_by("id")
    )


def training_links(*, process: Process):
    """(input id, text, proposal id, realiser, focus area id) of every classified input link."""
    return (
        ProposalInput.objects.filter(proposal__process=process)
        .exclude(proposal__status=ProposalStatus.MERGED)
        .exclude(input__status=InputStatus.HIDDEN)
        .order_by("input_id", "proposal_id")
        .values_list(
            "input_id",
            "input__text",
            "proposal_id",
            "proposal__realiser",
            "proposal__focus_area_id",
        )
    )


def uncached_count(*, process: Process, embedder: str) -> int:
    """Inputs of the process (not hidden) with no cached vector for this embedder yet."""
    return (
        Input.objects.filter(process=process)
        .exclude(status=InputStatus.HIDDEN)
        .exclude(embeddings__model=embedder)
        .count()
    )


@dataclass
class Work:
    """What a run reads before computing: sizes known up front, for the progress bar."""

    items: list[tuple[int, str]]
    training: list[tuple[int, str, int, str, int | None]]
    focus_areas: dict[str, str]

    @property
    def total(self) -> int:
        return len(self.items) + len(self.training)


def work_read(*, process: Process) -> Work:
    return Work(
        items=list(consolidation_inputs(process=process).values_list("id", "text")),
        training=list(training_links(process=process)),
        focus_areas={
            str(fa.pk): f"{fa.name}. {fa.description}".strip()
            for fa in process.focus_areas.order_by("order")
        },
    )


def compute(*, work: Work, embedder: Any, progress: Callable[[int], None] | None = None) -> dict:
    """Cluster the unlinked inputs and suggest what to do with each cluster."""
    from veikart.analysis import (
        Suggester,
        best_labels,
        builtin_prior,
        cluster,
        description_probabilities,
        group_means,
        near_duplicates,
        realiser_from_cues,
        suggest_from_descriptions,
    )

    items = work.items
    step = (lambda n: progress(n)) if progress else None
    vectors = input_vectors(items=items, embedder=embedder, progress=step)
    train_items = list({pk: (pk, text) for pk, text, *_rest in work.training}.values())
    train_step = (lambda n: progress(len(items) + n)) if progress else None
    train_vectors = input_vectors(items=train_items, embedder=embedder, progress=train_step)
    row_of = {pk: i for i, (pk, _t) in enumerate(train_items)}
    result: dict[str, Any] = {
        "embedder": embedder.name,
        "input_ids": [pk for pk, _t in items],
        "clusters": [],
        "ungrouped": [],
        "duplicates": [],
        "learnt_from": "",
    }
    if not items:
        return result
    texts = [text for _pk, text in items]
    ids = [pk for pk, _t in items]

    if len(items) >= 2:
        pairs = near_duplicates(vectors, texts)
        pairs = sorted(pairs, key=lambda p: -p[2])[:MAX_DUPLICATES]
        result["duplicates"] = [[ids[a], ids[b], round(float(s), 3)] for a, b, s in pairs]
        grouping = cluster(vectors, texts)
        labels, keywords = list(grouping.labels), grouping.keywords
        representative = grouping.representative
    else:
        labels, keywords, representative = [-1], {}, {}

    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        if label < 0:
            result["ungrouped"].append(ids[i])
        else:
            members.setdefault(int(label), []).append(i)
    pids, matrix = _proposal_centroids(work, train_vectors, row_of)
    # The nearest existing proposal of every input, for those that end up in no cluster.
    result["closest_of_input"] = {
        str(pk): near for pk, near in zip(ids, _closest(vectors, pids, matrix), strict=True) if near
    }
    order = sorted(members, key=lambda c: (-len(members[c]), c))
    if not order:
        return result
    centroids = np.stack([_unit(vectors[members[c]].mean(axis=0)) for c in order])

    train_texts = [text for _pk, text in train_items]
    # The clusters' members, for suggesting one realiser and focus area per cluster from the
    # mean of its members' probabilities (for the realiser, each read with its wording cues).
    member_rows = [i for c in order for i in members[c]]
    member_groups = [position for position, c in enumerate(order) for _i in members[c]]
    member_vectors = vectors[member_rows]
    member_texts = [texts[i] for i in member_rows]
    first_of = np.cumsum([0] + [len(members[c]) for c in order[:-1]]).tolist()

    def train(column: int) -> tuple[np.ndarray, list[str], list[str]] | None:
        rows = [(row_of[t[0]], str(t[column])) for t in work.training if t[column] is not None]
        if len({label for _r, label in rows}) < 2:
            return None
        idx = [r for r, _l in rows]
        return train_vectors[idx], [label for _r, label in rows], [train_texts[r] for r in idx]

    def per_cluster(suggester, prior=None) -> list[tuple[str, float]]:
        out = suggester.predict(member_vectors, member_texts, groups=member_groups, prior=prior)
        return [out[k] for k in first_of]

    realisers, focus, learnt = None, None, "descriptions"
    if data := train(3):
        prior = builtin_prior(member_texts, data[1])
        realisers = per_cluster(Suggester().fit(*data), prior)
        learnt = "proposals"
    else:  # the built-in model (wording cues), nothing learnt from this process yet
        names, p = realiser_from_cues(member_texts)
        realisers = best_labels(names, group_means(p, member_groups)[first_of])
    if data := train(4):
        prior = None
        if work.focus_areas:
            prior = description_probabilities(member_vectors, work.focus_areas, embedder)
        # The vectors alone, with the focus areas' descriptions as a prior: the wording cues
        # are about who acts, and measured to hurt the focus area (docs/architecture.md).
        focus = per_cluster(Suggester().fit(data[0], data[1]), prior)
    elif work.focus_areas:
        focus = suggest_from_descriptions(centroids, work.focus_areas, embedder)
    result["learnt_from"] = learnt
    closest = _closest(centroids, pids, matrix)

    for position, c in enumerate(order):
        rows = members[c]
        sims = vectors[rows] @ centroids[position]
        rows = [rows[i] for i in np.argsort(-sims, kind="stable")]
        rep = representative.get(c, rows[0])
        rep = rep if rep in rows else rows[0]
        title, description = _draft(texts[rep], list(keywords.get(c, []))[:5])
        result["clusters"].append(
            {
                "key": position,
                "inputs": [ids[i] for i in rows],
                "keywords": [str(k) for k in list(keywords.get(c, []))[:6]],
                "representative": ids[rep],
                "title": title,
                "description": description,
                "realiser": _suggestion(realisers, position),
                "focus_area": _suggestion(focus, position),
                "closest": closest[position],
                "state": "open",
            }
        )
    return result


def _unit(v: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(v))
    return (v / norm).astype(np.float32) if norm else v.astype(np.float32)


def _suggestion(predictions, position: int) -> list | None:
    if not predictions:
        return None
    label, confidence = predictions[position]
    return [str(label), round(float(confidence), 3)]


def _proposal_centroids(work: Work, train_vectors, row_of) -> tuple[list[int], np.ndarray | None]:
    """Each existing proposal's centroid (the mean of its inputs' vectors), for "closest"."""
    by_proposal: dict[int, list[int]] = {}
    for input_id, _text, proposal_id, *_rest in work.training:
        by_proposal.setdefault(proposal_id, []).append(row_of[input_id])
    if not by_proposal:
        return [], None
    pids = list(by_proposal)
    return pids, np.stack([_unit(train_vectors[by_proposal[p]].mean(axis=0)) for p in pids])


def _closest(vectors: np.ndarray, pids: list[int], matrix: np.ndarray | None) -> list[list | None]:
    """For each vector, the nearest proposal centroid and its cosine, in chunks (bounded memory)."""
    if matrix is None:
        return [None] * len(vectors)
    out: list[list | None] = []
    for start in range(0, len(vectors), CHUNK):
        sims = vectors[start : start + CHUNK] @ matrix.T
        best = sims.argmax(axis=1)
        out += [[pids[b], round(float(sims[i, b]), 3)] for i, b in enumerate(best)]
    return out


def _draft(text: str, keywords: list[str]) -> tuple[str, str]:
    """A title (the representative input's first sentence, shortened) and a description."""
    text = " ".join(text.split())
    first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0].rstrip(".!? ")
    if len(first) > TITLE_LENGTH:
        first = first[:TITLE_LENGTH].rsplit(" ", 1)[0] + " …"
    title = first[:1].upper() + first[1:]
    description = text
    if keywords:
        description += "\n\n" + ", ".join(keywords)
    return title or text[:TITLE_LENGTH], description
