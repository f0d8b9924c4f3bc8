"""Implementation tracking on the Borgen demo (203 measures): server time for the public
"where the plan stands" page and the receipt page, a snapshot, and digests for 300 followers.

Runs the real views through Django's test client on a fresh SQLite database (or
BENCH_DATABASE_URL); mail goes to the in-memory backend. Prints p50/p95 and query counts.
"""

import datetime
import os
import time

from _setup import django_ready, percentile

os.environ.setdefault("DEBUG", "1")  # plain static storage: pages render without collectstatic

django_ready()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from veikart.core.demo.borgen import SLUG, load_borgen_demo  # noqa: E402
from veikart.plans.models import Plan  # noqa: E402
from veikart.proposals.models import ProposalInput  # noqa: E402
from veikart.tracking.digest import digests_send  # noqa: E402
from veikart.tracking.models import Subscription  # noqa: E402
from veikart.tracking.services import measure_update_post  # noqa: E402
from veikart.tracking.snapshots import plan_snapshot_take  # noqa: E402


def timed(client: Client, url: str, n: int) -> tuple[list[float], int]:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return times, len(queries)


def main() -> None:
    setup_test_environment()
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    load_borgen_demo()
    client = Client()
    times, q = timed(client, f"/p/{SLUG}/plan/status/", 20)
    print(
        f"plan status page (203 measures): p50 {percentile(times, 50):.1f} ms  "
        f"p95 {percentile(times, 95):.1f} ms  {q} queries"
    )
    codes = list(
        ProposalInput.objects.filter(proposal__measure_links__isnull=False)
        .values_list("input__receipt_code", flat=True)
        .distinct()[:50]
    )
    all_times, counts = [], set()
    for code in codes:
        t, q = timed(client, f"/kvittering/{code}/", 1)
        all_times += t
        counts.add(q)
    print(
        f"receipt page ({len(codes)} inputs): p50 {percentile(all_times, 50):.1f} ms  "
        f"p95 {percentile(all_times, 95):.1f} ms  queries {sorted(counts)}"
    )
    plan = Plan.objects.get(process__slug=SLUG)
    start = time.perf_counter()
    plan_snapshot_take(actor=None, plan=plan, as_of=datetime.date(2019, 6, 30))
    print(f"snapshot as of a past date: {(time.perf_counter() - start) * 1000:.0f} ms")
    measure = plan.goals.first().strategies.first().measures.first()
    inputs = ProposalInput.objects.filter(proposal__measure_links__measure=measure)
    item_ids = list(inputs.values_list("input_id", flat=True))
    now = timezone.now()
    Subscription.objects.bulk_create(
        Subscription(
            email=f"f{n}@example.org", input_id=item_ids[n % len(item_ids)], confirmed_at=now
        )
        for n in range(300)
    )
    from veikart.accounts.models import User

    manager = User.objects.get(username="prosjektleder")
    start = time.perf_counter()
    measure_update_post(
        actor=manager,
        measure=measure,
        date=datetime.date(2024, 1, 1),
        status="in_progress",
        progress=50,
        text="Bench",
    )
    queued = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    result = digests_send()
    sent = (time.perf_counter() - start) * 1000
    again = digests_send()
    print(
        f"update queuing {result.notifications} notifications: {queued:.0f} ms; "
        f"{result.mails} digests sent in {sent:.0f} ms ({sent / max(result.mails, 1):.1f} ms each); "
        f"second run sent {again.mails}"
    )


if __name__ == "__main__":
    main()
