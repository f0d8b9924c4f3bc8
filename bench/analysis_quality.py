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
  `suggest_from_descriptions` for focus area (nothing learnt).

The held-out part (every fourth cluster by name, a quarter of the singletons) was not looked at
while choosing thresholds and weights. `--data bench/data/analysis_check.csv` runs the same on
a second set (124 inputs, 15 clusters on other subjects) written after the method was chosen
and not used to choose anything: its "all" row estimates how clustering does on new data. Embeddings are cached in $TMPDIR/veikart-analysis-bench.
Targets: ARI ≥ 0.6, duplicate precision ≥ 0.95 at recall ≥ 0.8, realiser accuracy ≥ 0.7.
Usage: python bench/analysis_quality.py [--embedders e5-kw,e5,tfidf] [--data FILE.csv]
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

import numpy as np  # noqa: E402
from sklearn.cluster import AgglomerativeClustering  # noqa: E402
from sklearn.metrics import adjusted_rand_score  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from veikart.analysis import (  # noqa: E402
    Suggester,
    cluster,
    get_embedder,
    near_duplicates,
    suggest_from_descriptions,
)

DATA = Path(__file__).resolve().parent / "data" / "analysis_labelled.csv"
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


def suggestion_accuracy(rows, vectors, column: str, folds: int = 5) -> float:
    groups = [group_of(r) for r in rows]
    y = np.array([r[column] for r in rows])
    correct = 0
    for train, test in GroupKFold(n_splits=folds).split(vectors, y, groups):
        predicted = Suggester().fit(vectors[train], list(y[train])).predict(vectors[test])
        correct += sum(p == t for (p, _), t in zip(predicted, y[test], strict=True))
    return correct / len(rows)


def transfer_accuracy(train_rows, train_v, test_rows, test_v, column: str) -> float:
    """Learnt on one set of clusters, tried on other clusters."""
    suggester = Suggester().fit(train_v, [r[column] for r in train_rows])
    predicted = suggester.predict(test_v)
    return float(np.mean([p == r[column] for (p, _), r in zip(predicted, test_rows, strict=True)]))


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
            f"{'part':9} {'n':>4} {'ARI':>6} {'base':>6} {'clust':>5} {'dupP':>6} "
            f"{'dupR':>6} {'pairs':>9} {'focus':>6} {'real':>6} {'descr':>6}"
        )
        for part, idx in parts.items():
            sub = [rows[k] for k in idx]
            v = vectors[idx]
            result = cluster(v, [r["text"] for r in sub])
            if part == "held-out":  # learnt on the tuning part's clusters, tried on these
                train = parts["tuning"]
                focus, real = (
                    transfer_accuracy([rows[k] for k in train], vectors[train], sub, v, col)
                    for col in ("focus_area", "realiser")
                )
            else:
                focus = suggestion_accuracy(sub, v, "focus_area")
                real = suggestion_accuracy(sub, v, "realiser")
            p, rcl, npred, ntrue = duplicate_scores(sub, v)
            print(
                f"{part:9} {len(sub):4d} {ari(sub, result.labels):6.3f} "
                f"{baseline_ari(sub, plain[idx]):6.3f} {result.n_clusters:5d} {p:6.3f} "
                f"{rcl:6.3f} {npred:4d}/{ntrue:<4d} "
                f"{focus:6.3f} {real:6.3f} "
                f"{description_accuracy(sub, v, name):6.3f}"
            )
    print(
        "\nARI: cluster() without the number of clusters; base: plain e5 + Ward, true k given."
        "\ndupP/dupR: near_duplicates() precision/recall at the default threshold."
        "\nfocus/real: Suggester accuracy on unseen clusters: 5-fold GroupKFold by cluster;"
        "\n  on the held-out part: learnt on the tuning part, tried on the held-out clusters."
        "\ndescr: focus area from the descriptions alone."
    )


if __name__ == "__main__":
    main()
