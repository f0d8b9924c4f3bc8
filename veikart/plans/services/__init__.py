"""Writes for the thematic plan: the builder, saved versions and the political decision.

Every service that changes a plan's content (the plan's own fields, its goals, strategies and
measures, and a measure's proposals and partners) starts with `plan_check_editable`, the one
check that refuses when the plan is frozen. Database triggers (migration 0002) refuse the same
changes underneath, so nothing that bypasses the services can change an adopted plan either.
Measure status and progress are not content: tracking changes them through MeasureUpdate.
"""

from veikart.plans.services.checks import plan_check_editable
from veikart.plans.services.decision import decision_record, plan_version_save
from veikart.plans.services.drafting import measures_draft_from_proposals, time_frame_dates
from veikart.plans.services.tree import (
    goal_create,
    goal_delete,
    goal_move,
    goal_update,
    measure_create,
    measure_delete,
    measure_move,
    measure_update,
    plan_create,
    plan_renumber,
    plan_update,
    strategy_create,
    strategy_delete,
    strategy_move,
    strategy_update,
)

__all__ = [
    "decision_record",
    "goal_create",
    "goal_delete",
    "goal_move",
    "goal_update",
    "measure_create",
    "measure_delete",
    "measure_move",
    "measure_update",
    "measures_draft_from_proposals",
    "plan_check_editable",
    "plan_create",
    "plan_renumber",
    "plan_update",
    "plan_version_save",
    "strategy_create",
    "strategy_delete",
    "strategy_move",
    "strategy_update",
    "time_frame_dates",
]
