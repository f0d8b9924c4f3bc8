"""Quality of the text analysis on the labelled Norwegian set (bench/data/analysis_labelled.csv).

Prints, for each embedder and for the tuning part, the held-out part and the whole set:
- adjusted Rand index of `cluster()` (number of clusters NOT given; singletons and
  "ungrouped" inputs each count as their own cluster), and the baseline: plain e5 ("passage:"),
  Ward clustering with the true number of clusters given;
- precision and recall of `near_duplicates()` at its default threshold (a true pair is a
  variant and its source, or two variants of one source);
- accuracy of `Suggester` for focus area and realiser with GroupKFold by cluster (each
  cluster's inputs, near-duplicates included, on one side; for the held-out part: learnt on
  the tuning part and tried on the held-out clusters), and of
  `suggest_from_descriptions` for focus area (nothing learnt);
- then a suggestion report: realiser and focus area before issue 5 (e5 alone) and now
  (wording cues, built-in realiser model, description prior), per input, per true cluster and
  per cluster found by cluster(), also on --check (a second labelled set written apart,
  default bench/data/analysis_check_suggest.csv; learnt on all of --data).

The held-out part (every fourth cluster by name, a quarter of the singletons) was not looked at
while choosing thresholds and weights. `--data bench/data/analysis_check.csv` runs the same on
a second set (124 inputs, 15 clusters on other subjects) written after the method was chosen
and not used to choose anything: its "all" row estimates how clustering does on new data.
`--data bench/data/analysis_check2.csv` (208 inputs, 27 clusters) is a third set, written on
2026-11-29 after the thesaurus by a helper that saw neither the thesaurus nor the other sets;
`--check bench/data/analysis_check2.csv` tries on it the suggestions learnt on our set. Embeddings are cached in $TMPDIR/veikart-analysis-bench.
Targets: ARI ≥ 0.6, duplicate precision ≥ 0.95 at recall ≥ 0.8, realiser accuracy ≥ 0.7.
Usage: python bench/analysis_quality.py [--embedders e5-kw,e5,tfidf] [--data FILE.csv] [--check FILE]
"""

import argparse
import csv
import hashlib
import os
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import _realiser_prior as realiser_prior  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.cluster import AgglomerativeClustering  # noqa: E402
from sklearn.metrics import adjusted_rand_score  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from veikart.analysis import (  # noqa: E402
    REALISER_DESCRIPTIONS,
    Suggester,
    cluster,
    description_probabilities,
    get_embedder,
    group_means,
    near_duplicates,
    suggest_from_descriptions,
)
from veikart.analysis.cues import cue_features  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "analysis_labelled.csv"
CHECK = Path(__file__).resolve().parent / "data" / "analysis_check_suggest.csv"
CACHE = Path(tempfile.gettempdir()) / "veikart-analysis-bench"

FOCUS_DESCRIPTIONS = {
    "Samskaping og deltakelse": (
        "Innbyggerne deltar, blir hørt og er med og bestemmer; frivillighet, dugnad, "
        "informasjon om hva som skjer og samarbeid mellom naboer, lag og kommunen."
    ),
    "Sosiale og kulturelle aktiviteter": (
        "Aktiviteter og møteplasser for barn, ungdom, voksne og eldre: fritidsklubb, "
        "kultur, musikk, fester, språkkafé, leksehjelp og fellesskap mot ensomhet."
    ),
    "Offentlige tjenester": (
        "Kommunale tjenester: bibliotek, helse, buss og kollektivtransport, renovasjon, "
        "brøyting, svømmehall, toaletter og digital hjelp."
    ),
    "Stedsutvikling": (
        "De fysiske omgivelsene: veier, gangstier, belysning, benker, lekeplasser, "
        "idrettsbaner, parker, grøntområder og trafikksikkerhet."
    ),
}


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def held_out_clusters(rows: list[dict]) -> set[str]:
    names = sorted({r["cluster"] for r in rows if r["cluster"]})
    singles = sorted(r["id"] for r in rows if not r["cluster"])
    return {n for k, n in enumerate(names) if k % 4 == 3} | {
        s for k, s in enumerate(singles) if k % 4 == 3
    }


def group_of(row: dict) -> str:
    return row["cluster"] or row["id"]


