"""The demo's opinion map: one stored analysis of the Borgen roadmap workshop's votes.

It only reads the demo's votes and adds one OpinionAnalysis (and its audit-log row), so no demo
total changes. The workshop's votes are invented, so its groups mean nothing in particular.
"""

from veikart.processes.models import Process
from veikart.proposals.models import OpinionAnalysis, Workshop
from veikart.proposals.opinion_services import opinion_analysis_run


def load_opinion_demo(*, process: Process) -> OpinionAnalysis | None:
    workshop = Workshop.objects.filter(process=process, votes__isnull=False).distinct().first()
    if workshop is None or OpinionAnalysis.objects.filter(process=process).exists():
        return None
    return opinion_analysis_run(
        actor=None, process=process, source=OpinionAnalysis.Source.WORKSHOP, workshop=workshop
    )
