from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from veikart.core.groups import Dimension
from veikart.core.models import TimeStampedModel


class PhaseKind(models.TextChoices):
    KNOWLEDGE = "knowledge", _("Knowledge base")
    SOLUTION_HUNT = "solution_hunt", _("Solution hunt")
    WORKSHOP = "workshop", _("Roadmap workshop")
    POLITICAL = "political", _("Political processing")
    IMPLEMENTATION = "implementation", _("Implementation")
    EVALUATION = "evaluation", _("Evaluation")


class CocreationForm(models.TextChoices):
    EQUAL = "equal", _("Equal co-creation")
    STEERED = "steered", _("Steered co-creation")
    FACILITATING = "facilitating", _("Facilitating co-creation")
    RESPONSIBILISING = "responsibilising", _("Responsibilising co-creation")


class ProcessQuerySet(models.QuerySet):
    def public(self) -> "ProcessQuerySet":
        """Processes visible to everyone."""
        return self.filter(is_public=True)


class Process(TimeStampedModel):
    """One co-creation programme (samskapingsprosess / områdesatsing)."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(unique=True)
    description = models.TextField(_("description"), blank=True)
    main_goal = models.CharField(_("main goal"), max_length=300, blank=True)
    cocreation_form = models.CharField(
        _("form of co-creation"),
        max_length=20,
        choices=CocreationForm.choices,
        default=CocreationForm.EQUAL,
    )
    areas = models.ManyToManyField("areas.Area", related_name="processes", blank=True)
    current_phase = models.CharField(
        _("current phase"), max_length=20, choices=PhaseKind.choices, default=PhaseKind.KNOWLEDGE
    )
    requires_account = models.BooleanField(_("contributing requires an account"), default=False)
    is_public = models.BooleanField(_("public"), default=True)

    objects = ProcessQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("process")
        verbose_name_plural = _("processes")

    def __str__(self) -> str:
        return self.name


class Phase(models.Model):
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField(_("phase"), max_length=20, choices=PhaseKind.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["process", "order"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [
            models.UniqueConstraint(fields=["process", "kind"], name="phase_unique_kind"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="phase_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.get_kind_display()


class FocusArea(models.Model):
    """Innsatsområde: a theme the process (and later the plan) is organised by."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="focus_areas")
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField()
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["process", "order"]
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        constraints = [
            models.UniqueConstraint(fields=["process", "slug"], name="focus_area_unique_slug")
        ]

    def __str__(self) -> str:
        return self.name


class Method(models.Model):
    """A way to involve people, from the method catalogue: its purpose and activities."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(unique=True)
    purpose = models.TextField(_("purpose"))
    activities = models.TextField(_("activities"), help_text=_("One activity per line"))
    is_online = models.BooleanField(_("online method"), default=False)
    is_for_children = models.BooleanField(_("suited for children"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("method")
        verbose_name_plural = _("methods")

    def __str__(self) -> str:
        return self.name

    @property
    def activity_list(self) -> list[str]:
        return [line.strip() for line in self.activities.splitlines() if line.strip()]


class Arena(TimeStampedModel):
    """One concrete use of a method in a process: when, where, who hosted, how many took part."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="arenas")
    method = models.ForeignKey(Method, on_delete=models.PROTECT, related_name="arenas")
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    host = models.CharField(_("host"), max_length=200, blank=True)
    host_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_arenas",
    )
    target_groups = models.CharField(_("target groups"), max_length=300, blank=True)
    participant_count = models.PositiveIntegerField(_("participants"), default=0)
    counts_itself = models.BooleanField(
        _("participants counted from inputs"),
        default=False,
        help_text=_(
            "For the online form: participants are the distinct contributors with an account "
            "plus each input sent without one, instead of a headcount."
        ),
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["process", "held_on", "id"]
        verbose_name = _("arena")
        verbose_name_plural = _("arenas")

    def __str__(self) -> str:
        return self.title


class ArenaParticipation(models.Model):
    """How many of an arena's participants belonged to one group (by one dimension)."""

    arena = models.ForeignKey(Arena, on_delete=models.CASCADE, related_name="participation")
    dimension = models.CharField(_("dimension"), max_length=20, choices=Dimension.choices)
    group = models.CharField(_("group"), max_length=20)
    count = models.PositiveIntegerField(_("participants"))

    class Meta:
        verbose_name = _("participation by group")
        verbose_name_plural = _("participation by group")
        constraints = [
            models.UniqueConstraint(
                fields=["arena", "dimension", "group"], name="arena_participation_unique_cell"
            )
        ]

    def __str__(self) -> str:
        return f"{self.arena}: {self.dimension}={self.group} {self.count}"
