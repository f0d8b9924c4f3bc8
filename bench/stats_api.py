"""Statistics, representativeness, the API and open data on a large process.

Builds a fresh SQLite database (temp dir) with bulk inserts: BENCH_INPUTS inputs (default
100,000; 5 % with a place), BENCH_PROPOSALS proposals (10,000) each linked to inputs,
BENCH_SUPPORTS supports (1,000,000), 200 arenas with headcounts by group, workshop votes and
a plan with 1,000 measures and their updates. Then prints the server time (median of 5, via
Django's test client: view + template, no network) of the dashboard and the representativeness
page, the API list endpoints per page, and the peak memory of a child process that writes the
open-data ZIP. Targets: pages ≤ 200 ms, API ≤ 50 ms per page, ZIP ≤ 300 MB. Figures only.

    .venv/bin/python bench/stats_api.py            # full size
    BENCH_INPUTS=20000 BENCH_SUPPORTS=100000 .venv/bin/python bench/stats_api.py
"""

import datetime
import os
import random
import statistics
import subprocess
import sys
import time

from _setup import django_ready

if len(sys.argv) == 3 and sys.argv[1] == "--zip":
    # Child: write the open-data ZIP of the process in the given database; print peak RSS.
    import resource

    os.environ["BENCH_DATABASE_URL"] = sys.argv[2]
    django_ready(migrate=False)
    from veikart.processes.models import Process
    from veikart.stats.open_data import write_zip

    out = os.path.join(os.path.dirname(sys.argv[2].removeprefix("sqlite:///")), "open.zip")
    started = time.perf_counter()
    counts = write_zip(Process.objects.get(slug="bench"), out)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{peak:.0f} {seconds:.1f} {os.path.getsize(out) / 1e6:.1f} {counts['inputs']}")
    sys.exit(0)

INPUTS = int(os.environ.get("BENCH_INPUTS", "100000"))
PROPOSALS = int(os.environ.get("BENCH_PROPOSALS", "10000"))
SUPPORTS = int(os.environ.get("BENCH_SUPPORTS", "1000000"))
ARENAS = 200
MEASURES = 1000

tmp = django_ready()

from django.conf import settings  # noqa: E402

# DEBUG is off (no query log); serve static names without a collectstatic manifest.
settings.STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from veikart.accounts.models import Role, User  # noqa: E402
from veikart.areas.models import Area, PopulationCount  # noqa: E402
from veikart.core.groups import AGE_BANDS  # noqa: E402
from veikart.inputs.models import Input  # noqa: E402
from veikart.plans.models import Goal, Measure, Plan, Strategy  # noqa: E402
from veikart.processes.models import Arena, ArenaParticipation, FocusArea, Process  # noqa: E402
from veikart.processes.services import method_from_catalogue  # noqa: E402
from veikart.proposals.models import Proposal  # noqa: E402

rng = random.Random(2016)
WORDS = (
    "Vi trenger flere benker langs turstien ved Borgen skole og bedre lys om kvelden for "
    "ungdom og eldre møteplass bibliotek ballbinge sykkelvei trafikksikkerhet grøntområde"
).split()


def sentence() -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 18))).capitalize() + "."


