from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veikart.core.models import TimeStampedModel


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ADOPTED = "adopted", _("Adopted")


class MeasureStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    POSTPONED = "postponed", _("Postponed")
    DROPPED = "dropped", _("Dropped")


class Plan(TimeStampedModel):
    """Temaplan: the thematic plan made from the Veikart, adopted by the council."""

    process = models.ForeignKey("processes.Process", on_delete=models.CASCADE, related_name="plans")
    title = models.CharField(_("title"), max_length=300)
    main_goal = models.CharField(_("main goal"), max_length=300)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    period_start = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)
    # Set in the same transaction as the adopting Decision; from then on the plan's content
    # (title, goals, strategies, measures) is frozen: services refuse, and database triggers
    # (migration 0002) refuse too. Status and progress of measures stay changeable.
    frozen_at = models.DateTimeField(_("frozen"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["process", "-version"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        constraints = [
            models.UniqueConstraint(fields=["process", "version"], name="plan_unique_version"),
            models.CheckConstraint(
                condition=Q(frozen_at__isnull=True) | Q(status="adopted"),
                name="plan_frozen_only_when_adopted",
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_end__gte=F("period_start")),
                name="plan_period_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None


class Goal(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    focus_area = models.ForeignKey(
        "processes.FocusArea", on_delete=models.PROTECT, related_name="goals"
    )
    title = models.CharField(_("goal"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["plan", "order", "id"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return self.title


class Strategy(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="strategies")
    title = models.CharField(_("strategy"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["goal", "order", "id"]
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")

    def __str__(self) -> str:
        return self.title


class MeasureQuerySet(models.QuerySet):
    def of_plan(self, plan: Plan) -> "MeasureQuerySet":
        """Measures of one plan, in plan order."""
        return self.filter(strategy__goal__plan=plan).order_by(
            "strategy__goal__order", "strategy__order", "order", "id"
        )


class Measure(TimeStampedModel):
    """Tiltak: a plan measure, traced to the proposals (and so the inputs) behind it."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="measures")
    number = models.CharField(_("number"), max_length=20)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    responsible = models.ForeignKey(
        "proposals.Actor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="measures_responsible",
    )
    partners = models.ManyToManyField(
        "proposals.Actor", blank=True, related_name="measures_partner"
    )
    proposals = models.ManyToManyField(
        "proposals.Proposal", through="MeasureProposal", related_name="measures", blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=MeasureStatus.choices, default=MeasureStatus.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    due_on = models.DateField(_("due"), null=True, blank=True)
    budget_line = models.CharField(_("budget line"), max_length=200, blank=True)
    sdgs = models.JSONField(_("UN sustainable development goals"), default=list, blank=True)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["strategy", "order", "id"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="measure_progress_max_100"),
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(due_on__isnull=True)
                | Q(due_on__gte=F("starts_on")),
                name="measure_due_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class MeasureProposal(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="proposal_links")
    proposal = models.ForeignKey(
        "proposals.Proposal", on_delete=models.CASCADE, related_name="measure_links"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["measure", "proposal"], name="measure_proposal_unique")
        ]

    def __str__(self) -> str:
        return f"{self.measure_id} ← {self.proposal_id}"


class Decision(models.Model):
    """Politisk behandling: the political processing of a plan."""

    class Outcome(models.TextChoices):
        ADOPTED = "adopted", _("Adopted")
        ADOPTED_AMENDED = "adopted_amended", _("Adopted with amendments")
        RETURNED = "returned", _("Sent back")
        REJECTED = "rejected", _("Rejected")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="decisions")
    body = models.CharField(_("body"), max_length=200)
    meeting_date = models.DateField(_("meeting date"))
    case_number = models.CharField(_("case number"), max_length=40, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    amendments = models.TextField(_("amendments"), blank=True)

    # the saved version of the plan the body processed (made by decision_record)
    version = models.ForeignKey(
        "PlanVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name=_("version processed"),
    )
    recorded_at = models.DateTimeField(_("recorded"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["plan", "meeting_date"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.body} {self.meeting_date}"


class PlanVersion(models.Model):
    """An immutable snapshot of a whole plan tree ("save as new version"), as JSON.

    The plan itself is one living tree (so measures, their tracking and their links keep one
    identity); each saved version freezes a copy of it for history and diffs. A trigger
    (migration 0002) refuses any UPDATE of a saved version.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    snapshot = models.JSONField(_("snapshot"), editable=False)
    is_adopted = models.BooleanField(_("adopted version"), default=False, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("saved"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_unique_number"),
            models.UniqueConstraint(
                fields=["plan"], condition=Q(is_adopted=True), name="plan_version_one_adopted"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan} v{self.number}"
