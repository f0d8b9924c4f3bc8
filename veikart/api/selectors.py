from datetime import timedelta

from django.utils import timezone

from veikart.api.models import ApiToken
from veikart.api.services import key_hash


def api_token_user(*, key: str):
    """The user a valid, unrevoked key acts as, or None. Marks the token used (at most once a
    minute, so reads stay reads)."""
    if not key or len(key) > 200:
        return None
    token = ApiToken.objects.active().select_related("user").filter(key_hash=key_hash(key)).first()
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