def embed_cached(name: str, texts: list[str]) -> tuple[np.ndarray, float]:
    emb = get_embedder(name)
    key = hashlib.sha256(("\n".join(texts) + emb.name).encode()).hexdigest()[:16]
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"{emb.name}-{key}.npy"
    if path.exists():
        return np.load(path), float("nan")
    started = time.perf_counter()
    v = emb.embed(texts)
    seconds = time.perf_counter() - started
    np.save(path, v)
    return v, seconds


def ari(rows: list[dict], labels: list[int]) -> float:
    truth = [group_of(r) for r in rows]
    predicted = [f"c{lab}" if lab >= 0 else f"u{k}" for k, lab in enumerate(labels)]
    return adjusted_rand_score(truth, predicted)


def true_pairs(rows: list[dict]) -> set[tuple[str, str]]:
    families: dict[str, list[str]] = {}
    for r in rows:
        if r["dup_of"]:
            families.setdefault(r["dup_of"], [r["dup_of"]]).append(r["id"])
    present = {r["id"] for r in rows}
    pairs = set()
    for members in families.values():
        for a, b in combinations(sorted(m for m in members if m in present), 2):
            pairs.add((a, b))
    return pairs


def duplicate_scores(rows, vectors) -> tuple[float, float, int, int]:
    found = near_duplicates(vectors, [r["text"] for r in rows])
    predicted = {tuple(sorted((rows[i]["id"], rows[j]["id"]))) for i, j, _ in found}
    truth = true_pairs(rows)
    hits = len(predicted & truth)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(truth) if truth else 1.0
    return precision, recall, len(predicted), len(truth)


def suggestion_probabilities(
    train_rows, train_v, test_rows, test_v, column, method="cues", embedder="e5"
):
    """(classes, probabilities) of each test row, learnt on the train rows.

    method "e5": the vectors alone (the method before issue 5); "cues": vectors and wording
    cues, and, for the focus area, blended with the focus areas' descriptions (the web's way);
    "builtin" (realiser only): the cues alone, as the built-in model used before anything is
    learnt (bench/_realiser_prior.py), here learnt on the train rows only."""
    y = [r[column] for r in train_rows]
    if method == "cues+builtin":
        names, q = suggestion_probabilities(
            train_rows, train_v, test_rows, test_v, column, "builtin"
        )
        suggester = Suggester().fit(train_v, y, [r["text"] for r in train_rows])
        p = suggester.predict_proba(test_v, [r["text"] for r in test_rows], prior=(names, q))
        return suggester.classes_, p
    if method == "builtin":  # the recipe of cues.REALISER_CUE_TABLE, learnt on train_rows
        model = realiser_prior.fit(train_rows)
        names = list(model)
        z = cue_features([r["text"] for r in test_rows]) @ np.array([model[k][1] for k in names]).T
        z = z + np.array([model[k][0] for k in names])
        p = np.exp(z - z.max(axis=1, keepdims=True))
        return names, p / p.sum(axis=1, keepdims=True)
    if method in ("e5", "e5+descr"):
        suggester = Suggester().fit(train_v, y)
        prior = None
        if method == "e5+descr":
            prior = description_probabilities(test_v, FOCUS_DESCRIPTIONS, get_embedder(embedder))
        return suggester.classes_, suggester.predict_proba(test_v, prior=prior)
    suggester = Suggester().fit(train_v, y, [r["text"] for r in train_rows])
    prior = None
    if column == "focus_area":
        prior = description_probabilities(test_v, FOCUS_DESCRIPTIONS, get_embedder(embedder))
    return suggester.classes_, suggester.predict_proba(
        test_v, [r["text"] for r in test_rows], prior=prior
    )


def cv_probabilities(rows, vectors, column, method="cues", embedder="e5", folds=5):
    """Every row's probabilities from GroupKFold by cluster: learnt on the other clusters."""
    groups = [group_of(r) for r in rows]
    y = np.array([r[column] for r in rows])
    classes = sorted(set(y))
    p = np.zeros((len(rows), len(classes)))
    for train, test in GroupKFold(n_splits=folds).split(vectors, y, groups):
        learnt, q = suggestion_probabilities(
            [rows[k] for k in train],
            vectors[train],
            [rows[k] for k in test],
            vectors[test],
            column,
            method,
            embedder,
        )
        p[np.ix_(test, [classes.index(c) for c in learnt])] = q
    return classes, p


