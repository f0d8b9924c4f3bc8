"""Writes for the knowledge base: import indicator values, all or nothing, audit-logged."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from veikart.areas import importing
from veikart.areas.importing import ImportProblem
from veikart.areas.models import Indicator, IndicatorImport, IndicatorValue
from veikart.areas.selectors import ImportPreview, indicator_import_preview
from veikart.core.services import audit_log_write


class IndicatorImportInvalid(Exception):
    def __init__(self, problems: list[ImportProblem]) -> None:
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    new_indicators: int
    skipped: int


def _commit(*, actor, preview: ImportPreview, label: str) -> ImportResult:
    if not preview.ok:
        raise IndicatorImportInvalid(preview.problems)
    with transaction.atomic():
        created_indicators = {}
        for spec in preview.new_indicators:
            indicator = Indicator.objects.create(
                slug=spec.slug,
                name=spec.name,
                theme=spec.theme,
                unit=spec.unit,
                source=spec.source,
            )
            created_indicators[spec.slug] = indicator.pk
        counts = {"new": 0, "update": 0, "unchanged": 0}
        for (row, indicator_id, area_id), shown in zip(preview.resolved, preview.rows, strict=True):
            counts[shown.action] += 1
            if shown.action == "unchanged":
                continue
            IndicatorValue.objects.update_or_create(
                indicator_id=indicator_id or created_indicators[row.indicator],
                area_id=area_id,
                period=row.period,
                defaults={"value": row.value, "note": row.note},
            )
        result = ImportResult(
            created=counts["new"],
            updated=counts["update"],
            unchanged=counts["unchanged"],
            new_indicators=len(created_indicators),
            skipped=len(preview.skipped),
        )
        audit_obj = (
            Indicator.objects.filter(slug=preview.rows[0].indicator).first()
            if preview.rows
            else None
        )
        if audit_obj is not None:
            audit_log_write(
                actor=actor,
                action="indicators.import",
                obj=audit_obj,
                data={"file": label, **result.__dict__},
            )
    return result


def indicators_import_file(
    *, actor, content: bytes, fmt: str, label: str, default_theme: str = "living_conditions"
) -> ImportResult:
    """Parse, check and store a file's values in one transaction (the command line's path).

    Re-importing updates values in place (one row per indicator, area and period); a new
    period is stored beside the earlier ones. Any problem: IndicatorImportInvalid, nothing stored.
    """
    parsed = importing.parse(content, fmt=fmt, default_theme=default_theme)
    return _commit(actor=actor, preview=indicator_import_preview(parsed=parsed), label=label)


@transaction.atomic
def indicator_import_upload(
    *, actor, file_name: str, content: bytes, fmt: str, default_theme: str
) -> IndicatorImport:
    """Keep an uploaded file for its preview; nothing is stored in the knowledge base yet."""
    if fmt not in importing.FORMATS:
        raise ValidationError({"format": _("Choose CSV or JSON-stat.")})
    if default_theme not in importing.THEMES:
        raise ValidationError({"default_theme": _("Choose a theme.")})
    if len(content) > importing.MAX_BYTES:
        raise ValidationError({"file": _("The file is larger than 20 MB.")})
    job = IndicatorImport.objects.create(
        file_name=file_name[:255],
        format=fmt,
        default_theme=default_theme,
        content=content,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_log_write(actor=actor, action="indicators.upload", obj=job, data={"file": file_name})
    return job


def indicator_import_preview_of(*, job: IndicatorImport) -> ImportPreview:
    parsed = importing.parse(bytes(job.content), fmt=job.format, default_theme=job.default_theme)
    return indicator_import_preview(parsed=parsed)


def indicator_import_commit(*, actor, job: IndicatorImport) -> ImportResult:
    """Store the values of a checked upload, all or nothing."""
    with transaction.atomic():
        job = IndicatorImport.objects.select_for_update().get(pk=job.pk)
        if job.status == IndicatorImport.Status.DONE:
            raise ValidationError(_("This file has already been stored."))
        result = _commit(
            actor=actor, preview=indicator_import_preview_of(job=job), label=job.file_name
        )
        job.status = IndicatorImport.Status.DONE
        job.result = result.__dict__
        job.save(update_fields=["status", "result", "updated_at"])
        audit_log_write(actor=actor, action="indicators.import_commit", obj=job, data=job.result)
    return result
