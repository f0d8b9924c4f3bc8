"""Sending digests: one mail per address with everything waiting for it, sent exactly once.

Each address is sent in its own transaction: its waiting notifications are locked
(`select_for_update(skip_locked=True)` on PostgreSQL, so two workers never take the same ones),
the mail is sent through Django's mail API (`MAILERS`/`EMAIL_BACKEND`), and the notifications
are marked sent before the transaction commits. If sending fails, nothing is marked and the
next run tries again. Unconfirmed or ended subscriptions are never mailed.
"""

import logging
from dataclasses import dataclass

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import QuerySet
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from veikart.core.services import audit_log_write
from veikart.inputs.models import InputStatus
from veikart.plans.models import MeasureStatus
from veikart.proposals.models import ProposalStatus
from veikart.tracking.following import absolute_url, unsubscribe_token
from veikart.tracking.models import Frequency, Notification

logger = logging.getLogger(__name__)

STATUS_LABELS = {
    Notification.Kind.MEASURE_UPDATE: MeasureStatus,
    Notification.Kind.PROPOSAL_STATUS: ProposalStatus,
    Notification.Kind.INPUT_STATUS: InputStatus,
}


@dataclass(frozen=True)
class DigestResult:
    mails: int
    notifications: int


def _waiting() -> QuerySet[Notification]:
    return Notification.objects.filter(
        sent_at__isnull=True,
        subscription__confirmed_at__isnull=False,
        subscription__unsubscribed_at__isnull=True,
    )


def digests_send(*, email: str | None = None, immediate_only: bool = False) -> DigestResult:
    """Send a digest to every address with waiting notifications (or to one address).

    immediate_only: only addresses that chose to hear right away (the daily run sends all).
    """
    waiting = _waiting()
    if email:
        waiting = waiting.filter(subscription__email=email)
    if immediate_only:
        waiting = waiting.filter(subscription__frequency=Frequency.IMMEDIATE)
    addresses = sorted(set(waiting.values_list("subscription__email", flat=True)))
    mails = notifications = 0
    for address in addresses:
        sent = _send_one(address)
        if sent:
            mails += 1
            notifications += sent
    return DigestResult(mails=mails, notifications=notifications)


@transaction.atomic
def _send_one(address: str) -> int:
    pending = list(
        _waiting()
        .filter(subscription__email=address)
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("subscription")
        .order_by("created_at", "id")
    )
    if not pending:
        return 0
    first = pending[0].subscription
    with translation.override(first.language):
        message = _message(address, pending)
    message.send()
    Notification.objects.filter(pk__in=[n.pk for n in pending]).update(sent_at=timezone.now())
    audit_log_write(
        actor=None,
        action="digest.send",
        obj=first,
        data={"notifications": [n.pk for n in pending]},
    )
    return len(pending)


def _message(address: str, pending: list[Notification]) -> EmailMultiAlternatives:
    every = absolute_url(
        reverse(
            "tracking:unsubscribe", args=[unsubscribe_token(pending[0].subscription, every=True)]
        )
    )
    items = []
    for n in pending:
        labels = STATUS_LABELS[n.kind]
        items.append(
            {
                "n": n,
                "status": labels(n.status).label if n.status in labels.values else n.status,
                "url": absolute_url(n.path),
                "stop_url": absolute_url(
                    reverse("tracking:unsubscribe", args=[unsubscribe_token(n.subscription)])
                ),
            }
        )
    body = render_to_string(
        "tracking/email/digest.txt", {"items": items, "unsubscribe_all_url": every}
    )
    subject = ngettext(
        "News from Veikart: %(n)d change you follow",
        "News from Veikart: %(n)d changes you follow",
        len(pending),
    ) % {"n": len(pending)}
    return EmailMultiAlternatives(
        subject,
        body,
        None,
        [address],
        headers={
            "List-Unsubscribe": f"<{every}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )


@task()
def digest_send_task(email: str | None = None) -> dict[str, int]:
    """Background task (`veikart db_worker`): send the digest of one address (or all)."""
    result = digests_send(email=email)
    logger.info("digests sent: %s mails, %s notifications", result.mails, result.notifications)
    return {"mails": result.mails, "notifications": result.notifications}
