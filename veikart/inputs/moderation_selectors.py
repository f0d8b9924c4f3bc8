"""Reads for moderation: the queue (reported inputs first, then new ones, oldest first)."""

from django.db.models import Count, Q, QuerySet

from veikart.inputs.models import Input, InputStatus
from veikart.processes.models import Process


def moderation_queue(*, process: Process) -> QuerySet[Input]:
    open_reports = Count("reports", filter=Q(reports__handled_at__isnull=True))
    return (
        Input.objects.filter(process=process)
        .annotate(open_reports=open_reports)
        .filter(Q(status=InputStatus.NEW) | Q(open_reports__gt=0))
        .select_related("arena__method", "focus_area")
        .order_by("-open_reports", "created_at", "id")
    )


def moderation_counts(*, process: Process) -> dict[str, int]:
    rows = dict(
        Input.objects.filter(process=process)
        .order_by()
        .values_list("status")
        .annotate(n=Count("id"))
    )
    reported = (
        Input.objects.filter(process=process, reports__handled_at__isnull=True).distinct().count()
    )
    return {**{s: rows.get(s, 0) for s in InputStatus.values}, "reported": reported}
