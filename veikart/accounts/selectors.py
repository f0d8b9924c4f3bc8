from typing import Any

from veikart.accounts.models import User
from veikart.proposals.models import Support


def user_data_export(*, user: User) -> dict[str, Any]:
    """Everything Veikart holds about one account, for the person to download (GDPR art. 15/20)."""
    inputs = [
        {
            "process": i.process.name,
            "arena": i.arena.title if i.arena_id else None,
            "created_at": i.created_at.isoformat(),
            "text": i.text,
            "status": i.status,
            "receipt_code": i.receipt_code,
            "geometry": i.geometry,
            "group": {
                "age": i.group_age,
                "gender": i.group_gender,
                "background": i.group_background,
            },
        }
        for i in user.inputs.select_related("process", "arena").order_by("created_at")
    ]
    supports = [
        {"proposal": s.proposal.title, "created_at": s.created_at.isoformat()}
        for s in Support.objects.filter(user=user).select_related("proposal").order_by("created_at")
    ]
    return {
        "account": {
            "username": user.username,
            "display_name": user.display_name,
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "role": user.role,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "inputs": inputs,
        "supports": supports,
    }
