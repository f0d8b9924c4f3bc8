"""`veikart snapshot-plan PLAN_ID [--as-of YYYY-MM-DD] [--note TEXT]`.

Stores a snapshot of the plan's figures (see veikart/tracking/snapshots.py) and prints one
summary line. An unknown or malformed plan id, a bad or future date: a one-line error on
stderr, exit status 2, nothing stored.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from veikart.plans.models import Plan
from veikart.tracking.snapshots import plan_snapshot_take


class Command(BaseCommand):
    help = "Store a snapshot of a plan's figures (measures by status, progress, participation)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("plan_id", help="the plan's id")
        parser.add_argument("--as-of", dest="as_of", help="date the figures describe (YYYY-MM-DD)")
        parser.add_argument("--note", default="", help="a short note stored with the snapshot")

    def handle(self, *args, plan_id: str, as_of: str | None, note: str, **options) -> None:
        try:
            plan = Plan.objects.get(pk=int(plan_id))
        except (ValueError, Plan.DoesNotExist):
            raise CommandError(f"no plan with id {plan_id!r}", returncode=2) from None
        day = None
        if as_of:
            try:
                day = datetime.date.fromisoformat(as_of)
            except ValueError:
                raise CommandError(
                    f"--as-of {as_of!r} is not a date (YYYY-MM-DD)", returncode=2
                ) from None
        try:
            snapshot = plan_snapshot_take(actor=None, plan=plan, as_of=day, note=note)
        except ValidationError as e:
            raise CommandError(" ".join(e.messages), returncode=2) from None
        progress = "–" if snapshot.mean_progress is None else f"{snapshot.mean_progress} %"
        self.stdout.write(
            f"Snapshot {snapshot.pk} of plan {plan.pk} as of {snapshot.as_of}: "
            f"{snapshot.measures_done}/{snapshot.measures_total} measures done, "
            f"mean progress {progress}, {snapshot.overdue} overdue, "
            f"{snapshot.participants} participants, {snapshot.inputs} inputs."
        )