def accuracies(rows, classes, p, column, found=None) -> tuple[float, float, float, float]:
    """Per input (each read alone); per input with one suggestion per true cluster (the mean
    of its members' probabilities); the same per cluster (each cluster counts once); per input
    with one suggestion per cluster found by cluster() (`found`: its labels), as the web does."""
    y = np.array([r[column] for r in rows])
    classes = np.array(classes)
    alone = float(np.mean(classes[p.argmax(1)] == y))
    groups = [group_of(r) for r in rows]
    pooled = group_means(p, groups)
    by_input = float(np.mean(classes[pooled.argmax(1)] == y))
    first = {g: k for k, g in reversed(list(enumerate(groups)))}
    by_cluster = float(np.mean([classes[pooled[k].argmax()] == y[k] for k in first.values()]))
    web = float("nan")
    if found is not None:
        keys = [f"c{lab}" if lab >= 0 else f"u{k}" for k, lab in enumerate(found)]
        web = float(np.mean(classes[group_means(p, keys).argmax(1)] == y))
    return alone, by_input, by_cluster, web


def shipped(column: str) -> str:
    """The method the web and the CLI use for this column."""
    return "cues+builtin" if column == "realiser" else "e5+descr"


def suggestion_accuracy(rows, vectors, column: str, embedder="e5", folds: int = 5) -> float:
    classes, p = cv_probabilities(rows, vectors, column, shipped(column), embedder, folds)
    return accuracies(rows, classes, p, column)[0]


def transfer_accuracy(train_rows, train_v, test_rows, test_v, column: str, embedder="e5") -> float:
    """Learnt on one set of clusters, tried on other clusters."""
    classes, p = suggestion_probabilities(
        train_rows, train_v, test_rows, test_v, column, shipped(column), embedder
    )
    return accuracies(test_rows, classes, p, column)[0]


def suggestion_report(name, rows, vectors, parts, check_rows=None, check_v=None) -> None:
    """Realiser and focus area on unseen clusters, before (e5 alone) and now (cues), four ways
    (see `accuracies`); parts as in the main table, plus the check set (learnt on all of
    --data) if given. descr: from the built-in descriptions alone, nothing learnt."""
    emb = get_embedder(name)
    sets = {p: ([rows[k] for k in idx], vectors[idx]) for p, idx in parts.items()}
    if check_rows:
        sets["check"] = (check_rows, check_v)
    found = {p: cluster(v, [r["text"] for r in sub]).labels for p, (sub, v) in sets.items()}
    descriptions = {"realiser": REALISER_DESCRIPTIONS, "focus_area": FOCUS_DESCRIPTIONS}
    print(f"\n-- suggestions, {emb.name}: accuracy alone / pooled / clusters / web")
    print(
        f"{'column':10} {'method':12} {'part':8} {'alone':>6} {'pooled':>6} {'clust':>6} {'web':>6}"
    )
    for column in ("realiser", "focus_area"):
        methods = ("e5", "cues", "cues+builtin", "builtin", "descr")
        for method in methods if column == "realiser" else ("e5", "cues", "e5+descr", "descr"):
            for part, (sub, v) in sets.items():
                if method == "descr":
                    names, p = description_probabilities(v, descriptions[column], emb)
                elif part in ("held-out", "check"):
                    train = parts["tuning"] if part == "held-out" else parts["all"]
                    names, p = suggestion_probabilities(
                        [rows[k] for k in train], vectors[train], sub, v, column, method, name
                    )
                else:
                    names, p = cv_probabilities(sub, v, column, method, name)
                a = accuracies(sub, names, p, column, found[part])
                print(f"{column:10} {method:12} {part:8} " + " ".join(f"{x:6.3f}" for x in a))
    print(
        "alone: each input read alone; pooled: one suggestion per true cluster (mean of its"
        "\n  inputs' probabilities), counted per input; clusters: the same, each cluster once;"
        "\n  web: one suggestion per cluster found by cluster(), counted per input (what the"
        "\n  Konsolider page shows). tuning/all: 5-fold GroupKFold by cluster; held-out: learnt"
        "\n  on tuning; check: learnt on all of --data. e5: vectors alone (before issue 5);"
        "\n  cues: vectors + wording cues (+ description prior for the focus area); e5+descr: the"
        "\n  vectors alone + the description prior (shipped for the focus area); builtin: the"
        "\n  cues alone (the built-in model, used before any proposal has a realiser), learnt on"
        "\n  the same rows as the others (on all of --data for check: the shipped weights);"
        "\n  descr: the built-in descriptions alone (realiser: what was used before issue 5)."
    )


