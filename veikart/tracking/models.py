from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from veikart.plans.models import MeasureStatus


class MeasureUpdate(models.Model):
    """A dated entry in a measure's timeline: status, progress and what happened."""

    measure = models.ForeignKey("plans.Measure", on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=20, choices=MeasureStatus.choices)
    progress = models.PositiveSmallIntegerField(_("progress (%)"))
    text = models.TextField(_("what happened"))
    attachment = models.FileField(_("attachment"), upload_to="measure-updates/", blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["measure", "-date", "-id"]
        verbose_name = _("measure update")
        verbose_name_plural = _("measure updates")
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="measure_update_progress_max_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure} {self.date}"


class Committee(models.Model):
    """Lokalsamfunnsutvalg or oppgaveutvalg: follows (part of) a plan."""

    class Kind(models.TextChoices):
        LOCAL = "local", _("Local community committee")
        TASK = "task", _("Task committee")
        AD_HOC = "ad_hoc", _("Ad hoc committee")

    process = models.ForeignKey(
        "processes.Process", on_delete=models.CASCADE, related_name="committees"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.LOCAL)
    mandate = models.TextField(_("mandate"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="CommitteeMember", related_name="committees"
    )
    measures = models.ManyToManyField("plans.Measure", blank=True, related_name="committees")

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def __str__(self) -> str:
        return self.name


class CommitteeMember(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    role = models.CharField(_("role"), max_length=100, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["committee", "user"], name="committee_member_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.committee_id}"


class Frequency(models.TextChoices):
    DAILY = "daily", _("Once a day, in a digest")
    IMMEDIATE = "immediate", _("Right away")


class SubscriptionQuerySet(models.QuerySet):
    def active(self) -> "SubscriptionQuerySet":
        """Confirmed (double opt-in) and not unsubscribed: the only ones mail may go to."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)


class Subscription(models.Model):
    """Somebody follows one input, proposal or measure by e-mail.

    The address is kept here only, apart from the inputs. Nothing is sent to it before the
    owner has confirmed through the signed link in the confirmation mail (double opt-in).
    """

    email = models.EmailField(_("e-mail address"))
    input = models.ForeignKey(
        "inputs.Input", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    proposal = models.ForeignKey(
        "proposals.Proposal",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    measure = models.ForeignKey(
        "plans.Measure", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    frequency = models.CharField(
        _("how often"), max_length=20, choices=Frequency.choices, default=Frequency.DAILY
    )
    language = models.CharField(_("language"), max_length=10, default="nb")
    created_at = models.DateTimeField(auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        indexes = [models.Index(fields=["email"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(input__isnull=False, proposal__isnull=True, measure__isnull=True)
                    | Q(input__isnull=True, proposal__isnull=False, measure__isnull=True)
                    | Q(input__isnull=True, proposal__isnull=True, measure__isnull=False)
                ),
                name="subscription_exactly_one_target",
            ),
            models.UniqueConstraint(
                fields=["email", "input"],
                condition=Q(input__isnull=False),
                name="subscription_unique_input",
            ),
            models.UniqueConstraint(
                fields=["email", "proposal"],
                condition=Q(proposal__isnull=False),
                name="subscription_unique_proposal",
            ),
            models.UniqueConstraint(
                fields=["email", "measure"],
                condition=Q(measure__isnull=False),
                name="subscription_unique_measure",
            ),
        ]

    def __str__(self) -> str:
        return f"subscription {self.pk}"

    @property
    def target(self):
        return self.input or self.proposal or self.measure


class Notification(models.Model):
    """One change a follower is to be told about. Sent once, in a digest (sent_at marks it)."""

    class Kind(models.TextChoices):
        MEASURE_UPDATE = "measure_update", _("Measure update")
        PROPOSAL_STATUS = "proposal_status", _("Proposal status")
        INPUT_STATUS = "input_status", _("Input moderated")

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    event = models.CharField(max_length=80, help_text="What happened, e.g. measure_update:12")
    title = models.CharField(max_length=300)
    status = models.CharField(max_length=20)
    progress = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)
    path = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "event"], name="notification_once_per_event"
            )
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.subscription_id}"


class PlanSnapshot(models.Model):
    """The plan's figures on one date, kept for evaluation and follow-up research."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="snapshots")
    as_of = models.DateField(_("figures as of"))
    taken_at = models.DateTimeField(_("taken"), auto_now_add=True)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    measures_total = models.PositiveIntegerField(_("measures"))
    measures_done = models.PositiveIntegerField(_("measures done"))
    mean_progress = models.DecimalField(
        _("mean progress (%)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    overdue = models.PositiveIntegerField(_("overdue measures"))
    participants = models.PositiveIntegerField(_("participants"))
    inputs = models.PositiveIntegerField(_("inputs"))
    figures = models.JSONField(_("all figures"), default=dict)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["plan", "as_of", "id"]
        verbose_name = _("plan snapshot")
        verbose_name_plural = _("plan snapshots")
        constraints = [
            models.CheckConstraint(
                condition=Q(measures_done__lte=models.F("measures_total")),
                name="snapshot_done_within_total",
            ),
            models.CheckConstraint(
                condition=Q(mean_progress__isnull=True)
                | Q(mean_progress__gte=0, mean_progress__lte=100),
                name="snapshot_mean_progress_0_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan} {self.as_of}"
