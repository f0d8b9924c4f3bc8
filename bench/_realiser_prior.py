"""Print the built-in realiser model (`cues.REALISER_CUE_MODEL`) learnt from the labelled set.

A class-balanced logistic regression (C = 1, the `Suggester` default, not tuned) on the cue
features alone of every input of bench/data/analysis_labelled.csv, so that a realiser can be
suggested before any proposal of a process has one (instead of the realisers' descriptions:
per input on unseen clusters 0.62 against 0.44, see bench/analysis_quality.py). Paste the
table it prints into REALISER_CUE_TABLE in veikart/analysis/cues.py after changing the cue groups or the labelled set.
Usage: python bench/_realiser_prior.py [--data FILE.csv]
"""

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sklearn.linear_model import LogisticRegression  # noqa: E402

from veikart.analysis.cues import CUE_NAMES, cue_features  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "analysis_labelled.csv"


def fit(rows: list[dict]) -> dict[str, tuple[float, list[float]]]:
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000)
    model.fit(cue_features([r["text"] for r in rows]), [r["realiser"] for r in rows])
    return {
        str(label): (round(float(b), 4), [round(float(w), 4) for w in weights])
        for label, b, weights in zip(model.classes_, model.intercept_, model.coef_, strict=True)
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    with args.data.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["realiser"]]
    model = fit(rows)
    labels = list(model)
    print(f"{'cue':16}" + "".join(f"{label:>14}" for label in labels))
    print(f"{'(intercept)':16}" + "".join(f"{model[k][0]:14.4f}" for k in labels))
    for j, cue in enumerate(CUE_NAMES):
        print(f"{cue:16}" + "".join(f"{model[k][1][j]:14.4f}" for k in labels))


if __name__ == "__main__":
    main()
