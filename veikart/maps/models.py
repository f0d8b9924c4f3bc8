"""Maps: named places of an area, and class sessions where pupils map with a code alone."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from veikart.core.models import TimeStampedModel


class MapCategory(models.TextChoices):
    """What a place or route on the map means to the person who put it there (Barnetråkk)."""

    LIKES = "liker", _("I like it")
    DISLIKES = "liker_ikke", _("I don't like it")
    UNSAFE = "utrygt", _("Feels unsafe")
    WANTS_CHANGE = "onsker_endring", _("Wants change")
    SCHOOL_ROUTE = "skolevei", _("Way to school")


class Place(models.Model):
    """A named place of an area (school, shop, bus stop…): landmarks on the offline map and a
    list to choose from without a mouse."""

    class Kind(models.TextChoices):
        SCHOOL = "school", _("School")
        HEALTH = "health", _("Health")
        LIBRARY = "library", _("Library")
        SPORT = "sport", _("Sport")
        SHOP = "shop", _("Shop")
        TRANSPORT = "transport", _("Transport")
        PATH = "path", _("Path")
        PARK = "park", _("Park or playground")
        OTHER = "other", _("Other")

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="places")
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    lon = models.FloatField(_("longitude"))
    lat = models.FloatField(_("latitude"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("named place")
        verbose_name_plural = _("named places")
        constraints = [
            models.UniqueConstraint(fields=["area", "name"], name="place_unique_name"),
            models.CheckConstraint(
                condition=Q(lon__gte=-180, lon__lte=180, lat__gte=-90, lat__lte=90),
                name="place_lon_lat_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def geometry(self) -> dict:
        return {"type": "Point", "coordinates": [self.lon, self.lat]}


class ClassSessionQuerySet(models.QuerySet):
    def open(self) -> "ClassSessionQuerySet":
        """Sessions pupils can still join."""
        return self.filter(closed_at__isnull=True)


class ClassSession(TimeStampedModel):
    """A school class mapping together: the host gets a short code, pupils join with it alone.

    The session's arena (a Barnetråkk arena) counts the pupils who joined as its participants.
    """

    process = models.ForeignKey(
        "processes.Process", on_delete=models.CASCADE, related_name="class_sessions"
    )
    arena = models.ForeignKey(
        "processes.Arena", on_delete=models.PROTECT, related_name="class_sessions"
    )
    grade = models.PositiveSmallIntegerField(_("grade"))
    code = models.CharField(_("code"), max_length=12)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    objects = ClassSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("class session")
        verbose_name_plural = _("class sessions")
        constraints = [
            models.UniqueConstraint(fields=["code"], name="class_session_unique_code"),
            models.CheckConstraint(
                condition=Q(grade__gte=1, grade__lte=13), name="class_session_grade_1_13"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.grade}.)"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class ClassPupil(models.Model):
    """One pupil's device in a class session: a random token in their browser session, the
    session's grade and optionally a gender. No name, no account, nothing else."""

    session = models.ForeignKey(ClassSession, on_delete=models.CASCADE, related_name="pupils")
    token = models.CharField(max_length=64)
    gender = models.CharField(_("gender"), max_length=20, blank=True)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["joined_at", "id"]
        verbose_name = _("pupil")
        verbose_name_plural = _("pupils")
        constraints = [models.UniqueConstraint(fields=["token"], name="class_pupil_unique_token")]

    def __str__(self) -> str:
        return f"{self.session_id}/{self.pk}"


class ClassContribution(models.Model):
    """Which pupil put which input on the map (so the host sees who has contributed)."""

    pupil = models.ForeignKey(ClassPupil, on_delete=models.CASCADE, related_name="contributions")
    input = models.OneToOneField(
        "inputs.Input", on_delete=models.CASCADE, related_name="class_contribution"
    )

    class Meta:
        verbose_name = _("pupil's input")
        verbose_name_plural = _("pupils' inputs")

    def __str__(self) -> str:
        return f"{self.pupil_id} → {self.input_id}"
