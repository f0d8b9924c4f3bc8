"""Opinion groups from a participant × item vote matrix, the way Pol.is finds them.

No Django here: numbers in, dataclasses out. The method (after Pol.is's public description
and its open-source math; no code taken from it):

1. The matrix holds 1 (agree), -1 (disagree), 0 (pass) and NaN (not seen). Items Pol.is has
   moderated out count as a pass by everyone (Pol.is zeroes their whole column).
2. Participants who voted on at least ``min(min_votes, n_items)`` items take part in the
   grouping ("in the conversation"); if fewer than 15 do, the most active voters are added up
   to 15. The others get no group (None) but still get coordinates.
3. Missing votes are imputed by the item's mean; the matrix is centred and its first two
   principal components found. Each participant is projected using only the items they voted
   on and scaled by ``sqrt(n_items / n_votes)``, so someone who voted on few items is not
   pulled into the centre just for being quiet.
4. The participants in the conversation are clustered into up to 100 base clusters; the number
   of groups k (2 … 5, fewer for small matrices) is the one whose weighted k-means of the base
   cluster centres has the best silhouette (Pol.is's criterion). The groups themselves are the
   k-means of the participants' own points for that k (deterministic ``random_state``; several
   starts, the tightest kept) — steadier than grouping the base clusters, which depends on
   where k-means happened to start.
5. Per group and item: agree / disagree / pass counts. An item is *consensus* when every group
   agrees (or every group disagrees) with it significantly; *divisive* when one group's
   agreement or disagreement differs significantly from the rest (Pol.is's representativeness
   test), ranked by the spread between the groups' agreement (or disagreement) Items moderated out are
   never in either list.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

MIN_VOTES = 7
GREEDY_PARTICIPANTS = 15
BASE_CLUSTERS = 100
MAX_GROUPS = 5
Z_90 = 1.2816  # one-sided 90 % significance


@dataclass(frozen=True)
class GroupItemStats:
    """How one group voted on one item."""

    group: int
    n_agree: int
    n_disagree: int
    n_pass: int

    @property
    def n_seen(self) -> int:
        return self.n_agree + self.n_disagree + self.n_pass

    @property
    def agree_share(self) -> float | None:
        return self.n_agree / self.n_seen if self.n_seen else None

    @property
    def disagree_share(self) -> float | None:
        return self.n_disagree / self.n_seen if self.n_seen else None

    @property
    def p_agree(self) -> float:
        """Agreement with a +1 prior (Pol.is's estimate): (A + 1) / (S + 2)."""
        return (self.n_agree + 1) / (self.n_seen + 2)

    @property
    def p_disagree(self) -> float:
        return (self.n_disagree + 1) / (self.n_seen + 2)


@dataclass(frozen=True)
class ItemResult:
    """One item: every group's votes, and how much it unites or divides them."""

    item: str
    groups: tuple[GroupItemStats, ...]
    consensus_agree: float  # product over groups of p_agree
    consensus_disagree: float
    spread: float  # max - min of the groups' p_agree (or p_disagree, if larger)
    is_consensus: str  # "agree", "disagree" or ""
    representative_for: int | None  # the group that stands out on it (significant), if any
    representative_as: str  # "agree" / "disagree" / ""


@dataclass(frozen=True)
class OpinionResult:
    items: tuple[str, ...]
    participants: tuple[str, ...]
    groups: dict[str, int | None]  # participant → group number (0 = largest), None if left out
    coordinates: dict[str, tuple[float, float]]  # participant → (x, y), those with a vote
    group_sizes: tuple[int, ...]
    k: int
    silhouette: float | None
    explained_variance: tuple[float, ...]
    item_results: tuple[ItemResult, ...]
    consensus: tuple[str, ...]  # items every group agrees (or disagrees) with, strongest first
    divisive: tuple[str, ...]  # items the groups differ most on, most divisive first
    parameters: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """Plain JSON-able form (what the platform stores)."""
        items = []
        for r in self.item_results:
            row = asdict(r)
            row["groups"] = [
                {
                    "group": g.group,
                    "n_agree": g.n_agree,
                    "n_disagree": g.n_disagree,
                    "n_pass": g.n_pass,
                }
                for g in r.groups
            ]
            items.append(row)
        return {
            "items": list(self.items),
            "participants": list(self.participants),
            "groups": self.groups,
            "coordinates": {
                p: [round(x, 4), round(y, 4)] for p, (x, y) in self.coordinates.items()
            },
            "group_sizes": list(self.group_sizes),
            "k": self.k,
            "silhouette": self.silhouette,
            "explained_variance": list(self.explained_variance),
            "item_results": items,
            "consensus": list(self.consensus),
            "divisive": list(self.divisive),
            "parameters": self.parameters,
        }


def prop_test(successes: int, n: int) -> float:
    """z of a share against one half, with a +1 prior on both counts."""
    return 2 * math.sqrt(n + 1) * ((successes + 1) / (n + 1) - 0.5)


def two_prop_test(s1: int, s2: int, n1: int, n2: int) -> float:
    """z of the difference between two shares (each count +1)."""
    s1, s2, n1, n2 = s1 + 1, s2 + 1, n1 + 1, n2 + 1
    pooled = (s1 + s2) / (n1 + n2)
    if pooled <= 0 or pooled >= 1:
        return 0.0
    return (s1 / n1 - s2 / n2) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))


