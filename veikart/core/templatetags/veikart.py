from functools import cache

from django import template
from django.urls import resolve, reverse
from django.utils.translation import gettext_lazy as _

from veikart.core.permissions import can

register = template.Library()


@register.simple_tag(takes_context=True)
def allowed(context, action: str, process=None) -> bool:
    """{% allowed "inputs.add" process as may_add %}: the permission table, in templates."""
    request = context.get("request")
    return bool(request) and can(request.user, action, process)


# The staff menu of a process: (URL name, label). Each entry shows only to those whom the
# permission table lets through that URL's view (its `process_view` action).
STAFF_MENU = [
    ("processes:arena_list", _("Arenas and participation")),
    ("inputs:moderation_queue", _("Moderation")),
    ("inputs:import_start", _("Import inputs")),
    ("inputs:export", _("Export inputs")),
    ("proposals:consolidate", _("Consolidate")),
    ("maps:session_list", _("Class sessions")),
    ("maps:import_geojson", _("Import GeoJSON")),
    ("proposals:workshop_list", _("Roadmap workshops")),
    ("proposals:opinion_list", _("Opinion map")),
    ("plans:manage_list", _("Plans")),
    ("tracking:evaluation", _("Evaluation")),
    ("stats:representativeness_staff", _("Representativeness")),
]


@register.simple_tag(takes_context=True)
def staff_menu(context, process) -> list[tuple[str, str]]:
    """{% staff_menu process as items %}: the staff pages of `process` this user may open."""
    request = context.get("request")
    if request is None or process is None:
        return []
    return [
        (reverse(name, args=[process.slug]), label)
        for name, label in STAFF_MENU
        if can(request.user, _menu_action(name), process)
    ]


@cache
def _menu_action(name: str) -> str:
    """The permission-table action of a staff URL's view (looked up once per process)."""
    return resolve(reverse(name, args=["x"])).func.permission_action
