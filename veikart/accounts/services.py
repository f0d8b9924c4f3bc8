from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from veikart.accounts.models import User
from veikart.core.services import audit_log_write
from veikart.inputs.models import Input
from veikart.proposals.models import Support


@transaction.atomic
def user_delete(*, actor, user: User, password: str) -> dict[str, int]:
    """Delete one's own account, after the password is given (see `user_erase`)."""
    if actor.pk != user.pk:
        raise ValidationError(_("You can only delete your own account."))
    if not user.check_password(password):
        raise ValidationError({"password": _("The password is not right.")})
    return user_erase(actor=actor, user=user)


@transaction.atomic
def user_erase(*, actor, user: User) -> dict[str, int]:
    """Delete an account. Its inputs stay, without author; its supports stay as anonymous counts
    (so proposals' support counts are unchanged). Also what the admin's delete does."""
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


def totp_device_start(*, user: User) -> TOTPDevice:
    """An unconfirmed authenticator for `user` (a new key each time one is started)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


@transaction.atomic
def totp_device_confirm(*, user: User, code: str) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        raise ValidationError({"code": _("Start again: no authenticator is waiting.")})
    if not device.verify_token(code.strip().replace(" ", "")):
        raise ValidationError({"code": _("The code is not right. Try the newest code in the app.")})
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit_log_write(actor=user, action="user.two_factor_on", obj=user)
    return device


@transaction.atomic
def totp_device_remove(*, user: User, code: str) -> None:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return
    if not device.verify_token(code.strip().replace(" ", "")):
        raise ValidationError({"code": _("The code is not right. Try the newest code in the app.")})
    TOTPDevice.objects.filter(user=user).delete()
    audit_log_write(actor=user, action="user.two_factor_off", obj=user)


def totp_device_for_login(*, user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()
