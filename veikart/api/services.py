"""Writes for API tokens: create (the key is returned once) and revoke; each audit-logged."""

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from veikart.api.models import ApiToken
from veikart.core.services import audit_log_write

PREFIX = "vk_"


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


@transaction.atomic
def api_token_create(*, actor, user, name: str) -> tuple[ApiToken, str]:
    """A new token for `user` (a staff member); returns the token and its key, shown once."""
    name = (name or "").strip()
    if not name or len(name) > 100:
        raise ValidationError({"name": _("Give the token a name of at most 100 characters.")})
    if not user.is_active or user.role == "resident" and not user.is_superuser:
        raise ValidationError({"user": _("API tokens are for active staff members.")})
    key = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        name=name, user=user, prefix=key[: len(PREFIX) + 6], key_hash=key_hash(key)
    )
    audit_log_write(actor=actor, action="api_token.create", obj=token, data={"user": user.pk})
    return token, key


@transaction.atomic
def api_token_revoke(*, actor, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_log_write(actor=actor, action="api_token.revoke", obj=token)
    return token
