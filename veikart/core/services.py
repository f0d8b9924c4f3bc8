from typing import Any

from django.db import models

from veikart.core.models import AuditLog


def audit_log_write(
    *, actor: Any, action: str, obj: models.Model, data: dict[str, Any] | None = None
) -> AuditLog:
    """Append one audit-log row. Called by every service that changes data, inside its transaction."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditLog.objects.create(
        actor=user,
        action=action,
        object_type=obj._meta.label,
        object_id=str(obj.pk),
        data=data or {},
    )
