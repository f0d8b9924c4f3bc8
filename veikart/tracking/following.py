"""Following by e-mail: subscribe (double opt-in), confirm, unsubscribe, and queue notifications.

A follower leaves an address for one input, proposal or measure. Nothing but the confirmation
mail is sent before they open the signed link in it. When a followed thing changes — a measure
gets an update, a proposal changes status, an input is moderated — one `Notification` is queued
per address (following an input also follows the proposals and measures it became). The
digest task (`digest.py`) sends them.
"""

import datetime
import hashlib
import time

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from veikart.core.services import audit_log_write
from veikart.inputs.models import Input
from veikart.plans.models import Measure, MeasureProposal
from veikart.proposals.models import Proposal, ProposalInput
from veikart.tracking.models import Frequency, MeasureUpdate, Notification, Subscription

CONFIRM_SALT = "veikart.tracking.confirm"
UNSUBSCRIBE_SALT = "veikart.tracking.unsubscribe"
CONFIRM_MAX_AGE = 7 * 24 * 3600
# The form must not become a way to flood somebody's inbox with confirmation mails:
RESEND_AFTER = datetime.timedelta(hours=1)  # per subscription
MAX_UNCONFIRMED_PER_DAY = 5  # per address


# --- signed links ------------------------------------------------------------------------
def _email_tag(email: str) -> str:
    """A short hash binding a token to the address without putting the address in the URL."""
    return hashlib.sha256(email.encode()).hexdigest()[:10]


def confirm_token(subscription: Subscription) -> str:
    return signing.dumps(
        {"s": subscription.pk, "t": _email_tag(subscription.email)}, salt=CONFIRM_SALT
    )


def unsubscribe_token(subscription: Subscription, *, every: bool = False) -> str:
    """A link that ends this subscription, or (every=True) all of the address's subscriptions."""
    payload = {"s": subscription.pk, "t": _email_tag(subscription.email)}
    if every:
        payload["all"] = 1
    return signing.dumps(payload, salt=UNSUBSCRIBE_SALT)


def _subscription_from(token: str, *, salt: str, max_age: int | None) -> tuple[Subscription, dict]:
    try:
        payload = signing.loads(token, salt=salt, max_age=max_age)
        subscription = Subscription.objects.get(pk=payload["s"])
    except signing.SignatureExpired as e:
        raise ValidationError(
            _("The link has expired. Ask to follow again."), code="expired"
        ) from e
    except (signing.BadSignature, Subscription.DoesNotExist, KeyError, TypeError) as e:
        raise ValidationError(_("The link is not valid."), code="invalid") from e
    if payload.get("t") != _email_tag(subscription.email):
        raise ValidationError(_("The link is not valid."), code="invalid")
    return subscription, payload


def absolute_url(path: str) -> str:
    base = settings.VEIKART.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
    return f"{base}{path}"


# --- subscribe, confirm, unsubscribe -----------------------------------------------------
@transaction.atomic
def subscription_request(
    *,
    actor,
    email: str,
    frequency: str = Frequency.DAILY,
    language: str = "nb",
    item: Input | None = None,
    proposal: Proposal | None = None,
    measure: Measure | None = None,
) -> Subscription:
    """Ask to follow one thing. Sends only the confirmation mail (after commit).

    Asking again for a confirmed subscription changes nothing and sends nothing, so the form
    cannot be used to flood an address; an unconfirmed or ended one gets a new confirmation.
    """
    email = (email or "").strip().lower()
    errors = {}
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = _("Enter a valid e-mail address.")
    if frequency not in Frequency.values:
        errors["frequency"] = _("Choose how often.")
    targets = [t for t in (item, proposal, measure) if t is not None]
    if len(targets) != 1:
        errors["__all__"] = _("Choose one thing to follow.")
    if errors:
        raise ValidationError(errors)
    target = {"input": item, "proposal": proposal, "measure": measure}
    subscription, created = Subscription.objects.select_for_update().get_or_create(
        email=email,
        **{k: v for k, v in target.items() if v is not None},
        defaults={"frequency": frequency, "language": language[:10]},
    )
    active = subscription.confirmed_at and not subscription.unsubscribed_at
    if not created and not active:
        subscription.frequency, subscription.language = frequency, language[:10]
        subscription.confirmed_at = subscription.unsubscribed_at = None
        subscription.save(
            update_fields=["frequency", "language", "confirmed_at", "unsubscribed_at"]
        )
    send = (created or not active) and _may_send_confirmation(subscription)
    if send:
        subscription.confirmation_sent_at = timezone.now()
        subscription.save(update_fields=["confirmation_sent_at"])
        pk = subscription.pk
        transaction.on_commit(lambda: confirmation_mail_send(subscription_id=pk), robust=True)
    audit_log_write(
        actor=actor,
        action="subscription.request",
        obj=subscription,
        data={
            "created": created,
            "frequency": frequency,
            "already_active": bool(active),
            "confirmation_sent": bool(send),
        },
    )
    return subscription


