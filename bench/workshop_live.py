"""The workshop's live results: server time and a room of phones polling (targets: ≤ 50 ms, 0 errors).

1. Server time of the live results partial for 300 participants × 150 proposals at 8 tables
   (Django's test client, no network): p50/p95 with the one-second cache cold (every request
   counts the votes) and warm.
2. A bounded loopback load test: gunicorn on 127.0.0.1:PORT (default 8104) and 300 simulated
   phones, each polling the partial every 2 s for DURATION seconds (default 20); every answer
   other than 200 within 10 s is an error.

    .venv/bin/python bench/workshop_live.py [--port 8104] [--duration 20] [--phones 300]
"""

import argparse
import http.client
import os
import random
import subprocess
import sys
import threading
import time

from _setup import ROOT, django_ready, percentile

tmp = django_ready()

from django.core.cache import cache  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from veikart.processes.models import PhaseKind, Process  # noqa: E402
from veikart.proposals.models import (  # noqa: E402
    Proposal,
    Realiser,
    Vote,
    Workshop,
    WorkshopGroup,
    WorkshopParticipant,
)

PARTICIPANTS, PROPOSALS, TABLES, DOTS = 300, 150, 8, 5


def build() -> Workshop:
    process = Process.objects.create(name="Bench", slug="bench", current_phase=PhaseKind.WORKSHOP)
    realisers = Realiser.values
    proposals = Proposal.objects.bulk_create(
        Proposal(
            process=process,
            number=n,
            title=f"Forslag nummer {n} om møteplasser og aktiviteter",
            realiser=realisers[n % 3],
        )
        for n in range(1, PROPOSALS + 1)
    )
    workshop = Workshop.objects.create(
        process=process, title="Benkverksted", code="BENCH7", dots_per_person=DOTS, status="open"
    )
    workshop.proposals.set(proposals)
    groups = WorkshopGroup.objects.bulk_create(
        WorkshopGroup(workshop=workshop, name=f"Bord {i}") for i in range(1, TABLES + 1)
    )
    rng = random.Random(150)
    participants, votes = [], []
    for i in range(PARTICIPANTS):
        p = WorkshopParticipant(
            workshop=workshop, group=groups[i % TABLES], token=f"bench-{i}", budget=DOTS
        )
        left = DOTS
        for proposal in rng.sample(proposals, 4):
            dots = min(left, rng.choice([1, 1, 2]))
            if dots:
                votes.append((p, proposal, dots))
                left -= dots
        p.dots_spent = DOTS - left
        participants.append(p)
    WorkshopParticipant.objects.bulk_create(participants)
    Vote.objects.bulk_create(
        Vote(workshop=workshop, participant=p, proposal=pr, dots=d) for p, pr, d in votes
    )
    return workshop


# The full page links static files; without collectstatic, use the plain storage for it.
@override_settings(
    STORAGES={
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
)
def server_time(workshop: Workshop) -> None:
    setup_test_environment()
    client = Client()
    url = f"/v/{workshop.code}/tavle/?partial=1"
    full = f"/v/{workshop.code}/tavle/"
    for _ in range(5):
        assert client.get(url).status_code == 200
    cold, warm, page = [], [], []
    for _ in range(100):
        cache.clear()
        start = time.perf_counter()
        response = client.get(url)
        cold.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
        start = time.perf_counter()
        client.get(url)
        warm.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        client.get(full)
        page.append((time.perf_counter() - start) * 1000)
    votes = Vote.objects.filter(workshop=workshop).count()
    print(
        f"live results, {PARTICIPANTS} participants × {PROPOSALS} proposals, "
        f"{TABLES} tables, {votes} vote rows (ms; target ≤ 50)"
    )
    for name, times in (("partial, cold", cold), ("partial, cached", warm), ("full page", page)):
        print(
            f"  {name:16} p50 {percentile(times, 50):6.1f}  p95 {percentile(times, 95):6.1f}"
            f"  max {max(times):6.1f}"
        )


def load_test(workshop: Workshop, *, port: int, duration: float, phones: int) -> None:
    env = dict(os.environ)
    server = subprocess.Popen(  # noqa: S603 (our own gunicorn, fixed arguments)
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--worker-class",
            "gthread",
            "--workers",
            "2",
            "--threads",
            "8",
            "--keep-alive",
            "30",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        _wait_for(port)
        results = {"ok": 0, "errors": 0, "times": [], "kinds": {}}
        lock = threading.Lock()
        stop_at = time.monotonic() + duration
        path = f"/v/{workshop.code}/tavle/?partial=1"

        def phone(i: int) -> None:
            time.sleep(2.0 * i / phones)  # phones arrive over the first two seconds
            conn = None
            next_at = time.monotonic()
            while next_at < stop_at:
                start = time.monotonic()
                kind = ""
                try:
                    if conn is None:
                        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                    conn.request("GET", path, headers={"HX-Request": "true"})
                    response = conn.getresponse()
                    response.read()
                    if response.status != 200:
                        kind = f"HTTP {response.status}"
                    if response.getheader("Connection", "").lower() == "close":
                        conn.close()
                        conn = None
                except (OSError, http.client.HTTPException) as e:
                    kind = type(e).__name__
                    if conn is not None:
                        conn.close()
                    conn = None
                elapsed = (time.monotonic() - start) * 1000
                with lock:
                    results["errors" if kind else "ok"] += 1
                    results["times"].append(elapsed)
                    if kind:
                        results["kinds"][kind] = results["kinds"].get(kind, 0) + 1
                next_at += 2.0
                time.sleep(max(0.0, next_at - time.monotonic()))
            if conn is not None:
                conn.close()

        threads = [threading.Thread(target=phone, args=(i,), daemon=True) for i in range(phones)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(duration + 30)
        times = results["times"]
        print(
            f"load test: {phones} phones polling every 2 s for {duration:.0f} s against gunicorn "
            f"(2 workers × 8 threads) on 127.0.0.1:{port}"
        )
        print(
            f"  requests {len(times)}  ({len(times) / duration:.0f}/s)  errors {results['errors']}"
            f"  (target 0)  p50 {percentile(times, 50):.1f} ms  p95 {percentile(times, 95):.1f} ms"
            f"  max {max(times, default=0):.1f} ms"
        )
        if results["kinds"]:
            print("  errors by kind: " + ", ".join(f"{k} {n}" for k, n in results["kinds"].items()))
    finally:
        server.terminate()
        server.wait(10)


def _wait_for(port: int) -> None:
    for _ in range(100):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/health/")
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"gunicorn did not start on port {port}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8104")))
    parser.add_argument("--duration", type=float, default=20.0)
    parser.add_argument("--phones", type=int, default=300)
    args = parser.parse_args()
    workshop = build()
    server_time(workshop)
    load_test(workshop, port=args.port, duration=args.duration, phones=args.phones)


if __name__ == "__main__":
    main()
