"""The opinion-groups analysis (no Django): two clear camps, edge cases, Pol.is's own grouping."""

from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from veikart.analysis import opinion, polis

ROOT = Path(__file__).resolve().parents[3]
POLIS = next(
    (
        c / "data" / "polis-austria-klimarat"
        for c in (ROOT.parent / "shared", ROOT.parent.parent / "shared")
        if (c / "data" / "polis-austria-klimarat").is_dir()
    ),
    None,
)


def two_camps(n_each: int = 30, n_items: int = 20, seed: int = 1, missing: float = 0.2):
    """Camp A agrees with items 0-9 and disagrees with 10-17; camp B the opposite.
    Everybody agrees with items 18-19. Some noise and some missing votes."""
    rng = np.random.default_rng(seed)
    rows = []
    for camp in (1, -1):
        for _ in range(n_each):
            row = np.concatenate([np.full(10, camp), np.full(8, -camp), np.ones(2)]).astype(float)
            flip = rng.random(n_items) < 0.08
            row[flip & (np.arange(n_items) < 18)] *= -1
            row[rng.random(n_items) < missing] = np.nan
            rows.append(row)
    matrix = np.array(rows)
    participants = [f"p{i}" for i in range(len(rows))]
    items = [f"c{j}" for j in range(n_items)]
    return matrix, participants, items


def test_two_clear_camps_are_found():
    matrix, participants, items = two_camps()
    result = opinion.analyse(matrix, participants=participants, items=items)
    assert result.k == 2
    assert result.group_sizes == (30, 30)
    truth = [0] * 30 + [1] * 30
    found = [result.groups[p] for p in participants]
    assert adjusted_rand_score(truth, found) == 1.0
    # items everybody agrees with are consensus; the camp items are divisive
    assert set(result.consensus) == {"c18", "c19"}
    assert set(result.divisive) == {f"c{j}" for j in range(18)}
    # per-group agreement on a camp item: one group for, the other against
    item0 = next(r for r in result.item_results if r.item == "c0")
    shares = sorted(g.agree_share for g in item0.groups)
    assert shares[0] < 0.2 and shares[1] > 0.8
    assert result.parameters["random_state"] == 0


def test_deterministic_and_json_ready():
    matrix, participants, items = two_camps(seed=3)
    a = opinion.analyse(matrix, participants=participants, items=items)
    b = opinion.analyse(matrix, participants=participants, items=items)
    assert a.to_dict() == b.to_dict()
    import json

    data = json.loads(json.dumps(a.to_dict()))
    assert data["k"] == 2 and len(data["coordinates"]) == 60


def test_participants_with_too_few_votes_are_left_out():
    matrix, participants, items = two_camps()
    matrix[0, :] = np.nan
    matrix[0, :3] = 1  # three votes: below Pol.is's seven
    matrix[1, :] = np.nan  # no votes at all
    result = opinion.analyse(matrix, participants=participants, items=items)
    assert result.groups["p0"] is None
    assert result.groups["p1"] is None
    assert "p0" in result.coordinates and "p1" not in result.coordinates
    assert sum(result.group_sizes) == 58


def test_few_items_lower_the_minimum():
    matrix, participants, items = two_camps(n_items=20, missing=0.0)
    small = matrix[:, :5]
    result = opinion.analyse(small, participants=participants, items=items[:5])
    assert all(g is not None for g in result.groups.values())


def test_too_few_participants_gives_no_groups():
    matrix = np.array([[1.0, -1.0, 1.0], [1.0, 1.0, np.nan]])
    result = opinion.analyse(matrix, participants=["a", "b"], items=["x", "y", "z"])
    assert result.k == 0
    assert result.groups == {"a": None, "b": None}
    assert result.consensus == () and result.divisive == ()


def test_everyone_identical_is_one_group():
    matrix = np.ones((20, 8))
    result = opinion.analyse(
        matrix, participants=[str(i) for i in range(20)], items=[str(j) for j in range(8)]
    )
    assert result.k == 1
    assert set(result.groups.values()) == {0}
    assert len(result.consensus) == 8


def test_moderated_out_items_count_as_a_pass_by_everyone():
    matrix, participants, items = two_camps()
    result = opinion.analyse(
        matrix, participants=participants, items=items, moderated_out={"c3", "c18"}
    )
    assert result.parameters["moderated_out"] == ["c18", "c3"]
    assert result.k == 2
    assert "c3" not in result.divisive and result.consensus == ("c19",)


@pytest.mark.parametrize(
    ("matrix", "message"),
    [
        (np.array([[2.0, 1.0]]), "1, -1, 0"),
        (np.array([1.0, 1.0]), "participants × items"),
    ],
)
def test_bad_matrix(matrix, message):
    with pytest.raises(ValueError, match=message):
        opinion.analyse(matrix, participants=["a"], items=["x", "y"])


def test_significance_tests():
    assert opinion.prop_test(9, 10) > opinion.Z_90
    assert opinion.prop_test(5, 10) < opinion.Z_90
    assert opinion.two_prop_test(9, 1, 10, 10) > opinion.Z_90
    assert opinion.two_prop_test(0, 0, 0, 0) == 0.0


def test_infer_moderated_out_takes_comments_nobody_saw():
    matrix = np.ones((50, 4))
    matrix[1:, 3] = np.nan  # only the author voted on it
    assert polis.infer_moderated_out(matrix, ["a", "b", "c", "d"]) == {"d"}


@pytest.mark.skipif(POLIS is None, reason="../shared/data/polis-austria-klimarat not present")
@pytest.mark.parametrize("conversation", ["austria-climate.5twd2jsnkf.2022-08-08"])
def test_close_to_polis_own_grouping(conversation):
    folder = POLIS / conversation
    data = polis.read_participant_votes(folder / "participants-votes.csv")
    moderated = polis.read_moderated_out(folder / "comments.csv")
    result = opinion.analyse(
        data.matrix, participants=data.participants, items=data.items, moderated_out=moderated
    )
    both = [
        (gid, result.groups[p])
        for p, gid in zip(data.participants, data.group_ids, strict=True)
        if gid and result.groups[p] is not None
    ]
    # Pol.is groups exactly those with at least 7 votes; so do we
    assert len(both) == sum(1 for g in data.group_ids if g)
    ari = adjusted_rand_score([a for a, _ in both], [b for _, b in both])
    assert ari > 0.85


def test_three_camps_give_three_groups():
    rng = np.random.default_rng(5)
    prototypes = np.array([[1.0] * 10 + [-1.0] * 10, [-1.0] * 10 + [1.0] * 10, [1.0] * 20])
    rows, truth = [], []
    for camp, prototype in enumerate(prototypes):
        for _ in range(40):
            row = prototype.copy()
            row[rng.random(20) < 0.1] *= -1
            row[rng.random(20) < 0.3] = np.nan
            rows.append(row)
            truth.append(camp)
    names = [str(i) for i in range(len(rows))]
    result = opinion.analyse(np.array(rows), participants=names, items=[f"c{j}" for j in range(20)])
    assert result.k == 3
    assert adjusted_rand_score(truth, [result.groups[n] for n in names]) > 0.9
