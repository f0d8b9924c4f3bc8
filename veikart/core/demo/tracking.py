"""Implementation follow-up in the Borgen demo: the committee's updates and yearly snapshots.

Called once from borgen.py after the plan and the committee exist. The committee
"Lokalsamfunnsutvalget på Borgen" (member account `utvalg`) follows the plan's first 60
measures; here its member posts a few updates through the real service (so the measures'
status, progress and audit log follow), and the plan gets a snapshot at the end of each plan
year, rebuilt from the measures' timelines. Invented content; the seed's totals do not change.
"""

import datetime

from veikart.accounts.models import User
from veikart.plans.models import MeasureStatus, Plan
from veikart.processes.models import Process
from veikart.tracking.models import Committee
from veikart.tracking.services import measure_update_post
from veikart.tracking.snapshots import plan_snapshot_take

COMMITTEE = "Lokalsamfunnsutvalget på Borgen"

UPDATES = [
    (
        datetime.date(2021, 2, 10),
        "Utvalget har møtt arbeidsgruppen. Flere frivillige har meldt seg, og arbeidet går videre.",
    ),
    (
        datetime.date(2021, 5, 4),
        "Første del er gjennomført med god oppslutning fra naboene. Neste steg er avtalt.",
    ),
    (
        datetime.date(2021, 9, 20),
        "Tiltaket er evaluert på utvalgets møte på innbyggertorget. Erfaringene er delt videre.",
    ),
]


def load(*, process: Process, plan: Plan, users: dict[str, User]) -> None:
    member = users["utvalg"]
    committee = Committee.objects.get(process=process, name=COMMITTEE)
    followed = list(
        committee.measures.filter(status=MeasureStatus.IN_PROGRESS).order_by("id")[: len(UPDATES)]
    )
    for measure, (day, text) in zip(followed, UPDATES, strict=False):
        progress = min(100, measure.progress + 20)
        status = MeasureStatus.DONE if progress == 100 else MeasureStatus.IN_PROGRESS
        measure_update_post(
            actor=member,
            measure=measure,
            date=day,
            status=status,
            progress=progress,
            text=text,
        )
    for year in range(plan.period_start or 2017, (plan.period_end or 2020) + 1):
        plan_snapshot_take(
            actor=None,
            plan=plan,
            as_of=datetime.date(year, 12, 31),
            note=f"Årsrapport {year}",
        )
