"""Online support for proposals outside the workshop: one per person per proposal, withdrawable.

One per person is a database rule: unique (proposal, user) and unique (proposal, anonymous token).
"""

import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest
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
    Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)
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
        # Greatest: a support made outside this service (a fixture, the shell) never makes the
        # database's "not negative" check refuse a withdrawal.
        Proposal.objects.filter(pk=proposal.pk).update(
            support_count=Greatest(F("support_count") - deleted, 0)
        )
        audit_log_write(actor=actor, action="support.withdraw", obj=proposal, data={})
    return bool(deleted)


def support_counts_refresh(*, proposals) -> int:
    """Recount `Proposal.support_count` from the Support rows for the given proposals (a
    queryset): used after a merge, by `veikart seed`, and by the migration that added the
    counter. One UPDATE; returns the number of proposals updated. Not an audited change of data:
    the counter only mirrors rows whose changes were audited."""
    counted = (
        Support.objects.filter(proposal=OuterRef("pk"))
        .order_by()
        .values("proposal")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return proposals.update(
        support_count=Coalesce(Subquery(counted, output_field=IntegerField()), 0)
    )
