from django.db import models
from django.db.models import Q
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

    class Meta:
        ordering = ["process", "-version"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        constraints = [
            models.UniqueConstraint(fields=["process", "version"], name="plan_unique_version")
        ]

    def __str__(self) -> str:
        return self.title


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

    class Meta:
        ordering = ["plan", "meeting_date"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.body} {self.meeting_date}"