def build() -> Process:
    now = timezone.now()
    with transaction.atomic():
        area = Area.objects.create(
            name="Borgen",
            slug="borgen",
            boundary={
                "type": "Polygon",
                "coordinates": [
                    [[10.41, 59.82], [10.44, 59.82], [10.44, 59.84], [10.41, 59.84], [10.41, 59.82]]
                ],
            },
        )
        process = Process.objects.create(name="Bench", slug="bench", current_phase="solution_hunt")
        process.areas.add(area)
        pops = []
        for key, _label in AGE_BANDS:
            pops.append(
                PopulationCount(area=area, year=2015, dimension="age", group=key, count=1000)
            )
        pops += [
            PopulationCount(area=area, year=2015, dimension="gender", group="female", count=2500),
            PopulationCount(area=area, year=2015, dimension="gender", group="male", count=2500),
            PopulationCount(
                area=area, year=2015, dimension="background", group="immigrant", count=1800
            ),
            PopulationCount(
                area=area, year=2015, dimension="background", group="majority", count=3200
            ),
        ]
        PopulationCount.objects.bulk_create(pops)
        focus = [
            FocusArea.objects.create(
                process=process, name=f"Innsatsområde {i}", slug=f"fa{i}", order=i
            )
            for i in range(4)
        ]
        methods = [
            method_from_catalogue(slug=s)
            for s in ("gjestebud", "fokusgruppe", "naermiljokonferanse", "barnetrakk")
        ]
        arenas = Arena.objects.bulk_create(
            Arena(
                process=process,
                method=methods[i % 4],
                title=f"Arena {i}",
                held_on=datetime.date(2016, 1, 1) + datetime.timedelta(days=i % 150),
                participant_count=rng.randint(5, 60),
            )
            for i in range(ARENAS)
        )
        cells = []
        for a in arenas:
            for key, _label in AGE_BANDS:
                cells.append(
                    ArenaParticipation(
                        arena=a, dimension="age", group=key, count=rng.randint(0, 12)
                    )
                )
            cells.append(
                ArenaParticipation(
                    arena=a, dimension="background", group="immigrant", count=rng.randint(0, 10)
                )
            )
            cells.append(
                ArenaParticipation(
                    arena=a, dimension="background", group="majority", count=rng.randint(5, 30)
                )
            )
        ArenaParticipation.objects.bulk_create(cells)
        groups = ["", "13-19", "20-34", "35-66", "67+", "0-12"]
        batch = []
        for i in range(INPUTS):
            batch.append(
                Input(
                    process=process,
                    arena_id=arenas[i % ARENAS].pk,
                    text=sentence(),
                    status="published" if i % 10 else "new",
                    source="staff",
                    focus_area_id=focus[i % 4].pk if i % 3 else None,
                    group_age=groups[i % 6],
                    group_background="immigrant" if i % 7 == 0 else "",
                    geometry={
                        "type": "Point",
                        "coordinates": [10.41 + rng.random() * 0.04, 59.82 + rng.random() * 0.03],
                    }
                    if i % 20 == 0
                    else None,
                    receipt_code=f"B{i:09d}",
                    created_at=now,
                    updated_at=now,
                )
            )
            if len(batch) == 5000:
                Input.objects.bulk_create(batch)
                batch = []
        Input.objects.bulk_create(batch)
        realisers = ["municipality"] * 25 + ["residents"] * 40 + ["partnership"] * 35
        Proposal.objects.bulk_create(
            (
                Proposal(
                    process=process,
                    number=n + 1,
                    title=sentence()[:120],
                    description=sentence(),
                    realiser=realisers[n % 100],
                    focus_area_id=focus[n % 4].pk,
                    status="in_plan" if n % 5 == 0 else "published",
                    search_stems=" ",
                    created_at=now,
                    updated_at=now,
                )
                for n in range(PROPOSALS)
            ),
            batch_size=5000,
        )
    with connection.cursor() as cursor:
        first_input = Input.objects.order_by("id").values_list("id", flat=True).first()
        first_prop = Proposal.objects.order_by("id").values_list("id", flat=True).first()
        cursor.executemany(
            "INSERT INTO proposals_proposalinput (proposal_id, input_id, linked_at) VALUES (%s, %s, %s)",
            [(first_prop + i % PROPOSALS, first_input + i, now) for i in range(INPUTS)],
        )
        for start in range(0, SUPPORTS, 200_000):
            cursor.executemany(
                "INSERT INTO proposals_support (proposal_id, user_id, anonymous_token, created_at) "
                "VALUES (%s, NULL, %s, %s)",
                [
                    (first_prop + i % PROPOSALS, f"t{i}", now)
                    for i in range(start, min(SUPPORTS, start + 200_000))
                ],
            )
    with transaction.atomic():
        plan = Plan.objects.create(
            process=process, title="Temaplan", main_goal="Mål", status="adopted"
        )
        strategies = []
        for f in focus:
            goal = Goal.objects.create(
                plan=plan, focus_area=f, title=f"Mål {f.order}", order=f.order
            )
            strategies += [
                Strategy.objects.create(goal=goal, title=f"Strategi {j}", order=j) for j in range(5)
            ]
        statuses = ["not_started", "in_progress", "done", "postponed"]
        Measure.objects.bulk_create(
            Measure(
                strategy=strategies[i % len(strategies)],
                number=str(i + 1),
                title=sentence()[:200],
                status=statuses[i % 4],
                progress=(i * 7) % 101,
                order=i,
            )
            for i in range(MEASURES)
        )
    return process


def timed(client: Client, url: str, runs: int = 5) -> tuple[float, int]:
    times = []
    status = 0
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
        times.append((time.perf_counter() - started) * 1000)
        status = response.status_code
    return statistics.median(times), status


def main() -> None:
    started = time.perf_counter()
    process = build()
    print(
        f"Data set: {INPUTS:,} inputs, {PROPOSALS:,} proposals, {SUPPORTS:,} supports, "
        f"{ARENAS} arenas, {MEASURES:,} measures (SQLite, built in "
        f"{time.perf_counter() - started:.0f} s)"
    )
    client = Client()
    manager = User.objects.create(username="bench-manager", role=Role.MANAGER)
    print("\nPages (median of 5, target ≤ 200 ms):")
    timed(client, f"/p/{process.slug}/statistikk/", runs=1)  # warm the caches
    for label, url in [
        ("statistics dashboard", f"/p/{process.slug}/statistikk/"),
        ("representativeness (public)", f"/p/{process.slug}/representativitet/"),
    ]:
        ms, status = timed(client, url)
        print(f"  {label:34s} {ms:7.1f} ms  (HTTP {status})")
    client.force_login(manager)
    ms, status = timed(client, f"/p/{process.slug}/stab/representativitet/")
    print(f"  {'representativeness (staff)':34s} {ms:7.1f} ms  (HTTP {status})")
    client.logout()

    print("\nAPI list endpoints, one page of 20 (median of 5, target ≤ 50 ms):")
    base = f"/api/v1/processes/{process.slug}"
    for label, url in [
        ("inputs", f"{base}/inputs"),
        ("inputs, deep page", f"{base}/inputs?offset=80000"),
        ("inputs, focus_area filter", f"{base}/inputs?focus_area={process.focus_areas.first().pk}"),
        ("inputs, q search", f"{base}/inputs?q=ballbinge"),
        ("proposals (with counts)", f"{base}/proposals"),
        ("proposals, realiser filter", f"{base}/proposals?realiser=residents"),
        ("arenas", f"{base}/arenas"),
        ("measures", f"{base}/measures"),
        ("measures, status filter", f"{base}/measures?status=done"),
        ("processes", "/api/v1/processes/"),
    ]:
        ms, status = timed(client, url)
        print(f"  {label:34s} {ms:7.1f} ms  (HTTP {status})")

    print("\nOpen-data ZIP (child process; target ≤ 300 MB peak):")
    db = os.environ["DATABASE_URL"]
    result = subprocess.run(  # noqa: S603 - this same script, our own arguments
        [sys.executable, __file__, "--zip", db], capture_output=True, text=True, check=True
    )
    peak, seconds, size, inputs = result.stdout.split()[-4:]
    print(f"  {int(inputs):,} inputs written in {seconds} s; ZIP {size} MB; peak RSS {peak} MB")


if __name__ == "__main__":
    main()