def _may_send_confirmation(subscription: Subscription) -> bool:
    now = timezone.now()
    sent = subscription.confirmation_sent_at
    if sent and sent > now - RESEND_AFTER:
        return False
    recent = Subscription.objects.filter(
        email=subscription.email,
        confirmed_at__isnull=True,
        confirmation_sent_at__gt=now - datetime.timedelta(days=1),
    ).exclude(pk=subscription.pk)
    return recent.count() < MAX_UNCONFIRMED_PER_DAY


def confirmation_mail_send(*, subscription_id: int) -> None:
    """The one mail sent before confirmation: the signed link to confirm."""
    subscription = Subscription.objects.select_related("input", "proposal__process", "measure").get(
        pk=subscription_id
    )
    if subscription.confirmed_at and not subscription.unsubscribed_at:
        return
    with translation.override(subscription.language):
        context = {
            "subscription": subscription,
            "what": target_label(subscription),
            "confirm_url": absolute_url(
                reverse("tracking:confirm", args=[confirm_token(subscription)])
            ),
        }
        body = render_to_string("tracking/email/confirm.txt", context)
        subject = _("Confirm that you want to follow this in Veikart")
    EmailMultiAlternatives(subject, body, None, [subscription.email]).send()


def target_label(subscription: Subscription) -> str:
    if subscription.input_id:
        return _("your input %(code)s") % {"code": subscription.input.receipt_code}
    if subscription.proposal_id:
        return _("proposal %(number)s: %(title)s") % {
            "number": subscription.proposal.number,
            "title": subscription.proposal.title,
        }
    return _("measure %(measure)s") % {"measure": subscription.measure}


