"""Norwegian text helpers: normalisation, word tokens with stems, character n-gram features.

The character n-gram features are hashed into a fixed number of buckets, so a text's vector
depends on that text alone (no vocabulary fitted on a corpus): cached vectors stay valid.
"""

import re
import unicodedata
from functools import lru_cache

import numpy as np
import snowballstemmer
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)

# Bokmål (and a little nynorsk) function words and words every input uses.
STOP_WORDS = frozenset(
    """
    og i jeg det at en et den til er som på de med han av ikke der så var meg seg men ett har
    om vi min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans hvor
    eller hva skal selv sjøl her alle vil bli ble blitt kunne inn når være vært noen noe ville
    dere deres kun ja etter ned skulle denne for deg si sine sitt mot å meget hvorfor dette
    disse uten hvordan ingen din ditt blir samme hvilken hvilke sånn inni mellom vår våre
    hver hvem vors hvis både bare enn fordi før mange også slik vært være båe begge siden
    dykk dykkar dei deira deires deim di då eg ein eit eitt elles honom hjå ho hoe henne
    hennar hennes hoss hossen ikkje ingi inkje korleis korso kva kvar kvarhelst kven kvi
    kvifor me medan mi mine mykje no nokon noka nokor noko nokre sia sidan so somt somme
    um upp vere vore verte vort varte vart mye mer mest litt veldig svært få flere fleire
    gjerne ønsker ønske ønsker trenger trengs må bør burde lage få gjøre gjøres sted ting
    tror synes syns mener kanskje jo nok egentlig helt altfor for veldig kjempe ganske
    """.split()
)


def normalise(text: str) -> str:
    """Lower case, NFC, collapsed white space."""
    text = unicodedata.normalize("NFC", text or "").lower()
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("norwegian")


def words(text: str) -> list[str]:
    """Word tokens (lower case), without stop words and one-letter words."""
    return [w for w in WORD_RE.findall(normalise(text)) if len(w) > 1 and w not in STOP_WORDS]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


CHAR_FEATURES = 2**18


@lru_cache(maxsize=1)
def _char_vectorizer() -> HashingVectorizer:
    return HashingVectorizer(
        analyzer="char_wb",
        ngram_range=(3, 5),
        n_features=CHAR_FEATURES,
        alternate_sign=False,
        norm=None,
        lowercase=True,
        dtype=np.float32,
    )


def char_ngrams(texts: list[str]) -> sparse.csr_matrix:
    """Sparse (n, 2**18) sublinear term frequencies of character 3–5-grams, L2-normalised."""
    x = _char_vectorizer().transform([normalise(t) for t in texts]).tocsr()
    x.data = 1.0 + np.log(x.data)
    return _l2_rows(x)


def _l2_rows(x: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ x, dtype=np.float32)


def idf_weighted(x: sparse.csr_matrix) -> sparse.csr_matrix:
    """Re-weight hashed term frequencies by the corpus' inverse document frequency, L2 again."""
    n = x.shape[0]
    df = np.bincount(x.indices, minlength=x.shape[1]).astype(np.float32)
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    return _l2_rows(sparse.csr_matrix(x @ sparse.diags(idf.astype(np.float32))))
