from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext as _

from veikart.accounts.models import User
from veikart.core.services import audit_log_write
from veikart.inputs.models import Input
from veikart.proposals.models import Support


@transaction.atomic
def user_delete(*, actor, user: User, password: str) -> dict[str, int]:
    """Delete an account. Its inputs stay, without author; its supports stay as anonymous counts."""
    if actor.pk != user.pk:
        raise ValidationError(_("You can only delete your own account."))
    if not user.check_password(password):
        raise ValidationError({"password": _("The password is not right.")})
    inputs = Input.objects.filter(author=user).update(author=None)
    supports = Support.objects.filter(user=user).update(
        user=None,
        anonymous_token=Concat(Value("deleted-"), Cast("pk", output_field=CharField())),
    )
    # No name or username in the log: the row only says that an account went away.
    audit_log_write(
        actor=None, action="user.delete", obj=user, data={"inputs": inputs, "supports": supports}
    )
    user.delete()
    return {"inputs": inputs, "supports": supports}
