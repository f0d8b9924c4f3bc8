"""Bench: the map data endpoint with 50,000 published point inputs (plus 500 routes).

Prints the time and size of the GeoJSON answer for the whole area and for views at several
zooms, through the real view (Django test client). Target: ≤ 300 ms and ≤ 2 MB each.

    .venv/bin/python bench/map_data.py [N]          (SQLite in a temp dir)
    BENCH_DATABASE_URL=postgres://… .venv/bin/python bench/map_data.py
"""

import random
import sys
import time

from _setup import django_ready, percentile

django_ready()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from veikart.areas.models import Area  # noqa: E402
from veikart.inputs.models import Input, InputSource, InputStatus  # noqa: E402
from veikart.processes.models import Arena, Method, Process  # noqa: E402

N = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
CATS = ["liker", "liker_ikke", "utrygt", "onsker_endring", "skolevei"]
W, S, E, NORTH = 10.415, 59.826, 10.440, 59.848


def main() -> None:
    rng = random.Random(1)
    area = Area.objects.create(
        name="Bench",
        slug="bench",
        boundary={
            "type": "Polygon",
            "coordinates": [[[W, S], [E, S], [E, NORTH], [W, NORTH], [W, S]]],
        },
    )
    process = Process.objects.create(name="Bench", slug="bench")
    process.areas.add(area)
    arena = Arena.objects.create(process=process, method=Method.objects.first(), title="Bench")
    t0 = time.perf_counter()
    items = []
    for i in range(N):
        # dense around a few hot spots, like real maps
        cx, cy = rng.choice(
            [(10.4275, 59.8325), (10.4232, 59.8301), (10.4338, 59.8282), (10.427, 59.843)]
        )
        lon = min(max(rng.gauss(cx, 0.003), W), E)
        lat = min(max(rng.gauss(cy, 0.002), S), NORTH)
        items.append(
            Input(
                process=process,
                arena=arena,
                text=f"Innspill {i} om stedet",
                geometry={"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
                map_category=rng.choice(CATS),
                status=InputStatus.PUBLISHED,
                source=InputSource.MAP,
                receipt_code=f"B{i:09d}",
            )
        )
    for i in range(500):
        lon, lat = rng.uniform(W, E), rng.uniform(S, NORTH)
        items.append(
            Input(
                process=process,
                arena=arena,
                text=f"Skolevei {i}",
                geometry={"type": "LineString", "coordinates": [[lon, lat], [10.4275, 59.8325]]},
                map_category="skolevei",
                status=InputStatus.PUBLISHED,
                source=InputSource.MAP,
                receipt_code=f"R{i:09d}",
            )
        )
    Input.objects.bulk_create(items, batch_size=5000)
    if connection.vendor == "postgresql":
        with connection.cursor() as c:
            c.execute("ANALYZE inputs_input")
    print(
        f"{connection.vendor}: {N:,} points + 500 routes stored in {time.perf_counter() - t0:.1f} s"
    )

    client = Client()
    t = time.perf_counter()
    response = client.get(f"/p/bench/kart/data.json?bbox={W},{S},{E},{NORTH}&zoom=14")
    cold = (time.perf_counter() - t) * 1000
    print(
        f"{'first answer (builds index)':28s} {cold:6.1f} ms  {len(response.content) / 1024:7.1f} KiB"
        "  (a fresh process: imports and first use included)"
    )
    # A new input changes the inputs' version: the next answer rebuilds the index.
    Input.objects.create(
        process=process,
        arena=arena,
        text="Et nytt punkt",
        geometry={"type": "Point", "coordinates": [10.4275, 59.8325]},
        map_category="liker",
        status=InputStatus.PUBLISHED,
        source=InputSource.MAP,
        receipt_code="N000000001",
    )
    t = time.perf_counter()
    response = client.get(f"/p/bench/kart/data.json?bbox={W},{S},{E},{NORTH}&zoom=14")
    rebuilt = (time.perf_counter() - t) * 1000
    print(
        f"{'after a new input (rebuild)':28s} {rebuilt:6.1f} ms  {len(response.content) / 1024:7.1f} KiB"
        "  (target ≤ 300 ms)"
    )
    views = [
        ("whole area, zoom 14", f"?bbox={W},{S},{E},{NORTH}&zoom=14"),
        ("no bbox, zoom 13", "?zoom=13"),
        ("school, zoom 16", "?bbox=10.424,59.830,10.431,59.835&zoom=16"),
        ("street, zoom 18", "?bbox=10.4270,59.8320,10.4280,59.8330&zoom=18"),
        ("category filter, zoom 15", f"?bbox={W},{S},{E},{NORTH}&zoom=15&category=utrygt"),
    ]
    worst_ms, worst_bytes = 0.0, 0
    for label, query in views:
        times, size = [], 0
        for _ in range(5):
            t = time.perf_counter()
            response = client.get(f"/p/bench/kart/data.json{query}")
            times.append((time.perf_counter() - t) * 1000)
            assert response.status_code == 200, response.status_code
            size = len(response.content)
        median = percentile(times, 50)
        worst_ms, worst_bytes = max(worst_ms, max(times)), max(worst_bytes, size)
        print(
            f"{label:28s} median {median:6.1f} ms  max {max(times):6.1f} ms  {size / 1024:7.1f} KiB"
        )
    verdict = "OK" if worst_ms <= 300 and worst_bytes <= 2 * 1024 * 1024 else "OVER TARGET"
    print(
        f"worst: {worst_ms:.1f} ms, {worst_bytes / 1024:.1f} KiB (target ≤ 300 ms, ≤ 2048 KiB): {verdict}"
    )


if __name__ == "__main__":
    main()
