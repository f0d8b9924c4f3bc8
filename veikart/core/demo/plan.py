"""The demo plan's history: a draft version sent to hearing, and the adopted version.

Called once from borgen.py after the plan's 203 measures exist. The adopted version is the
tree as it stands; the draft of September 2016 differed a little (three measures were added
after the hearing, two were dropped, four were reworded or re-timed). The decision of
8 November 2016 points to the adopted version, and the plan is frozen from that day.
"""

import copy
import datetime

from django.utils import timezone

from veikart.plans.models import Decision, Plan, PlanVersion
from veikart.plans.selectors import plan_snapshot

DRAFT_SAVED = datetime.datetime(2016, 9, 20, 12, 0, tzinfo=datetime.UTC)
ADOPTED_AT = datetime.datetime(2016, 11, 8, 18, 0, tzinfo=datetime.UTC)

ADDED_AFTER_HEARING = (11, 58, 141)  # positions in plan order: absent from the draft
REWORDED = (3, 77, 120, 190)
DROPPED_FROM_DRAFT = [
    ("Utrede en egen bydelsavis for Borgen", "Kommunikasjonsavdelingen"),
    ("Kartlegge behovet for flere parkeringsplasser ved senteret", "Plan og bygg"),
]


def plan_history_load(*, plan: Plan, manager) -> None:
    adopted = plan_snapshot(plan=plan)
    draft = copy.deepcopy(adopted)
    measures = [m for g in draft["goals"] for s in g["strategies"] for m in s["measures"]]
    for position in REWORDED:
        m = measures[position]
        m["title"] = "Utrede: " + m["title"].split(": ", 1)[-1]
        if m["due_on"]:
            m["due_on"] = f"{int(m['due_on'][:4]) + 1}{m['due_on'][4:]}"
    removed = {measures[p]["id"] for p in ADDED_AFTER_HEARING}
    for goal in draft["goals"]:
        for strategy in goal["strategies"]:
            strategy["measures"] = [m for m in strategy["measures"] if m["id"] not in removed]
    last = draft["goals"][-1]["strategies"][-1]
    for n, (title, responsible) in enumerate(DROPPED_FROM_DRAFT, start=1):
        last["measures"].append(
            {
                "id": -n,  # existed only in the draft
                "number": f"{len(draft['goals'])}.{len(draft['goals'][-1]['strategies'])}.9{n}",
                "title": title,
                "description": "",
                "responsible": responsible,
                "partners": [],
                "proposals": [],
                "starts_on": "2017-01-01",
                "due_on": "2017-12-31",
                "budget_line": "",
                "sdgs": [],
            }
        )
    PlanVersion.objects.create(
        plan=plan,
        number=1,
        note="Utkast til offentlig høring",
        snapshot=draft,
        created_by=manager,
        created_at=DRAFT_SAVED,
    )
    adopted_version = PlanVersion.objects.create(
        plan=plan,
        number=2,
        note="Vedtatt av kommunestyret 8. november 2016",
        snapshot=adopted,
        is_adopted=True,
        created_by=manager,
        created_at=ADOPTED_AT,
    )
    Decision.objects.filter(plan=plan, outcome=Decision.Outcome.ADOPTED).update(
        version=adopted_version, recorded_at=ADOPTED_AT
    )
    Plan.objects.filter(pk=plan.pk).update(frozen_at=ADOPTED_AT, updated_at=timezone.now())
    plan.frozen_at = ADOPTED_AT
