from django import template

from veikart.tracking.permissions import measure_update_allowed

register = template.Library()


@register.simple_tag(takes_context=True)
def may_post_update(context, measure) -> bool:
    """{% may_post_update measure as may_post %}: the permission table plus the committee check."""
    request = context.get("request")
    return bool(request) and measure_update_allowed(user=request.user, measure=measure)
