"""Writes for the opinion map: run one analysis and store it (audit-logged)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from veikart.analysis import opinion
from veikart.core.services import audit_log_write
from veikart.processes.models import Process
from veikart.proposals.models import OpinionAnalysis, Workshop
from veikart.proposals.opinion_selectors import support_matrix, workshop_vote_matrix

MIN_PARTICIPANTS = 4


def opinion_analysis_run(
    *, actor, process: Process, source: str, workshop: Workshop | None = None
) -> OpinionAnalysis:
    """Group the participants of a workshop (or the online supporters) and store the result."""
    if source not in OpinionAnalysis.Source.values:
        raise ValidationError({"source": _("Choose what to analyse.")})
    if source == OpinionAnalysis.Source.WORKSHOP:
        if workshop is None:
            raise ValidationError({"workshop": _("Choose a workshop.")})
        if workshop.process_id != process.pk:
            raise ValidationError({"workshop": _("The workshop belongs to another process.")})
        data = workshop_vote_matrix(workshop=workshop)
    else:
        workshop = None
        data = support_matrix(process=process)
    if len(data.participants) < MIN_PARTICIPANTS or not data.items:
        raise ValidationError(
            {
                "source": _(
                    "Too few have voted to find opinion groups: at least %(n)d participants needed."
                )
                % {"n": MIN_PARTICIPANTS}
            }
        )
    result = opinion.analyse(data.matrix, participants=data.participants, items=data.items)
    stored = result.to_dict()
    with transaction.atomic():
        analysis = OpinionAnalysis.objects.create(
            process=process,
            source=source,
            workshop=workshop,
            parameters=stored["parameters"]
            | {"voting_method": workshop.voting_method if workshop else "supports"},
            result=stored,
            n_participants=len(data.participants),
            n_grouped=sum(result.group_sizes),
            n_groups=result.k,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        audit_log_write(
            actor=actor,
            action="opinion_analysis.run",
            obj=analysis,
            data={
                "source": source,
                "workshop": workshop.pk if workshop else None,
                "participants": analysis.n_participants,
                "groups": result.k,
                "group_sizes": list(result.group_sizes),
            },
        )
    return analysis
