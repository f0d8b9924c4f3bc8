"""Write analysis_check.csv from analysis_check_source.py (fixed seed, so the file is stable).

Same columns as analysis_labelled.csv; near-duplicate variants are made by the same makers as
there (typos, reordered words, copy-paste) and marked in `dup_of`.
"""

import csv
import random
from pathlib import Path

from analysis_check_source import CLUSTERS, SINGLETONS
from make_analysis_labelled import copy_paste, reorder, typo

HERE = Path(__file__).resolve().parent
DUPLICATES = 12


def main() -> None:
    rng = random.Random(20261129)
    rows = []
    for name, focus, realiser, texts in CLUSTERS:
        for text in texts:
            rows.append({"text": text, "cluster": name, "focus_area": focus, "realiser": realiser})
    for text, focus, realiser in SINGLETONS:
        rows.append({"text": text, "cluster": "", "focus_area": focus, "realiser": realiser})
    rng.shuffle(rows)
    for i, row in enumerate(rows, start=1):
        row["id"] = f"c{i:03d}"
        row["dup_of"] = ""
    sources = rng.sample([r for r in rows if r["cluster"]], DUPLICATES)
    makers = [typo, typo, reorder, copy_paste]
    for k, src in enumerate(sources):
        text = makers[k % len(makers)](src["text"], rng)
        rows.append({**src, "id": f"c{len(rows) + 1:03d}", "text": text, "dup_of": src["id"]})
    fields = ["id", "text", "cluster", "focus_area", "realiser", "dup_of"]
    with (HERE / "analysis_check.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
