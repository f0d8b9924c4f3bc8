from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from veikart.core.models import TimeStampedModel


class Realiser(models.TextChoices):
    """Who can realise a proposal (hvem kan realisere)."""

    MUNICIPALITY = "municipality", _("The municipality alone")
    RESIDENTS = "residents", _("Residents among themselves")
    PARTNERSHIP = "partnership", _("Several parties together")


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("In the Veikart")
    PRIORITISED = "prioritised", _("Prioritised")
    IN_PLAN = "in_plan", _("In the plan")
    NOT_PURSUED = "not_pursued", _("Not pursued")
    MERGED = "merged", _("Merged into another proposal")


class Actor(TimeStampedModel):
    class Kind(models.TextChoices):
        MUNICIPAL_UNIT = "municipal_unit", _("Municipal unit")
        VOLUNTARY = "voluntary", _("Voluntary organisation")
        BUSINESS = "business", _("Business")
        RESIDENTS_GROUP = "residents_group", _("Residents' group")
        OTHER_PUBLIC = "other_public", _("Other public body")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actors",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")

    def __str__(self) -> str:
        return self.name


class ProposalQuerySet(models.QuerySet):
    def public(self) -> "ProposalQuerySet":
        """Proposals in the public Veikart (not drafts, not merged into another)."""
        return self.exclude(status__in=[ProposalStatus.DRAFT, ProposalStatus.MERGED])


class Proposal(TimeStampedModel):
    """Forslag: a consolidated idea in the Veikart; many inputs → one proposal."""

    process = models.ForeignKey(
        "processes.Process", on_delete=models.CASCADE, related_name="proposals"
    )
    number = models.PositiveIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    focus_area = models.ForeignKey(
        "processes.FocusArea",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    realiser = models.CharField(_("who can realise it"), max_length=20, choices=Realiser.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.PUBLISHED
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
        verbose_name=_("merged into"),
    )
    search_stems = models.TextField(editable=False, blank=True, default="")
    # The number of Support rows, kept by support_services (add/withdraw, F() in the same
    # transaction) and proposal_merge (recount): the Veikart list shows and sorts by it without
    # counting a million supports. `support_counts_refresh` recounts from the rows.
    support_count = models.PositiveIntegerField(_("supporters"), default=0, editable=False)
    inputs = models.ManyToManyField(
        "inputs.Input", through="ProposalInput", related_name="proposals", blank=True
    )
    actors = models.ManyToManyField(Actor, through="ProposalActor", related_name="proposals")

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["process", "number"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.UniqueConstraint(fields=["process", "number"], name="proposal_unique_number")
        ]

    def __str__(self) -> str:
        return self.title


class ProposalInput(models.Model):
    """The traceable link from an input to a proposal: who linked it, and when."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="input_links")
    input = models.ForeignKey(
        "inputs.Input", on_delete=models.CASCADE, related_name="proposal_links"
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    linked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("input link")
        verbose_name_plural = _("input links")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "input"], name="proposal_input_unique")
        ]

    def __str__(self) -> str:
        return f"{self.proposal_id} ← {self.input_id}"


class ActorRole(models.TextChoices):
    RESPONSIBLE = "responsible", _("Responsible")
    PARTNER = "partner", _("Partner")


class ProposalActor(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="actor_links")
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="proposal_links")
    role = models.CharField(
        _("role"), max_length=20, choices=ActorRole.choices, default=ActorRole.PARTNER
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["proposal", "actor"], name="proposal_actor_unique")
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.role} {self.proposal_id}"


class Support(models.Model):
    """A resident's support for a proposal outside the workshop: one per person per proposal."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE
    )
    anonymous_token = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "user"],
                condition=Q(user__isnull=False),
                name="support_one_per_user",
            ),
            models.UniqueConstraint(
                fields=["proposal", "anonymous_token"],
                condition=~Q(anonymous_token=""),  # nosec B106
                name="support_one_per_token",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(anonymous_token=""),  # nosec B106
                name="support_has_supporter",
            ),
        ]

    def __str__(self) -> str:
        return f"support {self.proposal_id}"


