from django import template

from veikart.core.permissions import can
from veikart.stats.representativeness import representativeness

register = template.Library()


@register.inclusion_tag("stats/_representativeness_panel.html", takes_context=True)
def representativeness_panel(context, process):
    """A compact panel for staff pages: the flagged groups of a process, with a link."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not can(user, "stats.view_representativeness", process):
        return {"show": False}
    return {
        "show": True,
        "process": process,
        "report": representativeness(process=process),
    }
