"""`make bench`: every bench script in turn, one table of figures, and bench/results.json.

Each script prints its own figures; those that feed the summary also write bench/out/*.json.
results.json has at least: list_rps, list_p95_ms, proposal_p95_ms, hello_rps,
import_rows_per_s, peak_rss_mb (the web figures are those of anonymous visitors, served from the
page cache; list_uncached_* and proposal_uncached_* are those of a visitor with a session, *_nocache_*
with the page cache turned off). BENCH_ONLY=name,name runs a subset; BENCH_SKIP likewise.
"""

import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
OUT = BENCH / "out"
TIMEOUT = int(os.environ.get("BENCH_TIMEOUT", "1800"))


def scripts() -> list[Path]:
    only = {s for s in os.environ.get("BENCH_ONLY", "").split(",") if s}
    skip = {s for s in os.environ.get("BENCH_SKIP", "").split(",") if s}
    found = sorted(p for p in BENCH.glob("*.py") if not p.name.startswith(("_", "run_all")))
    return [p for p in found if (not only or p.stem in only) and p.stem not in skip]


def main() -> None:
    OUT.mkdir(exist_ok=True)
    rows = []
    peak_children = 0.0
    for script in scripts():
        start = time.perf_counter()
        print(f"\n=== {script.name} ===", flush=True)
        try:
            done = subprocess.run(
                [sys.executable, str(script)],
                cwd=BENCH,
                timeout=TIMEOUT,
                text=True,
                capture_output=True,
                env={**os.environ, "OMP_NUM_THREADS": "1"},
            )
            status = "ok" if done.returncode == 0 else f"exit {done.returncode}"
            output = done.stdout + (done.stderr[-2000:] if done.returncode else "")
        except subprocess.TimeoutExpired:
            status, output = f"timeout {TIMEOUT} s", ""
        print(output.rstrip())
        peak_children = max(
            peak_children, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        )
        rows.append((script.stem, status, time.perf_counter() - start))

    results: dict = {}
    for path in sorted(OUT.glob("*.json")):
        try:
            results.update(json.loads(path.read_text()))
        except (ValueError, OSError):
            continue
    web = {}
    for name in ("web_load_sqlite.json", "web_load_postgres.json"):
        if (OUT / name).exists():
            web = json.loads((OUT / name).read_text())
            results.setdefault("web_load", {})[
                name.removeprefix("web_load_").removesuffix(".json")
            ] = web
            break
    for key in (
        "list_rps",
        "list_p95_ms",
        "proposal_p95_ms",
        "hello_rps",
        "list_uncached_rps",
        "list_uncached_p95_ms",
        "proposal_uncached_p95_ms",
        "list_nocache_p95_ms",
        "proposal_nocache_p95_ms",
    ):
        results[key] = web.get(key)
    rss = [
        v
        for k, v in results.items()
        if re.search(r"peak_rss_mb$", k) and isinstance(v, int | float)
    ]
    results["peak_rss_mb"] = round(max([peak_children, *rss]))
    results.setdefault("import_rows_per_s", None)
    (BENCH / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))

    print("\n=== summary ===")
    print(f"  {'script':<24} {'status':<14} {'seconds':>8}")
    for name, status, seconds in rows:
        print(f"  {name:<24} {status:<14} {seconds:>8.0f}")
    for key in (
        "list_rps",
        "list_p95_ms",
        "proposal_p95_ms",
        "hello_rps",
        "import_rows_per_s",
        "peak_rss_mb",
    ):
        print(f"  {key:<24} {results[key]}")
    print("  (all figures: bench/results.json)")


if __name__ == "__main__":
    main()
