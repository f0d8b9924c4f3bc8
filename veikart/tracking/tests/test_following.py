"""Following by e-mail: double opt-in, digests sent once, one-click unsubscribe."""

import datetime
import re

import pytest
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.factories import InputFactory, UserFactory
from veikart.inputs.models import InputStatus
from veikart.inputs.moderation_services import input_hide
from veikart.proposals.models import ProposalStatus
from veikart.proposals.services import proposal_update
from veikart.tracking import following
from veikart.tracking.digest import digests_send
from veikart.tracking.models import Notification, Subscription
from veikart.tracking.services import measure_update_post

pytestmark = pytest.mark.django_db


def update(measure, actor, progress=40, day=datetime.date(2024, 5, 1)):
    return measure_update_post(
        actor=actor,
        measure=measure,
        date=day,
        status="in_progress",
        progress=progress,
        text="Arbeidet er i gang.",
    )


def subscribe(django_capture_on_commit_callbacks, **kwargs):
    kwargs.setdefault("email", "Kari@Example.org")
    with django_capture_on_commit_callbacks(execute=True):
        return following.subscription_request(actor=None, **kwargs)


def confirm_link(message) -> str:
    return re.search(r"http\S+/folg/bekreft/(\S+)/", message.body).group(1)


def test_only_the_confirmation_mail_is_sent_before_confirmation(
    traced, manager, django_capture_on_commit_callbacks
):
    sub = subscribe(django_capture_on_commit_callbacks, item=traced["input"])
    assert sub.email == "kari@example.org"
    assert len(mail.outbox) == 1 and "bekreft" in mail.outbox[0].body
    update(traced["measure"], manager)
    assert not Notification.objects.exists()  # never queued for an unconfirmed address
    assert digests_send().mails == 0
    assert len(mail.outbox) == 1


def test_confirmed_follower_gets_one_digest_and_nothing_twice(
    traced, manager, django_capture_on_commit_callbacks
):
    sub = subscribe(django_capture_on_commit_callbacks, item=traced["input"])
    following.subscription_confirm(token=confirm_link(mail.outbox[0]))
    mail.outbox.clear()
    update(traced["measure"], manager, progress=40)
    update(traced["measure"], manager, progress=60, day=datetime.date(2024, 6, 1))
    assert Notification.objects.filter(subscription=sub, sent_at__isnull=True).count() == 2
    result = digests_send()
    assert (result.mails, result.notifications) == (1, 2)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["kari@example.org"]
    assert "60 %" in message.body and "40 %" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert digests_send().mails == 0
    call_command("send_digests")
    assert len(mail.outbox) == 1


def test_one_notification_per_address_for_one_event(
    traced, manager, django_capture_on_commit_callbacks
):
    for target in ({"item": traced["input"]}, {"measure": traced["measure"]}):
        sub = subscribe(django_capture_on_commit_callbacks, **target)
        following.subscription_confirm(token=following.confirm_token(sub))
    update(traced["measure"], manager)
    assert Notification.objects.count() == 1
    assert Notification.objects.get().subscription.measure_id == traced["measure"].pk


def test_failed_send_marks_nothing(traced, manager, django_capture_on_commit_callbacks, settings):
    sub = subscribe(django_capture_on_commit_callbacks, measure=traced["measure"])
    following.subscription_confirm(token=following.confirm_token(sub))
    update(traced["measure"], manager)
    settings.MAILERS = {"default": {"BACKEND": "veikart.tracking.tests.broken_mail.EmailBackend"}}
    with pytest.raises(ConnectionError):
        digests_send()
    assert Notification.objects.filter(sent_at__isnull=True).count() == 1


def test_unsubscribe_link_in_the_digest_stops_everything(
    client, traced, manager, django_capture_on_commit_callbacks
):
    sub = subscribe(django_capture_on_commit_callbacks, item=traced["input"])
    following.subscription_confirm(token=following.confirm_token(sub))
    update(traced["measure"], manager)
    digests_send()
    header = mail.outbox[-1].extra_headers["List-Unsubscribe"].strip("<>")
    path = header.split("127.0.0.1:8000", 1)[1]
    response = client.post(path)  # RFC 8058 one-click: a POST with no CSRF token
    assert response.status_code == 200
    sub.refresh_from_db()
    assert sub.unsubscribed_at is not None
    update(traced["measure"], manager, progress=80, day=datetime.date(2024, 7, 1))
    assert digests_send().mails == 0