@transaction.atomic
def subscription_confirm(*, token: str) -> Subscription:
    subscription, _payload = _subscription_from(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    if subscription.unsubscribed_at:
        raise ValidationError(_("You have stopped following this. Ask to follow again."))
    if not subscription.confirmed_at:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
        audit_log_write(actor=None, action="subscription.confirm", obj=subscription)
    return subscription


@transaction.atomic
def subscription_end(*, token: str) -> list[Subscription]:
    """Unsubscribe (one click). Returns the subscriptions ended (none if already ended)."""
    subscription, payload = _subscription_from(token, salt=UNSUBSCRIBE_SALT, max_age=None)
    scope = Subscription.objects.filter(pk=subscription.pk)
    if payload.get("all"):
        scope = Subscription.objects.filter(email=subscription.email)
    ended = list(scope.filter(unsubscribed_at__isnull=True))
    if ended:
        Subscription.objects.filter(pk__in=[s.pk for s in ended]).update(
            unsubscribed_at=timezone.now()
        )
        audit_log_write(
            actor=None,
            action="subscription.end",
            obj=subscription,
            data={"ended": [s.pk for s in ended], "every": bool(payload.get("all"))},
        )
    return ended


@transaction.atomic
def subscription_resume(*, token: str) -> Subscription:
    """Undo an unsubscribe from the same signed link (for a click made by mistake)."""
    subscription, _payload = _subscription_from(token, salt=UNSUBSCRIBE_SALT, max_age=None)
    if subscription.unsubscribed_at and subscription.confirmed_at:
        subscription.unsubscribed_at = None
        subscription.save(update_fields=["unsubscribed_at"])
        audit_log_write(actor=None, action="subscription.resume", obj=subscription)
    return subscription


# --- queueing notifications --------------------------------------------------------------
def _first_per_address(subscriptions: QuerySet[Subscription]) -> list[Subscription]:
    """One subscription per address: the most specific (measure, then proposal, then input)."""
    chosen: dict[str, Subscription] = {}
    for s in subscriptions:
        rank = 0 if s.measure_id else 1 if s.proposal_id else 2
        if s.email not in chosen or rank < chosen[s.email]._rank:
            s._rank = rank
            chosen[s.email] = s
    return list(chosen.values())


def _queue(
    subscriptions: QuerySet[Subscription],
    *,
    kind: str,
    event: str,
    title: str,
    status: str,
    path: str,
    progress: int | None = None,
    text: str = "",
) -> int:
    """Queue one notification per address (inside the caller's transaction)."""
    chosen = _first_per_address(subscriptions.active().order_by("id"))
    if not chosen:
        return 0
    emails = {s.email for s in chosen}
    already_waiting = set(
        Notification.objects.filter(sent_at__isnull=True, subscription__email__in=emails)
        .values_list("subscription__email", flat=True)
        .distinct()
    )
    Notification.objects.bulk_create(
        [
            Notification(
                subscription=s,
                kind=kind,
                event=event[:80],
                title=title[:300],
                status=status,
                progress=progress,
                text=text[:1000],
                path=path[:300],
            )
            for s in chosen
        ],
        ignore_conflicts=True,
    )
    immediate = sorted({s.email for s in chosen if s.frequency == Frequency.IMMEDIATE})
    daily = sorted(
        {s.email for s in chosen if s.frequency == Frequency.DAILY}
        - already_waiting
        - set(immediate)
    )
    transaction.on_commit(lambda: _schedule(immediate=immediate, daily=daily), robust=True)
    return len(chosen)


def next_digest_time(now: datetime.datetime | None = None) -> datetime.datetime:
    """The next daily digest hour (VEIKART["DIGEST_HOUR"], local time; 07:00 by default)."""
    now = timezone.localtime(now)
    hour = int(settings.VEIKART.get("DIGEST_HOUR", 7))
    at = now.replace(hour=hour, minute=0, second=0, microsecond=0)
    return at if at > now else at + datetime.timedelta(days=1)


def _schedule(*, immediate: list[str], daily: list[str]) -> None:
    from django.tasks import default_task_backend

    from veikart.tracking.digest import digest_send_task

    for email in immediate:
        digest_send_task.enqueue(email=email)
    if daily and default_task_backend.supports_defer:
        at = next_digest_time()
        for email in daily:
            digest_send_task.using(run_after=at).enqueue(email=email)


def _inputs_of(proposal_ids) -> QuerySet:
    return ProposalInput.objects.filter(proposal_id__in=proposal_ids).values("input_id")


def notify_measure_update(*, update: MeasureUpdate) -> int:
    """Followers of the measure, of its proposals and of the inputs behind them."""
    measure = update.measure
    proposal_ids = list(
        MeasureProposal.objects.filter(measure=measure).values_list("proposal_id", flat=True)
    )
    subscriptions = Subscription.objects.filter(
        Q(measure=measure)
        | Q(proposal_id__in=proposal_ids)
        | Q(input_id__in=_inputs_of(proposal_ids))
    )
    process = measure.strategy.goal.plan.process
    return _queue(
        subscriptions,
        kind=Notification.Kind.MEASURE_UPDATE,
        event=f"measure_update:{update.pk}",
        title=f"{measure.number} {measure.title}".strip(),
        status=update.status,
        progress=update.progress,
        text=update.text,
        path=reverse("plans:measure", args=[process.slug, measure.pk]),
    )


def notify_proposal_status(*, proposal: Proposal) -> int:
    """Followers of the proposal and of its inputs, told its new status."""
    subscriptions = Subscription.objects.filter(
        Q(proposal=proposal) | Q(input_id__in=_inputs_of([proposal.pk]))
    )
    return _queue(
        subscriptions,
        kind=Notification.Kind.PROPOSAL_STATUS,
        event=f"proposal_status:{proposal.pk}:{proposal.status}:{time.time_ns()}",
        title=f"{proposal.number}. {proposal.title}",
        status=proposal.status,
        path=reverse("proposals:detail", args=[proposal.process.slug, proposal.number]),
    )


def notify_input_status(*, item: Input) -> int:
    """Followers of an input, told it was published or hidden (with the reason)."""
    return _queue(
        Subscription.objects.filter(input=item),
        kind=Notification.Kind.INPUT_STATUS,
        event=f"input_status:{item.pk}:{item.status}:{time.time_ns()}",
        title=item.receipt_code,
        status=item.status,
        text=item.hidden_reason,
        path=reverse("inputs:receipt", args=[item.receipt_code]),
    )