def _principal_axes(centred: np.ndarray) -> tuple[np.ndarray, tuple[float, ...]]:
    """The first two principal axes (items × 2) and the share of variance each explains."""
    n_items = centred.shape[1]
    cov = centred.T @ centred
    values, vectors = np.linalg.eigh(cov)
    order = np.argsort(values)[::-1]
    values, vectors = values[order], vectors[:, order]
    axes = np.zeros((n_items, 2))
    take = min(2, n_items)
    axes[:, :take] = vectors[:, :take]
    for j in range(take):  # a fixed sign, so the picture does not flip between runs
        pivot = np.argmax(np.abs(axes[:, j]))
        if axes[pivot, j] < 0:
            axes[:, j] = -axes[:, j]
    total = float(values.clip(min=0).sum())
    explained = tuple(round(float(values[j]) / total, 4) if total > 0 else 0.0 for j in range(take))
    return axes, explained


def _in_conversation(n_votes: np.ndarray, n_items: int, min_votes: int) -> np.ndarray:
    keep = n_votes >= min(min_votes, n_items)
    keep &= n_votes > 0
    if keep.sum() < GREEDY_PARTICIPANTS:
        # too few: take the most active voters (Pol.is does the same for small conversations)
        order = np.argsort(-n_votes, kind="stable")
        for i in order:
            if keep.sum() >= GREEDY_PARTICIPANTS or n_votes[i] == 0:
                break
            keep[i] = True
    return keep