def test_per_subscription_unsubscribe_by_get_and_undo(
    client, traced, django_capture_on_commit_callbacks
):
    sub = subscribe(django_capture_on_commit_callbacks, measure=traced["measure"])
    other = subscribe(django_capture_on_commit_callbacks, proposal=traced["proposal"])
    for s in (sub, other):
        following.subscription_confirm(token=following.confirm_token(s))
    token = following.unsubscribe_token(sub)
    response = client.get(reverse("tracking:unsubscribe", args=[token]))
    assert response.status_code == 200
    sub.refresh_from_db()
    other.refresh_from_db()
    assert sub.unsubscribed_at and not other.unsubscribed_at
    client.post(reverse("tracking:resume", args=[token]))
    sub.refresh_from_db()
    assert sub.unsubscribed_at is None


def test_bad_and_expired_links_are_refused(client, traced, django_capture_on_commit_callbacks):
    sub = subscribe(django_capture_on_commit_callbacks, item=traced["input"])
    response = client.get(reverse("tracking:confirm", args=["not-a-token"]))
    assert response.status_code == 400
    # an unsubscribe token is not a confirm token
    bad = following.unsubscribe_token(sub)
    assert client.get(reverse("tracking:confirm", args=[bad])).status_code == 400
    # a token signed for another subscription's address does not fit this one
    forged = signing.dumps({"s": sub.pk, "t": "0000000000"}, salt=following.CONFIRM_SALT)
    assert client.get(reverse("tracking:confirm", args=[forged])).status_code == 400
    sub.refresh_from_db()
    assert sub.confirmed_at is None


def test_expired_confirm_link(traced, django_capture_on_commit_callbacks, monkeypatch):
    sub = subscribe(django_capture_on_commit_callbacks, item=traced["input"])
    monkeypatch.setattr(following, "CONFIRM_MAX_AGE", -1)
    with pytest.raises(ValidationError) as error:
        following.subscription_confirm(token=following.confirm_token(sub))
    assert error.value.code == "expired"


def test_asking_again_sends_no_flood_of_mails(traced, django_capture_on_commit_callbacks):
    sub = subscribe(django_capture_on_commit_callbacks, item=traced["input"])
    subscribe(django_capture_on_commit_callbacks, item=traced["input"])
    assert len(mail.outbox) == 1  # unconfirmed, asked again within the hour: no second mail
    Subscription.objects.update(confirmation_sent_at=timezone.now() - datetime.timedelta(hours=2))
    subscribe(django_capture_on_commit_callbacks, item=traced["input"])
    assert len(mail.outbox) == 2  # later: the link is sent again
    following.subscription_confirm(token=following.confirm_token(sub))
    subscribe(django_capture_on_commit_callbacks, item=traced["input"])
    assert len(mail.outbox) == 2  # confirmed: nothing more
    assert Subscription.objects.count() == 1


def test_one_address_gets_at_most_five_unconfirmed_links_a_day(
    process, django_capture_on_commit_callbacks
):
    for _ in range(7):
        subscribe(django_capture_on_commit_callbacks, item=InputFactory(process=process))
    assert len(mail.outbox) == following.MAX_UNCONFIRMED_PER_DAY


@pytest.mark.parametrize(
    "kwargs",
    [{"email": "ikke-en-adresse"}, {"email": "a@b.no", "frequency": "hourly"}, {"email": "a@b.no"}],
)
def test_bad_subscription_is_refused(traced, kwargs, django_capture_on_commit_callbacks):
    target = {} if kwargs == {"email": "a@b.no"} else {"item": traced["input"]}
    with pytest.raises(ValidationError):
        subscribe(django_capture_on_commit_callbacks, **kwargs, **target)
    assert not Subscription.objects.exists() and not mail.outbox


