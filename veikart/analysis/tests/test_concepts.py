"""The thesaurus of topics: its format, its matching of Norwegian word forms, and its use in
clustering paraphrases that share no word."""

import numpy as np
import pytest

from veikart.analysis import cluster, concepts
from veikart.analysis.clustering import concept_rows

SMALL = """
# a comment, then a blank line

lekeplass (partnership): lekeplass lekeområde ^huske dissehuske sklie sandkasse klatrestativ
belysning (municipality): belysning gatelys ^lys ^mørk lyktestolpe
t_bane: ^t-bane undergrunnsbane
benk: ^benk sted_å_sitte sitteplass
park: =park =parken parkanlegg
hundepark: lufte_hund hundepark
"""


def test_the_format_is_read_with_realisers_prefixes_and_phrases():
    lexicon = concepts.parse(SMALL)
    assert lexicon.concepts == ("lekeplass", "belysning", "t_bane", "benk", "park", "hundepark")
    assert lexicon.realisers == ("partnership", "municipality", "", "", "", "")
    assert lexicon.exact == {"park": (4,), "parken": (4,)}
    assert "huske" in lexicon.prefix and "sandkasse" in lexicon.plain
    assert lexicon.phrases == {"sted å sitte": (3,), "lufte hund": (5,)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lekeplassen i Furulia er nedslitt", {"lekeplass"}),
        ("Småbarna savner sklie og dissehuske", {"lekeplass"}),
        ("Huskene er borte", {"lekeplass"}),
        ("Nærlekeplassen trenger sandkasser", {"lekeplass"}),
        ("Det er mørkt, lyset er borte og lyktestolpene er knust", {"belysning"}),
        ("Ta T-banen hjem", {"t_bane"}),
        ("Gamle folk har ikke noe sted å sitte", {"benk"}),
        ("Parken er fin, men parkeringen er full", {"park"}),
        ("Parkeringsplassen er full", set()),
        # a phrase starts at a whole word, its inner words are whole, its last may continue
        ("Et sted å lufte hundene", {"hundepark"}),
        ("Vi må kunne lufte  hunden", {"hundepark"}),
        ("Mange steder å sitte", set()),
        ("Et sted å sittee", {"benk"}),
        ("Et sted og sitte", set()),
        ("sted å", set()),
        ("Analysen viser at fotballbanen er full", set()),  # "lys" only at a word's start
        ("", set()),
    ],
)
def test_word_forms_and_compounds_match_their_topic(text, expected):
    lexicon = concepts.parse(SMALL)
    (found,) = concepts.text_concepts([text], lexicon)
    assert {lexicon.concepts[i] for i in found} == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("lekeplass lek", "expected 'concept: term term …'"),
        ("lekeplass: lek", "'lek' is shorter than 5 letters; write '^lek'"),
        ("lekeplass (kommunen): lekeplass", "(kommunen) is not one of municipality"),
        ("a: ^ab1", "'^ab1' is not a word"),
        ("a: ^abc\na: ^abd", "line 2: concept 'a' appears twice"),
        ("# nothing\n", "no concepts"),
    ],
)
def test_a_bad_thesaurus_is_refused_with_the_line(text, message):
    with pytest.raises(concepts.LexiconError) as error:
        concepts.parse(text, name="mine.txt")
    assert str(error.value).startswith("mine.txt")
    assert message in str(error.value)


def test_the_shipped_thesaurus_loads_and_an_unreadable_one_is_named(tmp_path, monkeypatch):
    shipped = concepts.load()
    assert len(shipped) >= 100
    assert set(shipped.realisers) <= {"", *concepts.REALISERS}
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("lekeplass: sklie kjøpe".encode("latin-1"))
    with pytest.raises(concepts.LexiconError, match="latin1.txt: cannot read"):
        concepts.load(str(bad))
    own = tmp_path / "own.txt"
    own.write_text("brygge: ^brygge kaikant", encoding="utf-8")
    monkeypatch.setenv("VEIKART_CONCEPTS", str(own))
    concepts.load.cache_clear()
    try:
        assert concepts.load().concepts == ("brygge",)
    finally:
        monkeypatch.delenv("VEIKART_CONCEPTS")
        concepts.load.cache_clear()


def test_concept_rows_weigh_rare_topics_and_leave_topicless_texts_at_zero():
    rows = concept_rows([{0}, {0, 1}, {0}, set()], 3)
    assert np.allclose(np.linalg.norm(rows[:3], axis=1), 1.0)
    assert not rows[3].any()
    assert rows[1, 1] > rows[1, 0]  # topic 1 is rarer than topic 0


def test_paraphrases_sharing_no_word_are_grouped_through_their_topic():
    """Vectors that say nothing (all orthogonal) leave only the thesaurus to group by."""
    texts = [
        "Lekeplassen er nedslitt",
        "Småbarna savner sklie og dissehuske",
        "Gatelysene virker ikke",
        "Det er mørkt på stien om kvelden",
        "Kommunen bør svare på e-post",
    ]
    vectors = np.eye(len(texts), 16, dtype=np.float32)
    lexicon = concepts.parse(SMALL)
    result = cluster(vectors, texts, lexicon=lexicon, concept_weight=0.6, threshold=0.875)
    labels = result.labels
    assert labels[0] == labels[1] != -1
    assert labels[2] == labels[3] != -1
    assert labels[0] != labels[2]
    assert labels[4] == -1
    assert result.keywords[labels[0]][0] == "lekeplass"  # the topic leads the label
    off = cluster(vectors, texts, lexicon=lexicon, concept_weight=0.0, threshold=0.875)
    assert off.labels == [-1] * 5


def test_two_inputs_on_one_topic_group_even_when_every_input_names_it():
    """A topic all inputs name still counts (smoothed weight): the smallest Konsolider run."""
    texts = ["Sklie og dissehuske mangler", "Lekeplassen er nedslitt"]
    vectors = np.eye(2, 16, dtype=np.float32)
    result = cluster(vectors, texts, lexicon=concepts.parse(SMALL), threshold=0.9)
    assert result.labels == [0, 0]


def test_a_very_long_word_costs_time_in_proportion_to_its_length():
    """Substrings longer than the longest term are never looked up, so a 5,000-letter "word"
    (a text box filled with one key held down) is read in a moment and not cached."""
    lexicon = concepts.parse(SMALL)
    word = "a" * 5000 + "lekeplass"
    (found,) = concepts.text_concepts([word], lexicon)
    assert found == {0}
    assert word not in lexicon.cache
    assert lexicon.longest_plain == len("undergrunnsbane")
    assert lexicon.longest_prefix == len("t-bane")


def test_nfd_files_and_one_word_phrases_are_read_as_meant():
    nfd = "benk: sted_a\u030a_sitte lys_\n"  # "å" decomposed, as some editors save it
    lexicon = concepts.parse(nfd)
    assert lexicon.phrases == {"sted å sitte": (0,)}
    assert lexicon.prefix == {"lys": (0,)}
    (found,) = concepts.text_concepts(["Lysene er borte"], lexicon)
    assert found == {0}
