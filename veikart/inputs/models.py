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


class InputReport(models.Model):
    """A reader's report that an input is abusive or reveals personal data."""

    class Reason(models.TextChoices):
        ABUSIVE = "abusive", _("Abusive or hateful")
        PERSONAL_DATA = "personal_data", _("Reveals personal information")
        SPAM = "spam", _("Spam or advertising")
        OTHER = "other", _("Something else")

    input = models.ForeignKey(Input, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.input_id})"


class ImportJob(TimeStampedModel):
    """One bulk import of inputs from a CSV or XLSX file: mapping, preview, then all or nothing."""

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded")
        PREVIEWED = "previewed", _("Checked")
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    process = models.ForeignKey(
        "processes.Process", on_delete=models.CASCADE, related_name="import_jobs"
    )
    arena = models.ForeignKey("processes.Arena", on_delete=models.CASCADE, related_name="+")
    file = models.FileField(_("file"), upload_to="imports/")
    file_name = models.CharField(_("file name"), max_length=255)
    file_sha256 = models.CharField(max_length=64)
    mapping = models.JSONField(_("column mapping"), default=dict, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.UPLOADED)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    skipped_count = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return self.file_name


class InputEmbedding(models.Model):
    """The cached text embedding of an input, so each text is embedded once per model."""

    input = models.ForeignKey(Input, on_delete=models.CASCADE, related_name="embeddings")
    model = models.CharField(max_length=80)
    text_sha256 = models.CharField(max_length=64)
    vector = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["input", "model"], name="input_embedding_unique")
        ]

    def __str__(self) -> str:
        return f"{self.input_id} {self.model}"