def test_proposal_status_change_and_moderation_notify_followers(
    traced, django_capture_on_commit_callbacks
):
    moderator = UserFactory(role="moderator")
    item = InputFactory(process=traced["input"].process, status=InputStatus.NEW)
    sub = subscribe(django_capture_on_commit_callbacks, item=item)
    following.subscription_confirm(token=following.confirm_token(sub))
    input_hide(actor=moderator, item=item, reason="Inneholder personopplysninger")
    psub = subscribe(
        django_capture_on_commit_callbacks, proposal=traced["proposal"], email="ola@example.org"
    )
    following.subscription_confirm(token=following.confirm_token(psub))
    p = traced["proposal"]
    proposal_update(
        actor=UserFactory(role="manager"),
        proposal=p,
        title=p.title,
        realiser=p.realiser,
        status=ProposalStatus.PRIORITISED,
    )
    mail.outbox.clear()
    assert digests_send().mails == 2
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert "personopplysninger" in bodies["kari@example.org"]
    assert "Prioritert" in bodies["ola@example.org"] or "Prioritised" in bodies["ola@example.org"]


def test_immediate_followers_get_a_task_right_away(
    traced, manager, django_capture_on_commit_callbacks, settings
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    sub = subscribe(
        django_capture_on_commit_callbacks, measure=traced["measure"], frequency="immediate"
    )
    following.subscription_confirm(token=following.confirm_token(sub))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        update(traced["measure"], manager)
    assert len(mail.outbox) == 1
    assert Notification.objects.get().sent_at is not None


def test_daily_digest_is_scheduled_for_the_digest_hour(settings):
    settings.VEIKART = {**settings.VEIKART, "DIGEST_HOUR": 7}
    from django.utils import timezone

    now = timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 30))
    at = timezone.localtime(following.next_digest_time(now))
    assert (at.day, at.hour) == (3, 7)
    early = timezone.make_aware(datetime.datetime(2026, 3, 2, 6, 0))
    assert timezone.localtime(following.next_digest_time(early)).day == 2


def test_follow_form_on_receipt_page(client, traced, django_capture_on_commit_callbacks):
    code = traced["input"].receipt_code
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("tracking:follow_input", args=[code]),
            {"email": "kari@example.org", "frequency": "daily"},
        )
    assert response.status_code == 302
    assert Subscription.objects.get().input == traced["input"]
    assert len(mail.outbox) == 1
    bad = client.post(
        reverse("tracking:follow_input", args=[code]), {"email": "nei", "frequency": "daily"}
    )
    assert bad.status_code == 400
    assert Subscription.objects.count() == 1


def test_merge_tells_followers_and_they_follow_the_proposal_it_became(
    traced, django_capture_on_commit_callbacks
):
    from tests.factories import ProposalFactory, link
    from veikart.proposals.services import proposal_merge, proposal_split

    manager = UserFactory(role="manager")
    target = traced["proposal"]
    source = ProposalFactory(process=target.process, title="Ballbinge")
    sub = subscribe(django_capture_on_commit_callbacks, proposal=source, email="per@example.org")
    following.subscription_confirm(token=following.confirm_token(sub))
    both = subscribe(django_capture_on_commit_callbacks, proposal=source, email="ola@example.org")
    following.subscription_confirm(token=following.confirm_token(both))
    on_target = subscribe(
        django_capture_on_commit_callbacks, proposal=target, email="ola@example.org"
    )
    following.subscription_confirm(token=following.confirm_token(on_target))

    proposal_merge(actor=manager, target=target, sources=[source])

    assert Notification.objects.filter(subscription__in=[sub, both], status="merged").count() == 2
    sub.refresh_from_db()
    assert sub.proposal == target  # later news of the merged proposal reach them
    assert Subscription.objects.filter(email="ola@example.org", proposal=target).count() == 1

    # Followers of inputs split off are told of the new proposal.
    item = InputFactory(process=target.process)
    link(target, item)
    isub = subscribe(django_capture_on_commit_callbacks, item=item, email="kari@example.org")
    following.subscription_confirm(token=following.confirm_token(isub))
    new = proposal_split(actor=manager, proposal=target, inputs=[item], title="Ny")
    note = Notification.objects.get(subscription=isub, kind="proposal_status")
    assert str(new.number) in note.path
