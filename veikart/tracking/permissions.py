"""Object-level checks for tracking, on top of the one permission table.

`tracking.post_update` in veikart/core/permissions.py says *who* may post updates and in which
phases; here we add *for which measures*: a committee member only for the measures one of
their committees follows, a process manager (or administrator) for any measure.
"""

from veikart.core.permissions import can, is_manager
from veikart.plans.models import Measure
from veikart.tracking.models import Committee


def measure_process(measure: Measure):
    return measure.strategy.goal.plan.process


def measure_update_allowed(*, user, measure: Measure) -> bool:
    """True if `user` may post an update on `measure`."""
    process = measure_process(measure)
    if not can(user, "tracking.post_update", process):
        return False
    if is_manager(user):
        return True
    return Committee.objects.filter(process=process, members=user, measures=measure).exists()
