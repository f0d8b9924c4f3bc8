from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from veikart.core.models import TimeStampedModel


class InputStatus(models.TextChoices):
    NEW = "new", _("New")
    PUBLISHED = "published", _("Published")
    HIDDEN = "hidden", _("Hidden")


class InputSource(models.TextChoices):
    ONLINE = "online", _("Online form")
    STAFF = "staff", _("Entered by staff")
    IMPORT = "import", _("Imported")
    MAP = "map", _("Map")


class InputQuerySet(models.QuerySet):
    def public(self) -> "InputQuerySet":
        """Inputs anyone may read: published (moderated) ones."""
        return self.filter(status=InputStatus.PUBLISHED)

    def unlinked(self) -> "InputQuerySet":
        """Inputs not yet part of any proposal."""
        return self.filter(proposal_links__isnull=True)


class Input(TimeStampedModel):
    """Innspill: one thing somebody said, in one arena."""

    process = models.ForeignKey(
        "processes.Process", on_delete=models.CASCADE, related_name="inputs"
    )
    arena = models.ForeignKey(
        "processes.Arena", on_delete=models.PROTECT, related_name="inputs", null=True, blank=True
    )
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=10, default="nb")
    geometry = models.JSONField(_("place (GeoJSON geometry)"), null=True, blank=True)
    map_category = models.CharField(_("map category"), max_length=30, blank=True)
    focus_area = models.ForeignKey(
        "processes.FocusArea",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inputs",
    )
    # Self-described group: optional, never required, never shown for groups under 5.
    group_age = models.CharField(_("age band"), max_length=20, blank=True)
    group_gender = models.CharField(_("gender"), max_length=20, blank=True)
    group_background = models.CharField(_("immigrant background"), max_length=20, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=InputStatus.choices, default=InputStatus.NEW
    )
    source = models.CharField(
        _("source"), max_length=20, choices=InputSource.choices, default=InputSource.ONLINE
    )
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)
    receipt_code = models.CharField(_("receipt code"), max_length=16, unique=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inputs",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="entered_inputs",
    )
    external_ref = models.CharField(_("import reference"), max_length=80, blank=True)

    objects = InputQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("input")
        verbose_name_plural = _("inputs")
        indexes = [models.Index(fields=["process", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["process", "external_ref"],
                condition=~models.Q(external_ref=""),
                name="input_unique_external_ref",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]
