"""Load test on loopback: the production server (gunicorn, 2 workers, production settings,
static files by whitenoise) under wrk, for the Veikart list, proposal pages and a minimal
Django view served the same way (the ceiling of this machine).

Data: `veikart seed` (100,000 inputs, 10,000 proposals, 1,000,000 supports by default; sizes from
BENCH_SEED_INPUTS / BENCH_SEED_PROPOSALS / BENCH_SEED_SUPPORTS). The seeded SQLite file is kept
in bench/out/ and reused. BENCH_DATABASE_URL=postgres://... runs it on PostgreSQL (seeded once).
Needs `wrk` (apt-get install wrk). Bounded: BENCH_SECONDS per run (default 10), loopback only.
Each page is measured twice: as a visitor without cookies (served from the anonymous page cache
after the first request; `core/page_cache.py`) and with a session cookie (rendered every time,
as for a visitor who has supported something, or staff; the session id is not a stored session,
so it costs the session lookup but no login). Prints one table and writes
bench/out/web_load_<database>.json; no asserts.
"""

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BIN = Path(sys.executable).parent
PORT = int(os.environ.get("BENCH_PORT", "8190"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
WARMUP = int(os.environ.get("BENCH_WARMUP_SECONDS", "5"))
SIZES = {
    "inputs": int(os.environ.get("BENCH_SEED_INPUTS", "100000")),
    "proposals": int(os.environ.get("BENCH_SEED_PROPOSALS", "10000")),
    "supports": int(os.environ.get("BENCH_SEED_SUPPORTS", "1000000")),
}


def environment() -> dict[str, str]:
    OUT.mkdir(exist_ok=True)
    url = os.environ.get("BENCH_DATABASE_URL")
    if not url:
        name = "seed-{inputs}-{proposals}-{supports}.sqlite3".format(**SIZES)
        url = f"sqlite:///{OUT / name}"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": f"{ROOT / 'bench' / 'loadtest'}:{ROOT}",
        "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DEBUG": "0",
        "VEIKART_CACHE": "locmem",
        "CONN_MAX_AGE": "60",
        "OMP_NUM_THREADS": "1",
        "LOG_LEVEL": "WARNING",
    }


def veikart(env, *args) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return done.stdout


def prepare(env) -> None:
    veikart(env, "migrate", "--noinput", "-v0")
    exists = veikart(
        env,
        "shell",
        "-c",
        "from veikart.processes.models import Process as P; print(P.objects.filter(slug='stor').exists())",
    )
    if "True" not in exists:
        print(
            "seeding {inputs:,} inputs, {proposals:,} proposals, {supports:,} supports …".format(
                **SIZES
            ),
            flush=True,
        )
        start = time.perf_counter()
        veikart(env, "seed", "-v0", "--slug", "stor", *[f"--{k}={v}" for k, v in SIZES.items()])
        print(f"  seeded in {time.perf_counter() - start:.0f} s")
    # Fresh planner statistics: bulk-loaded tables have none until autovacuum (off on some test
    # servers) gets to them, and PostgreSQL then picks plans 10–20 times slower.
    veikart(
        env,
        "shell",
        "-c",
        "from django.db import connection; connection.cursor().execute('ANALYZE')",
    )
    veikart(env, "collectstatic", "--noinput", "-v0")


def serve(env) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "config.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/health/", timeout=2)  # noqa: S310 - loopback
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


def settle() -> None:
    """Wait until requests still queued from the last run are served (a quick answer again)."""
    for _ in range(120):
        start = time.perf_counter()
        urllib.request.urlopen(f"http://127.0.0.1:{PORT}/health/", timeout=30)  # noqa: S310
        if time.perf_counter() - start < 0.05:
            return
        time.sleep(0.5)


def wrk(paths: list[str], seconds: int = SECONDS, cookie: str = "") -> dict:
    env = {**os.environ, "BENCH_PATHS": " ".join(paths), "BENCH_COOKIE": cookie}
    done = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(ROOT / "bench" / "loadtest" / "rotate.lua"),
            f"http://127.0.0.1:{PORT}",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    match = re.search(r"RESULT (.*)", done.stdout)
    figures = dict(pair.split("=") for pair in match.group(1).split())
    result = {k: float(v) for k, v in figures.items()}
    result["rps"] = result["requests"] / result["seconds"]
    return result


def measure(env, runs, results: dict) -> None:
    server = serve(env)
    try:
        for name, visitor, paths, cookie in runs:
            # Warm up: fills each worker's page cache with the rotated pages, so the run measures
            # the steady state (the "no cache" rows show what a page costs after a write).
            wrk(paths, seconds=WARMUP, cookie=cookie)
            settle()
            results[(name, visitor)] = wrk(paths, cookie=cookie)
            settle()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    env = environment()
    database = env["DATABASE_URL"].split("://")[0]
    prepare(env)
    rng = random.Random(1)  # noqa: S311
    lists = ["/p/stor/veikart/"] + [
        f"/p/stor/veikart/?page={rng.randint(2, 400)}" for _ in range(20)
    ]
    proposals = [f"/p/stor/veikart/{rng.randint(1, SIZES['proposals'])}/" for _ in range(200)]
    session = "sessionid=bench-visitor-with-a-session-cookie"
    runs = (
        ("hello", "-", ["/bench-hello/"], ""),
        ("list", "anonymous", lists, ""),
        ("proposal", "anonymous", proposals, ""),
        ("list", "session", lists, session),
        ("proposal", "session", proposals, session),
    )
    results = {}
    measure(env, runs, results)
    # No cache at all (VEIKART_PAGE_CACHE_SECONDS=0): every request renders everything, as the
    # first request for each page after a write does.
    cold = {**env, "VEIKART_PAGE_CACHE_SECONDS": "0"}
    measure(
        cold, (("list", "no cache", lists, ""), ("proposal", "no cache", proposals, "")), results
    )
    print(
        f"web load: gunicorn 2 workers, {database}, wrk {CONNECTIONS} connections × {SECONDS} s, "
        "{inputs:,} inputs / {proposals:,} proposals / {supports:,} supports".format(**SIZES)
    )
    print(
        f"  {'page':<10} {'visitor':<10} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
        f" {'errors':>7}"
    )
    for (name, visitor), r in results.items():
        print(
            f"  {name:<10} {visitor:<10} {r['rps']:>8.0f} {r['p50_ms']:>8.1f} {r['p95_ms']:>8.1f}"
            f" {r['p99_ms']:>8.1f} {r['errors']:>7.0f}"
        )
    ceiling = results[("hello", "-")]["rps"]
    for (name, visitor), r in results.items():
        if name != "hello":
            print(f"  {name} ({visitor}) / minimal view throughput: {r['rps'] / ceiling:.3f}")
    # Keys: <page>_rps / <page>_p95_ms for anonymous visitors (issue 9's names), with the suffix
    # _uncached for the session run and _nocache for the run with the page cache off.
    summary = {"database": database, "hello_rps": round(ceiling, 1)}
    for visitor, suffix in (("anonymous", ""), ("session", "_uncached"), ("no cache", "_nocache")):
        for page in ("list", "proposal"):
            r = results[(page, visitor)]
            summary[f"{page}{suffix}_rps"] = round(r["rps"], 1)
            summary[f"{page}{suffix}_p95_ms"] = round(r["p95_ms"], 1)
    summary["errors"] = int(sum(r["errors"] for r in results.values()))
    (OUT / f"web_load_{database}.json").write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
