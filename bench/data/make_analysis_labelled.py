"""Write analysis_labelled.csv from analysis_source.py (fixed seed, so the file is stable).

Columns: id, text, cluster (empty for singletons), focus_area, realiser, dup_of (the id of the
row this one is a near-duplicate of: typos, reordered words or copy-paste; empty otherwise).
"""

import csv
import random
import re
from pathlib import Path

from analysis_source import CLUSTERS, EXTRA, SINGLETONS

HERE = Path(__file__).resolve().parent
DUPLICATES = 48
ASCII = {"æ": "ae", "ø": "o", "å": "aa"}


def typo(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    long = [i for i, w in enumerate(words) if len(w) >= 4]
    for i in rng.sample(long, k=min(len(long), rng.choice([1, 2, 2, 3]))):
        w = words[i]
        k = rng.randrange(1, len(w) - 2)
        kind = rng.choice(["swap", "drop", "double", "ascii", "near"])
        if kind == "swap":
            w = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
        elif kind == "drop":
            w = w[:k] + w[k + 1 :]
        elif kind == "double":
            w = w[:k] + w[k] + w[k:]
        elif kind == "ascii" and any(c in w for c in ASCII):
            w = "".join(ASCII.get(c, c) for c in w)
        else:
            w = w[:k] + rng.choice("eatnrsl") + w[k + 1 :]
        words[i] = w
    out = " ".join(words)
    return out.lower() if rng.random() < 0.3 else out


def reorder(text: str, rng: random.Random) -> str:
    parts = [p.strip() for p in re.split(r"(?<=[.,!?–])\s+", text) if p.strip()]
    if len(parts) >= 2:
        parts = parts[1:] + parts[:1]
        return " ".join(p[0].upper() + p[1:] for p in parts)
    words = text.rstrip(".!?").split(" ")
    cut = max(2, len(words) // 2)
    tail = words[cut:]
    return " ".join(tail + [w.lower() for w in words[:cut]]).capitalize() + "."


def copy_paste(text: str, rng: random.Random) -> str:
    return rng.choice(
        [
            text,
            text + " " + text.split(" ")[-1],
            text.rstrip(".!") + "!!",
            "  " + text.lower(),
            text + " Mvh nabo",
        ]
    )


def main() -> None:
    rng = random.Random(20261125)
    rows = []
    for name, focus, realiser, texts in CLUSTERS:
        for text in texts + EXTRA.get(name, []):
            rows.append({"text": text, "cluster": name, "focus_area": focus, "realiser": realiser})
    for text, focus, realiser in SINGLETONS:
        rows.append({"text": text, "cluster": "", "focus_area": focus, "realiser": realiser})
    rng.shuffle(rows)
    for i, row in enumerate(rows, start=1):
        row["id"] = f"i{i:03d}"
        row["dup_of"] = ""
    sources = rng.sample([r for r in rows if r["cluster"]], DUPLICATES)
    makers = [typo, typo, reorder, copy_paste]
    dups = []
    for k, src in enumerate(sources):
        text = makers[k % len(makers)](src["text"], rng)
        if k % 7 == 0:  # a few get a second, independent variant
            text2 = typo(reorder(src["text"], rng), rng)
            dups.append({**src, "text": text2, "dup_of": src["id"]})
        dups.append({**src, "text": text, "dup_of": src["id"]})
    for i, row in enumerate(dups, start=len(rows) + 1):
        row["id"] = f"i{i:03d}"
    rows += dups
    rng.shuffle(rows)
    with (HERE / "analysis_labelled.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(
            f, fieldnames=["id", "text", "cluster", "focus_area", "realiser", "dup_of"]
        )
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} rows, {len(dups)} near-duplicates")


if __name__ == "__main__":
    main()