def description_accuracy(rows, vectors, embedder_name: str) -> float:
    out = suggest_from_descriptions(vectors, FOCUS_DESCRIPTIONS, get_embedder(embedder_name))
    return float(np.mean([p == r["focus_area"] for (p, _), r in zip(out, rows, strict=True)]))


def baseline_ari(rows, vectors) -> float:
    k = len({group_of(r) for r in rows})
    labels = AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(vectors)
    return adjusted_rand_score([group_of(r) for r in rows], labels)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--embedders", default="e5-kw,e5,e5-passage,tfidf")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--check", type=Path, default=CHECK, help="a second labelled set")
    args = parser.parse_args()
    rows = load(args.data)
    held = held_out_clusters(rows)
    parts = {
        "tuning": [k for k, r in enumerate(rows) if group_of(r) not in held],
        "held-out": [k for k, r in enumerate(rows) if group_of(r) in held],
        "all": list(range(len(rows))),
    }
    texts = [r["text"] for r in rows]
    n_clusters = len({r["cluster"] for r in rows if r["cluster"]})
    print(
        f"{args.data.name}: {len(rows)} inputs, {n_clusters} clusters, "
        f"{sum(1 for r in rows if not r['cluster'])} singletons, "
        f"{sum(1 for r in rows if r['dup_of'])} near-duplicate variants"
    )
    plain, _ = embed_cached("e5-passage", texts)
    for name in args.embedders.split(","):
        vectors, seconds = embed_cached(name, texts)
        emb = get_embedder(name)
        speed = f"{len(texts) / seconds:.0f} texts/s" if seconds == seconds else "cached"
        print(f"\n== embedder {emb.name} (dim {emb.dim}, {speed})")
        print(
            f"{'part':9} {'n':>4} {'ARI':>6} {'nolex':>6} {'base':>6} {'clust':>5} {'dupP':>6} "
            f"{'dupR':>6} {'pairs':>9} {'focus':>6} {'real':>6} {'descr':>6}"
        )
        for part, idx in parts.items():
            sub = [rows[k] for k in idx]
            v = vectors[idx]
            result = cluster(v, [r["text"] for r in sub])
            bare = cluster(v, [r["text"] for r in sub], concept_weight=0.0)
            if part == "held-out":  # learnt on the tuning part's clusters, tried on these
                train = parts["tuning"]
                focus, real = (
                    transfer_accuracy([rows[k] for k in train], vectors[train], sub, v, col, name)
                    for col in ("focus_area", "realiser")
                )
            else:
                focus = suggestion_accuracy(sub, v, "focus_area", name)
                real = suggestion_accuracy(sub, v, "realiser", name)
            p, rcl, npred, ntrue = duplicate_scores(sub, v)
            print(
                f"{part:9} {len(sub):4d} {ari(sub, result.labels):6.3f} {ari(sub, bare.labels):6.3f} "
                f"{baseline_ari(sub, plain[idx]):6.3f} {result.n_clusters:5d} {p:6.3f} "
                f"{rcl:6.3f} {npred:4d}/{ntrue:<4d} "
                f"{focus:6.3f} {real:6.3f} "
                f"{description_accuracy(sub, v, name):6.3f}"
            )
        check = load(args.check) if args.check and args.check.exists() else None
        check_v = embed_cached(name, [r["text"] for r in check])[0] if check else None
        suggestion_report(name, rows, vectors, parts, check, check_v)
    print(
        "\nARI: cluster() without the number of clusters; nolex: the same without the thesaurus"
        "\n  (concepts.py); base: plain e5 + Ward, true k given."
        "\ndupP/dupR: near_duplicates() precision/recall at the default threshold."
        "\nfocus/real: Suggester accuracy per input on unseen clusters, as shipped (focus: e5"
        "\n  + description prior; realiser: e5 + cues + the built-in model): GroupKFold by cluster;"
        "\n  on the held-out part: learnt on the tuning part, tried on the held-out clusters."
        "\ndescr: focus area from the descriptions alone."
    )


if __name__ == "__main__":
    main()
