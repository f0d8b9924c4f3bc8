"""The clustering method the Veikart assistant uses: e5 on the text without stop words,
average linkage on centred cosines cut at a distance threshold (number of clusters not given)."""

import numpy as np

from veikart.analysis import cluster, get_embedder
from veikart.analysis.clustering import DISTANCE_THRESHOLD

LIBRARY = [
    "Biblioteket bør ha åpent på lørdager",
    "Lengre åpningstider på biblioteket i helgene",
    "Kan biblioteket holde åpent søndag også?",
    "Jeg vil låne bøker i helgen, men biblioteket er stengt",
]
DARK_ROAD = [
    "Det er for mørkt på skoleveien om vinteren, sett opp gatelys",
    "Skoleveien er helt mørk i desember, vi trenger belysning",
    "Gatelysene langs skoleveien må repareres, det er mørkt",
    "Barna går til skolen i bekmørke, veien trenger lys",
]
OUTLIER = "Det bør være lov å ha høner i hagen"
TEXTS = LIBRARY + DARK_ROAD + [OUTLIER]


def partition(labels: list[int]) -> set[frozenset[int]]:
    """The groups as sets of positions (ungrouped inputs each on their own)."""
    groups: dict[object, set[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(label if label >= 0 else ("u", i), set()).add(i)
    return {frozenset(g) for g in groups.values()}


def test_default_embedder_embeds_the_text_without_stop_words():
    emb = get_embedder()
    assert emb.name.endswith("-kw")
    v = emb.embed(["Vi trenger flere benker i parken.", "benker parken"])
    np.testing.assert_allclose(v[0], v[1], atol=1e-6)


def test_two_paraphrase_groups_and_an_outlier():
    result = cluster(get_embedder().embed(TEXTS), TEXTS)
    assert result.n_clusters == 2
    assert partition(result.labels) == {
        frozenset(range(4)),
        frozenset(range(4, 8)),
        frozenset({8}),
    }
    assert result.labels[8] == -1
    library = result.labels[0]
    assert "biblioteket" in result.keywords[library]


def test_clustering_is_deterministic_and_independent_of_input_order():
    vectors = get_embedder().embed(TEXTS)
    first = cluster(vectors, TEXTS)
    again = cluster(vectors.copy(), list(TEXTS))
    assert first == again
    order = np.random.default_rng(3).permutation(len(TEXTS))
    shuffled = cluster(vectors[order], [TEXTS[i] for i in order])
    back = [0] * len(TEXTS)
    for position, i in enumerate(order):
        back[i] = shuffled.labels[position]
    assert partition(back) == partition(first.labels)


def test_a_tighter_threshold_splits_more():
    vectors = get_embedder().embed(TEXTS)
    loose = cluster(vectors, TEXTS, concept_weight=0.0)
    tight = cluster(vectors, TEXTS, threshold=DISTANCE_THRESHOLD / 2, concept_weight=0.0)
    assert sum(x == -1 for x in tight.labels) > sum(x == -1 for x in loose.labels)
