"""Cue features: who acts in an input's wording, and what kind of thing it asks for.

Who can realise an input (the municipality alone, residents among themselves, or several
parties together) is carried less by its topic than by its wording: "kommunen må …",
"sett opp …", "må lyses opp" ask the authorities; "vi kan …", "la oss …", "naboene" say the
writer and the neighbours act; "sammen med", "hvis kommunen stiller med …", "velforeningen"
name several parties. And by the kind of thing: roads, lights, opening hours and services are
the municipality's; parties, cafés and clubs are things people can run.

A small hand-written Norwegian (bokmål) lexicon, grouped: each group is one feature, log(1 + the
number of matches) in the lower-cased text. Groups rather than single cues, so that a cue
never seen in training still counts through its group (measured: single-cue features overfit,
docs/architecture.md). The learnt model weighs the groups; nothing here is tied to a label.
Deterministic, no corpus statistics: a text's features depend on that text alone.
"""

import re
from functools import lru_cache

import numpy as np

from veikart.analysis.concepts import REALISERS, load, text_concepts
from veikart.analysis.text import normalise

_W = r"[^\W\d_]*"  # the rest of a word (compounds and inflections: "gatelys", "veien")

CUE_GROUPS: dict[str, list[str]] = {
    # The municipality or another authority named as the one to act.
    "authority": [
        r"\bkommunen?s?\b",
        r"\bkommunal" + _W,
        r"\bpolitiker" + _W,
        r"\bbydelen\b",
        r"\bstaten\b",
        r"\bvegvesenet\b",
        r"\bfylke" + _W,
        r"\brådhuset\b",
        r"\betaten\b",
    ],
    # A duty or a request put to the authorities: "kommunen må", "kan dere", "dere".
    "authority_must": [
        r"\bkommunen (må|bør|skal|burde)\b",
        r"\b(må|bør|burde) kommunen\b",
        r"\bkan (kommunen|dere)\b",
        r"\bdere\b",
    ],
    # Someone else's duty in the passive: "må lyses opp", "bør repareres", "må bli bedre".
    "passive_duty": [r"\b(må|bør|burde|skal)( \w+)? \w+es\b", r"\bmå (bli|få)\b"],
    # An order at the start of a sentence: "Sett opp …", "Innfør …", "Åpne …".
    "imperative": [
        r"(^|[.!?] )(sett|bygg|innfør|rehabiliter|strø|rens|senk|åpne|utvid|reparer|fiks|"
        r"asfalter|merk|skift|fjern|send|publiser|øk|ansett|tøm|monter|slå)\b"
    ],
    # Decisions, plans and hearings: the municipality's to hold.
    "governance": [
        r"\bbestemme" + _W,
        r"\bbeslutning" + _W,
        r"\bvedtak" + _W,
        r"\bhøring" + _W,
        r"\bfolkemøte" + _W,
        r"\binnflytelse\b",
        r"\bhørt\b",
        r"\binnspill" + _W,
        r"\bplanen" + _W,
        r"\breguleringsplan" + _W,
        r"\bbudsjett" + _W,
        r"\binnsyn\b",
    ],
    # The writer and the neighbours act themselves.
    "we_act": [
        r"\b(vi|jeg) (kan|vil|skal|kunne) (\w+ )?(starte|lage|arrangere|ha|ta|hjelpe|lede|samle|"
        r"møtes|stille|organisere|invitere|dele|sette|så|plante|gå|bake|lese|spille)\b",
        r"\bla oss\b",
        r"\bvi kan\b",
        r"\bbli med\b",
        r"\bselv\b",
        r"\bhverandre" + _W,
        r"\balle tar med\b",
        r"\bta initiativ\b",
        r"\bvi (som|i) \w+\b",
    ],
    # Neighbours and the places they share.
    "neighbours": [
        r"\bnabo" + _W,
        r"\bbeboer" + _W,
        r"\boppgang" + _W,
        r"\bgata\b",
        r"\bgrenda\b",
        r"\bblokka\b",
        r"\bfellesrom" + _W,
        r"\bborettslag" + _W,
        r"\bsameie" + _W,
        r"\binnflytter" + _W,
    ],
    # Volunteers and unpaid effort.
    "volunteers": [
        r"\bfrivillig" + _W,
        r"\bdugnad" + _W,
        r"\bildsjel" + _W,
        r"\bforeldre\b",
        r"\bpensjonist" + _W,
        r"\bstudenter\b",
        r"\bnatteravn" + _W,
        r"\bnattevandr" + _W,
        r"\bvakter\b",
    ],
    # Organised civil society and institutions: the municipality's usual partners.
    "organisations": [
        r"\bvelforening" + _W,
        r"\bidrettslag" + _W,
        r"\blag og foreninger\b",
        r"\bforening" + _W,
        r"\b\w+laget\b",
        r"\bnæringsliv" + _W,
        r"\bbutikk" + _W,
        r"\bmenighet" + _W,
        r"\bskolen\b",
        r"\bbiblioteket\b",
        r"\bkulturskolen\b",
        r"\bfrivilligsentral" + _W,
        r"\bgårdeier" + _W,
    ],
    # Several parties, or one party on a condition: "sammen med", "hvis kommunen stiller med".
    "together": [
        r"\bsammen( med)?\b",
        r"\bi samarbeid\b",
        r"\bsamarbeid" + _W,
        r"\b(hvis|om|dersom) (kommunen|dere)\b",
        r"\b(kommunen|dere) og\b",
        r"\bog kommunen\b",
        r"\bdrevet av\b",
        r"\bmed (frivillige|en ansatt|en lærer|voksne)\b",
        r"\b(stiller|spanderer|betaler|kjøper|låner ut)\b",
    ],
    # Physical infrastructure: built, owned and maintained by the municipality.
    "infrastructure": [
        r"\b\w*(vei|veien|veier|veiene|fortau\w*|gangfelt\w*|kryss\w*|lys|lyset|lysene|"
        r"belysning\w*|lykt\w*|basseng\w*|toalett\w*|asfalt\w*|parkering\w*|bane|banen|heis\w*|"
        r"rampe\w*|kantstein\w*|avløp\w*|kloakk\w*|ledning\w*|fartshump\w*|sone|trafikk\w*|"
        r"stasjon\w*|holdeplass\w*|benk\w*|gjerde\w*|apparat\w*|anlegg\w*|hall\w*|bygg\w*|"
        r"vedlikehold\w*)\b"
    ],
    # Public services: opening hours, waiting times, care, transport, waste, snow.
    "services": [
        r"\b\w*(buss\w*|rute\w*|avgang\w*|barnehage\w*|helse\w*|lege\w*|sykehjem\w*|"
        r"sykepleie\w*|hjemmetjeneste\w*|psykolog\w*|søppel\w*|avfall\w*|brøyt\w*|strø\w*|"
        r"tjeneste\w*|ventetid\w*|saksbehandl\w*|åpningstid\w*|åpent|stengt|"
        r"opplæring\w*)\b"
    ],
    # Activities and gatherings people can run themselves.
    "activity": [
        r"\b\w*(fest|festen|feiring|kafé|kafeen|kaffe|kurs|klubb|treff|kveld|marked|loppis|"
        r"quiz|spill|spillet|dans|bingo|turgruppe|sirkel|gruppe|besøk\w*|prat|allsang|trim|"
        r"grill\w*|middag|bakst|bytte\w*|konsert\w*|musikk|kor|sjakk|strikk\w*|dyrk\w*|"
        r"hage|hagen|høste\w*|plante\w*)\b"
    ],
    # Loneliness and getting to know people: neighbourly help.
    "lonely": [
        r"\bensom" + _W,
        r"\balene\b",
        r"\bkjent med\b",
        r"\bblir kjent\b",
        r"\bsavner noen\b",
    ],
    # Children and young people: activities usually run by several parties together.
    "youth": [r"\bungdom" + _W, r"\bunge\b", r"\btenåring" + _W, r"\bbarn\b", r"\bbarna\b"],
}

