"""Online support for proposals outside the workshop: one per person per proposal, withdrawable.

One per person is a database rule: unique (proposal, user) and unique (proposal, anonymous token).
"""

import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from veikart.core.services import audit_log_write
from veikart.proposals.models import Proposal, ProposalStatus, Support


def support_token_new() -> str:
    """The random token that stands for an anonymous supporter in their browser session."""
    return secrets.token_urlsafe(24)


def _supporter(user, token: str) -> dict:
    if user is not None and getattr(user, "is_authenticated", False):
        return {"user": user}
    if token:
        return {"user": None, "anonymous_token": token}
    raise ValidationError(_("Sign in to support proposals in this process."))


@transaction.atomic
def support_add(*, actor, proposal: Proposal, token: str = "") -> bool:
    """Support a proposal. Returns False if this person already supported it (nothing changes)."""
    if proposal.status in (ProposalStatus.DRAFT, ProposalStatus.MERGED):
        raise ValidationError(_("This proposal cannot be supported."))
    who = _supporter(actor, token)
    try:
        with transaction.atomic():
            support = Support.objects.create(proposal=proposal, **who)
    except IntegrityError:  # already supported (perhaps by a parallel request)
        return False
    audit_log_write(
        actor=actor,
        action="support.add",
        obj=proposal,
        data={"support": support.pk, "anonymous": support.user_id is None},
    )
    return True


@transaction.atomic
def support_withdraw(*, actor, proposal: Proposal, token: str = "") -> bool:
    """Take one's support back. Returns False if there was none."""
    who = _supporter(actor, token)
    deleted, _rows = Support.objects.filter(proposal=proposal, **who).delete()
    if deleted:
        audit_log_write(actor=actor, action="support.withdraw", obj=proposal, data={})
    return bool(deleted)
