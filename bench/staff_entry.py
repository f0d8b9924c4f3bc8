"""Staff entry: server time to save one input and render the next empty form (target ≤ 50 ms).

Runs the real view through Django's test client (no network), with htmx headers as the page
sends them, on a fresh SQLite database. Prints p50/p95 over 300 saves.
"""

import time

from _setup import django_ready, percentile

django_ready()

from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from veikart.accounts.models import User  # noqa: E402
from veikart.processes.models import PhaseKind, Process  # noqa: E402
from veikart.processes.services import arena_create, method_from_catalogue  # noqa: E402


def main() -> None:
    setup_test_environment()
    process = Process.objects.create(
        name="Bench", slug="bench", current_phase=PhaseKind.SOLUTION_HUNT
    )
    arena = arena_create(
        actor=None, process=process, method=method_from_catalogue(slug="gjestebud"), title="G"
    )
    host = User.objects.create_user("host", password="x" * 12, role="host")
    client = Client(headers={"HX-Request": "true"})
    client.force_login(host)
    url = f"/p/bench/stab/arenaer/{arena.pk}/innspill/"
    client.get(url)
    times = []
    for n in range(300):
        start = time.perf_counter()
        response = client.post(url, {"text": f"Innspill nummer {n} om lys og benker"})
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    print("staff entry: save + next form (ms)")
    print(
        f"  p50 {percentile(times, 50):.1f}  p95 {percentile(times, 95):.1f}  max {max(times):.1f}"
    )


if __name__ == "__main__":
    main()