# Who usually realises the topics a text names, from the thesaurus (concepts.py, e.g.
# `gatelys (municipality): …`): one feature per realiser, log(1 + the number of such topics).
TOPIC_CUES = tuple(f"topic_{name}" for name in REALISERS)
CUE_NAMES = list(CUE_GROUPS) + list(TOPIC_CUES)

# The built-in realiser model: a logistic regression on the cue features alone, for suggesting a
# realiser before any proposal of a process has one. Learnt by bench/_realiser_prior.py from
# bench/data/analysis_labelled.csv (315 inputs); a test checks it names every cue group.
REALISER_CUE_TABLE = """
cue               municipality   partnership     residents
(intercept)            -0.3943        0.3726        0.0218
authority               0.0563        0.7429       -0.7992
authority_must          0.7819       -0.6527       -0.1292
passive_duty            0.2278        0.2700       -0.4978
imperative              0.6623       -0.4260       -0.2363
governance              0.7431       -0.4580       -0.2851
we_act                 -0.7774       -0.6992        1.4766
neighbours             -0.5536       -0.4751        1.0287
volunteers             -0.5711        0.2155        0.3556
organisations           0.2133        0.4558       -0.6691
together               -0.1218        0.4469       -0.3251
infrastructure          1.4918       -0.4014       -1.0904
services                0.8991       -0.9948        0.0958
activity               -1.0126        0.0274        0.9851
lonely                 -0.2937       -0.7004        0.9941
youth                  -0.0033        0.2903       -0.2870
topic_municipality        1.8549       -0.4493       -1.4056
topic_residents        -1.7476       -0.9928        2.7405
topic_partnership       -1.1536        1.9692       -0.8156
"""