class Workshop(TimeStampedModel):
    """Veikartverksted: prioritisation of proposals, and naming actors and responsibilities."""

    class VotingMethod(models.TextChoices):
        DOTS = "dots", _("Dot voting")
        RANKING = "ranking", _("Ranking")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Being prepared")
        OPEN = "open", _("Voting open")
        CLOSED = "closed", _("Voting closed")

    process = models.ForeignKey(
        "processes.Process", on_delete=models.CASCADE, related_name="workshops"
    )
    arena = models.OneToOneField(
        "processes.Arena", null=True, blank=True, on_delete=models.SET_NULL, related_name="workshop"
    )
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"), null=True, blank=True)
    code = models.CharField(_("join code"), max_length=12, unique=True)
    voting_method = models.CharField(
        _("voting method"), max_length=20, choices=VotingMethod.choices, default=VotingMethod.DOTS
    )
    dots_per_person = models.PositiveSmallIntegerField(_("dots per person"), default=5)
    several_dots_per_proposal = models.BooleanField(_("several dots on one proposal"), default=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    proposals = models.ManyToManyField(Proposal, related_name="workshops", blank=True)

    class Meta:
        ordering = ["-held_on"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        constraints = [
            models.CheckConstraint(
                condition=Q(dots_per_person__gte=1, dots_per_person__lte=50),
                name="workshop_dots_per_person_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class WorkshopGroup(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workshop", "name"], name="workshop_group_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class WorkshopParticipant(models.Model):
    """A phone in the room: no account, no name; a token to rejoin."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="participants")
    group = models.ForeignKey(
        WorkshopGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="participants"
    )
    token = models.CharField(max_length=64, unique=True)
    joined_at = models.DateTimeField(auto_now_add=True)
    # The budget is copied from the workshop when the participant joins so that the database
    # itself can refuse a vote that would overspend it (CHECK dots_spent <= budget).
    budget = models.PositiveSmallIntegerField(_("dots to spend"), default=5)
    dots_spent = models.PositiveSmallIntegerField(_("dots spent"), default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(dots_spent__lte=models.F("budget")),
                name="participant_within_budget",
            ),
        ]

    def __str__(self) -> str:
        return f"participant {self.pk}"


class Vote(models.Model):
    """Dots (or a rank) one participant gave one proposal. One row per participant and proposal."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(
        WorkshopParticipant, on_delete=models.CASCADE, related_name="votes"
    )
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="votes")
    dots = models.PositiveSmallIntegerField(_("dots"), default=1)
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "proposal"], name="vote_one_per_proposal"
            ),
            models.CheckConstraint(condition=Q(dots__gte=1), name="vote_dots_positive"),
            models.UniqueConstraint(
                fields=["participant", "rank"],
                condition=Q(rank__isnull=False),
                name="vote_one_proposal_per_rank",
            ),
            models.CheckConstraint(
                condition=Q(rank__isnull=True) | Q(rank__gte=1), name="vote_rank_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dots} → {self.proposal_id}"


class RealisationPlan(TimeStampedModel):
    """What a workshop group agreed for a prioritised proposal: who, with whom, first steps."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="realisations")
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="realisations")
    group = models.ForeignKey(WorkshopGroup, null=True, blank=True, on_delete=models.SET_NULL)
    responsible = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="realisations"
    )
    partners = models.ManyToManyField(Actor, blank=True, related_name="realisation_partnerships")
    first_steps = models.TextField(_("first steps"), blank=True)
    time_frame = models.CharField(_("time frame"), max_length=100, blank=True)
    residents_contribution = models.TextField(_("what residents will do"), blank=True)

    class Meta:
        verbose_name = _("realisation plan")
        verbose_name_plural = _("realisation plans")
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "proposal"], name="realisation_one_per_workshop_proposal"
            )
        ]

    def __str__(self) -> str:
        return f"{self.workshop_id}: {self.proposal_id}"


class ConsolidationRun(TimeStampedModel):
    """One run of the Veikart assistant over a process's unlinked inputs (may run as a task)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    process = models.ForeignKey(
        "processes.Process", on_delete=models.CASCADE, related_name="consolidation_runs"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    embedder = models.CharField(max_length=80, blank=True)
    result = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.process} {self.created_at:%Y-%m-%d %H:%M} {self.status}"


class OpinionAnalysisQuerySet(models.QuerySet):
    def published(self) -> "OpinionAnalysisQuerySet":
        """Analyses anyone may see: of online supports, or of a workshop whose voting is closed."""
        return self.filter(
            Q(source=OpinionAnalysis.Source.SUPPORTS) | Q(workshop__status=Workshop.Status.CLOSED)
        )


class OpinionAnalysis(TimeStampedModel):
    """One stored opinion map: participants grouped by how they voted (as Pol.is does).

    `result` is `veikart.analysis.opinion.OpinionResult.to_dict()`; participants in it are
    anonymous numbers, items are proposal numbers. Never recomputed: a new run is a new row.
    """

    class Source(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop votes")
        SUPPORTS = "supports", _("Online supports")

    process = models.ForeignKey(
        "processes.Process", on_delete=models.CASCADE, related_name="opinion_analyses"
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    workshop = models.ForeignKey(
        Workshop,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="opinion_analyses",
        verbose_name=_("workshop"),
    )
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    n_participants = models.PositiveIntegerField(_("participants"), default=0)
    n_grouped = models.PositiveIntegerField(_("participants in groups"), default=0)
    n_groups = models.PositiveSmallIntegerField(_("groups"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = OpinionAnalysisQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("opinion analysis")
        verbose_name_plural = _("opinion analyses")
        constraints = [
            models.CheckConstraint(
                condition=(Q(source="workshop") & Q(workshop__isnull=False))
                | (Q(source="supports") & Q(workshop__isnull=True)),
                name="opinion_analysis_source_matches_workshop",
            ),
            models.CheckConstraint(
                condition=Q(n_grouped__lte=models.F("n_participants")),
                name="opinion_analysis_grouped_le_participants",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.created_at:%Y-%m-%d %H:%M}"
