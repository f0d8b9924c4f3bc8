from django.db import models
from django.utils.translation import gettext_lazy as _

from veikart.core.groups import Dimension
from veikart.core.models import TimeStampedModel


class Area(TimeStampedModel):
    """A planning area or neighbourhood (planområde / nærmiljø), or the whole municipality."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(unique=True)
    code = models.CharField(_("statistical code"), max_length=40, blank=True)
    is_municipality = models.BooleanField(_("whole municipality"), default=False)
    boundary = models.JSONField(_("boundary (GeoJSON)"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self) -> str:
        return self.name


class PopulationCount(models.Model):
    """Population baseline: residents of an area in one group, on 1 January of a year."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="population")
    year = models.PositiveSmallIntegerField(_("year"))
    dimension = models.CharField(_("dimension"), max_length=20, choices=Dimension.choices)
    group = models.CharField(_("group"), max_length=20)
    count = models.PositiveIntegerField(_("residents"))

    class Meta:
        verbose_name = _("population count")
        verbose_name_plural = _("population counts")
        constraints = [
            models.UniqueConstraint(
                fields=["area", "year", "dimension", "group"], name="population_unique_cell"
            )
        ]

    def __str__(self) -> str:
        return f"{self.area} {self.year} {self.dimension}={self.group}: {self.count}"


class Indicator(TimeStampedModel):
    """A living-condition, childhood or neighbourhood indicator (kunnskapsgrunnlag)."""

    class Theme(models.TextChoices):
        LIVING_CONDITIONS = "living_conditions", _("Living conditions")
        CHILDHOOD = "childhood", _("Childhood and upbringing")
        NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood qualities")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(unique=True)
    theme = models.CharField(_("theme"), max_length=30, choices=Theme.choices)
    unit = models.CharField(_("unit"), max_length=40)
    source = models.CharField(_("source"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["theme", "name"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="indicator_values")
    period = models.CharField(_("period"), max_length=20, help_text=_("e.g. 2015 or 2013-2015"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=3)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["indicator", "area", "period"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area", "period"], name="indicator_value_unique_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.area} {self.period}: {self.value}"


class IndicatorImport(TimeStampedModel):
    """One upload of indicator values (CSV or JSON-stat 2): preview first, then all or nothing."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        JSONSTAT = "jsonstat", "JSON-stat 2"

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("Checked")
        DONE = "done", _("Stored")

    file_name = models.CharField(_("file name"), max_length=255)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    default_theme = models.CharField(
        _("theme of new indicators"),
        max_length=30,
        choices=Indicator.Theme.choices,
        default=Indicator.Theme.LIVING_CONDITIONS,
    )
    content = models.BinaryField(_("content"))
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PREVIEWED)
    result = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("indicator import")
        verbose_name_plural = _("indicator imports")

    def __str__(self) -> str:
        return self.file_name
