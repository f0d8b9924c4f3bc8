from django import template

from veikart.core.permissions import can

register = template.Library()


@register.simple_tag(takes_context=True)
def allowed(context, action: str, process=None) -> bool:
    """{% allowed "inputs.add" process as may_add %}: the permission table, in templates."""
    request = context.get("request")
    return bool(request) and can(request.user, action, process)