@lru_cache(maxsize=1)
def realiser_cue_model() -> dict[str, tuple[float, np.ndarray]]:
    """REALISER_CUE_TABLE read: realiser -> (intercept, weights in the order of CUE_NAMES)."""
    lines = [line.split() for line in REALISER_CUE_TABLE.strip().splitlines()]
    names, rows = lines[0][1:], {line[0]: [float(x) for x in line[1:]] for line in lines[1:]}
    cues = [k for k in rows if k != "(intercept)"]
    if cues != CUE_NAMES:
        raise ValueError("REALISER_CUE_TABLE does not list the cue groups of CUE_GROUPS")
    return {
        name: (rows["(intercept)"][j], np.array([rows[k][j] for k in cues]))
        for j, name in enumerate(names)
    }


_COMPILED = [[re.compile(p) for p in patterns] for patterns in CUE_GROUPS.values()]


def realiser_from_cues(texts: list[str]) -> tuple[list[str], np.ndarray]:
    """(realisers, (n, 3) probabilities) from the built-in model, nothing learnt here."""
    model = realiser_cue_model()
    names = list(model)
    b = np.array([model[k][0] for k in names])
    w = np.stack([model[k][1] for k in names])
    z = cue_features(texts) @ w.T + b
    p = np.exp(z - z.max(axis=1, keepdims=True))
    return names, p / p.sum(axis=1, keepdims=True)


def cue_features(texts: list[str]) -> np.ndarray:
    """(n, len(CUE_NAMES)) float32: log(1 + matches) of each cue group in each text, then
    log(1 + the number of the text's topics the thesaurus gives to each realiser)."""
    out = np.zeros((len(texts), len(CUE_NAMES)), dtype=np.float32)
    for i, text in enumerate(texts):
        t = normalise(text)
        for j, patterns in enumerate(_COMPILED):
            out[i, j] = sum(len(p.findall(t)) for p in patterns)
    lexicon = load()
    column = {name: len(_COMPILED) + k for k, name in enumerate(REALISERS)}
    for i, found in enumerate(text_concepts(texts, lexicon)):
        for concept in found:
            realiser = lexicon.realisers[concept]
            if realiser:
                out[i, column[realiser]] += 1
    return np.log1p(out)
