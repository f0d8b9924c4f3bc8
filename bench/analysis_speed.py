"""Speed and memory of the text analysis (figures only, no asserts; the machine is shared,
so repeat a run before trusting a difference of less than ~30 %).

Each case runs in its own process so its peak resident memory (VmHWM) is its own:
- embedding throughput per core (OMP_NUM_THREADS=1): e5 (whole text and, the default, without
  stop words) and the character n-gram fallback;
- `cluster()` on 10,000 cached embeddings (targets: ≤ 10 s, ≤ 1 GB);
- `near_duplicates()` on 10,000;
- with VEIKART_BENCH_100K=1: `cluster()` on 100,000 (≤ 2 min) and `near_duplicates()` on
  100,000 (≤ 60 s).
The "cached embeddings" are synthetic: unit vectors of the e5 shape (384) drawn around 2,000
topic centres (1 % of them near-duplicates of another), and synthetic texts of 12 words
drawn from a Zipf distribution over 22,000 words. The words are random, so the thesaurus'
topics they happen to name are random too and glue the synthetic topics together: the number
of clusters printed says nothing about quality (bench/analysis_quality.py does).
Usage: python bench/analysis_speed.py
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORDS = (
    "benk lys skolevei bibliotek ungdomsklubb fotballbane møteplass språkkafé buss park "
    "lekeplass dugnad søppel snømåking sykkelvei toalett frivillig kultur konsert eldre "
    "barn ungdom nabo gatefest trafikk fortau belysning åpningstid kveld helg"
).split()


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def synthetic(n: int, dim: int = 384, seed: int = 0):
    import numpy as np

    rng = np.random.default_rng(seed)
    centres = rng.standard_normal(size=(2000, dim), dtype=np.float32)
    topic = rng.integers(0, len(centres), size=n)
    v = centres[topic]
    for start in range(0, n, 10_000):  # in chunks: no float64 copy of the whole matrix
        v[start : start + 10_000] += 0.8 * rng.standard_normal(
            size=(min(10_000, n - start), dim), dtype=np.float32
        )
    # Zipf-distributed words from a vocabulary of 22,000 invented words plus everyday words
    syllables = ["ba", "ke", "ri", "mo", "lu", "sa", "ve", "to", "ni", "gå", "hø", "dy", "fa", "ju"]
    vocab = WORDS + [
        a + b + c + d
        for a in syllables
        for b in syllables
        for c in syllables
        for d in syllables[:8]
    ]
    ranks = (rng.zipf(1.2, size=(n, 12)) - 1) % len(vocab)
    texts = [" ".join(vocab[r] for r in row) for row in ranks]
    # 1 % of inputs are a near-duplicate (a doubled letter) of another input
    chosen = rng.choice(n, size=2 * (n // 100), replace=False)
    sources, copies = chosen[: n // 100], chosen[n // 100 :]
    v[copies] = v[sources] + 0.01 * rng.standard_normal(size=(len(copies), dim), dtype=np.float32)
    for a, b in zip(sources, copies, strict=True):
        texts[b] = texts[a][:3] + texts[a][2:]
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    return v, texts


def case_embed(name: str) -> dict:
    from veikart.analysis import get_embedder

    emb = get_embedder(name)
    texts = [
        f"Det er altfor mørkt på gangveien ved skolen nummer {i}, vi trenger flere gatelys "
        "og en trygg skolevei for barna om vinteren."
        for i in range(64 if name.startswith("e5") else 5000)
    ]
    emb.embed(texts[:2])
    started = time.perf_counter()
    emb.embed(texts)
    seconds = time.perf_counter() - started
    return {
        "what": f"embed {emb.name}",
        "n": len(texts),
        "seconds": seconds,
        "per_core": f"{len(texts) / seconds:.0f} texts/s per core",
    }


def case_cluster(n: int) -> dict:
    from veikart.analysis import cluster

    v, texts = synthetic(n)
    started = time.perf_counter()
    result = cluster(v, texts)
    seconds = time.perf_counter() - started
    return {
        "what": "cluster",
        "n": n,
        "seconds": seconds,
        "note": f"{result.n_clusters} clusters, {result.labels.count(-1)} ungrouped",
    }


def case_duplicates(n: int) -> dict:
    from veikart.analysis import near_duplicates

    v, texts = synthetic(n)
    started = time.perf_counter()
    pairs = near_duplicates(v, texts)
    seconds = time.perf_counter() - started
    return {
        "what": "near_duplicates",
        "n": n,
        "seconds": seconds,
        "note": f"{len(pairs)} pairs (planted: {n // 100})",
    }


CASES = {
    "embed-e5": lambda: case_embed("e5"),
    "embed-e5-kw": lambda: case_embed("e5-kw"),
    "embed-tfidf": lambda: case_embed("tfidf"),
    "cluster-10k": lambda: case_cluster(10_000),
    "duplicates-10k": lambda: case_duplicates(10_000),
    "cluster-100k": lambda: case_cluster(100_000),
    "duplicates-100k": lambda: case_duplicates(100_000),
}


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--case":
        result = CASES[sys.argv[2]]()
        result["peak_mb"] = peak_mb()
        print(json.dumps(result))
        return
    names = ["embed-e5", "embed-e5-kw", "embed-tfidf", "cluster-10k", "duplicates-10k"]
    if os.environ.get("VEIKART_BENCH_100K") == "1":
        names += ["cluster-100k", "duplicates-100k"]
    print(f"cores: {os.cpu_count()} (shared machine: figures are noisy), OMP_NUM_THREADS=1")
    for name in names:
        done = subprocess.run(  # noqa: S603
            [sys.executable, __file__, "--case", name], capture_output=True, text=True, check=False
        )
        if done.returncode:
            print(f"{name:16} FAILED: {done.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(done.stdout.strip().splitlines()[-1])
        extra = r.get("per_core") or r.get("note", "")
        print(
            f"{name:16} n={r['n']:>7,}  {r['seconds']:7.2f} s  peak {r['peak_mb']:6.0f} MB  {extra}"
        )
    if os.environ.get("VEIKART_BENCH_100K") != "1":
        print("(set VEIKART_BENCH_100K=1 for the 100,000-input cases)")


if __name__ == "__main__":
    main()