def _choose_groups(
    points: np.ndarray, *, max_groups: int, base_clusters: int, random_state: int
) -> tuple[np.ndarray, int, float | None]:
    """Labels 0..k-1 for `points`, k chosen by silhouette over base clusters (as Pol.is)."""
    distinct, where = np.unique(points.round(9), axis=0, return_inverse=True)
    if len(distinct) == 1:
        return np.zeros(len(points), dtype=int), 1, None
    if len(distinct) == 2:  # two camps that each voted as one
        return where.reshape(-1).astype(int), 2, 1.0
    n_base = min(base_clusters, len(distinct))
    base = KMeans(n_base, n_init=3, random_state=random_state).fit(points)
    centres = base.cluster_centers_
    weights = np.bincount(base.labels_, minlength=n_base).astype(float)
    top_k = min(max_groups, 2 + n_base // 12, n_base - 1)
    best_k, best_score = 0, -2.0
    for k in range(2, top_k + 1):
        grouping = KMeans(k, n_init=10, random_state=random_state).fit(
            centres, sample_weight=weights
        )
        if len(set(grouping.labels_)) < 2:
            continue
        score = float(silhouette_score(centres, grouping.labels_))
        if score > best_score + 1e-9:
            best_k, best_score = k, score
    if best_k == 0:
        return np.zeros(len(points), dtype=int), 1, None
    final = KMeans(best_k, n_init=10, random_state=random_state).fit(points)
    return final.labels_, best_k, round(best_score, 4)


def analyse(
    votes: np.ndarray,
    *,
    participants: list[str] | tuple[str, ...],
    items: list[str] | tuple[str, ...],
    moderated_out: set[str] | frozenset[str] = frozenset(),
    min_votes: int = MIN_VOTES,
    max_groups: int = MAX_GROUPS,
    base_clusters: int = BASE_CLUSTERS,
    random_state: int = 0,
) -> OpinionResult:
    """Group `participants` (rows of `votes`) by how they voted on `items` (columns).

    `votes` holds 1, -1, 0 or NaN. Raises ValueError on a malformed matrix.
    """
    matrix = np.asarray(votes, dtype=float)
    if matrix.ndim != 2 or matrix.shape != (len(participants), len(items)):
        raise ValueError("the vote matrix must be participants × items")
    if len(set(participants)) != len(participants) or len(set(items)) != len(items):
        raise ValueError("participant and item names must be unique")
    seen = ~np.isnan(matrix)
    if not np.isin(matrix[seen], (-1.0, 0.0, 1.0)).all():
        raise ValueError("votes must be 1, -1, 0 or missing")
    n_participants, n_items = matrix.shape
    parameters = {
        "min_votes": min_votes,
        "max_groups": max_groups,
        "base_clusters": base_clusters,
        "random_state": random_state,
        "moderated_out": sorted(moderated_out),
    }
    n_votes = seen.sum(axis=1)
    in_conv = _in_conversation(n_votes, n_items, min_votes) if n_items else n_votes > 0

    # Pol.is zeroes moderated-out columns: a pass by everyone, which only widens the scaling.
    rating = matrix.copy()
    out_cols = np.array([item in moderated_out for item in items], dtype=bool)
    rating[:, out_cols] = 0.0
    rated = ~np.isnan(rating)
    counts = rated.sum(axis=0)
    means = np.divide(
        np.where(rated, rating, 0.0).sum(axis=0),
        counts,
        out=np.zeros(n_items),
        where=counts > 0,
    )
    centred = np.where(rated, rating - means, 0.0)
    axes, explained = _principal_axes(centred) if n_items else (np.zeros((0, 2)), ())
    scale = np.sqrt(n_items / np.maximum(rated.sum(axis=1), 1))
    points = (centred @ axes) * scale[:, None]

    labels = np.full(n_participants, -1)
    k, silhouette = 0, None
    if in_conv.sum() >= 4:
        group_labels, k, silhouette = _choose_groups(
            points[in_conv],
            max_groups=max_groups,
            base_clusters=base_clusters,
            random_state=random_state,
        )
        # number the groups by size, largest first, ties by first member
        sizes = np.bincount(group_labels, minlength=k)
        order = sorted(range(k), key=lambda g: (-sizes[g], int(np.argmax(group_labels == g))))
        renumber = {old: new for new, old in enumerate(order)}
        labels[in_conv] = [renumber[g] for g in group_labels]
    group_sizes = tuple(int((labels == g).sum()) for g in range(k))

    item_results = _item_results(matrix, labels, k, items)
    shown = [r for r in item_results if r.item not in moderated_out]  # as Pol.is: never those
    consensus = sorted(
        (r for r in shown if r.is_consensus),
        key=lambda r: -(r.consensus_agree if r.is_consensus == "agree" else r.consensus_disagree),
    )
    divisive = sorted(
        (r for r in shown if r.representative_for is not None and k >= 2),
        key=lambda r: (-r.spread, r.item),
    )
    return OpinionResult(
        items=tuple(items),
        participants=tuple(participants),
        groups={
            p: (int(labels[i]) if labels[i] >= 0 else None) for i, p in enumerate(participants)
        },
        coordinates={
            p: (float(points[i, 0]), float(points[i, 1]))
            for i, p in enumerate(participants)
            if n_votes[i] > 0
        },
        group_sizes=group_sizes,
        k=k,
        silhouette=silhouette,
        explained_variance=explained,
        item_results=tuple(item_results),
        consensus=tuple(r.item for r in consensus),
        divisive=tuple(r.item for r in divisive),
        parameters=parameters,
    )


def _item_results(matrix: np.ndarray, labels: np.ndarray, k: int, items) -> list[ItemResult]:
    results = []
    for j, item in enumerate(items):
        column = matrix[:, j]
        stats = tuple(
            GroupItemStats(
                group=g,
                n_agree=int((column[labels == g] == 1).sum()),
                n_disagree=int((column[labels == g] == -1).sum()),
                n_pass=int((column[labels == g] == 0).sum()),
            )
            for g in range(k)
        )
        consensus_agree = math.prod(s.p_agree for s in stats) if stats else 0.0
        consensus_disagree = math.prod(s.p_disagree for s in stats) if stats else 0.0
        is_consensus = ""
        if k >= 1 and all(s.n_seen for s in stats):
            if all(s.p_agree > 0.5 and prop_test(s.n_agree, s.n_seen) > Z_90 for s in stats):
                is_consensus = "agree"
            elif all(
                s.p_disagree > 0.5 and prop_test(s.n_disagree, s.n_seen) > Z_90 for s in stats
            ):
                is_consensus = "disagree"
        best_group, best_as, best_z = None, "", 0.0
        if k >= 2:
            for s in stats:
                rest = [o for o in stats if o.group != s.group]
                rest_seen = sum(o.n_seen for o in rest)
                for kind, mine, theirs in (
                    ("agree", s.n_agree, sum(o.n_agree for o in rest)),
                    ("disagree", s.n_disagree, sum(o.n_disagree for o in rest)),
                ):
                    z_rep = two_prop_test(mine, theirs, s.n_seen, rest_seen)
                    z_in = prop_test(mine, s.n_seen)
                    if z_rep > Z_90 and z_in > Z_90 and z_rep > best_z:
                        best_group, best_as, best_z = s.group, kind, z_rep
        p_agrees = [s.p_agree for s in stats]
        p_disagrees = [s.p_disagree for s in stats]
        results.append(
            ItemResult(
                item=item,
                groups=stats,
                consensus_agree=round(consensus_agree, 6),
                consensus_disagree=round(consensus_disagree, 6),
                spread=round(
                    max(max(p_agrees) - min(p_agrees), max(p_disagrees) - min(p_disagrees)), 6
                )
                if stats
                else 0.0,
                is_consensus=is_consensus,
                representative_for=best_group,
                representative_as=best_as,
            )
        )
    return results
