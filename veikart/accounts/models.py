from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Roles from DESIGN.md. Anonymous visitors and children in class sessions have no account."""

    RESIDENT = "resident", _("Resident")
    HOST = "host", _("Arena host")
    MODERATOR = "moderator", _("Moderator")
    MANAGER = "manager", _("Process manager")
    COMMITTEE = "committee", _("Committee member")
    ADMIN = "admin", _("Administrator")


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.RESIDENT)
    display_name = models.CharField(_("display name"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.username
