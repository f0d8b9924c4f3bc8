from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from veikart.plans.models import MeasureStatus


class MeasureUpdate(models.Model):
    """A dated entry in a measure's timeline: status, progress and what happened."""

    measure = models.ForeignKey("plans.Measure", on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=20, choices=MeasureStatus.choices)
    progress = models.PositiveSmallIntegerField(_("progress (%)"))
    text = models.TextField(_("what happened"))
    attachment = models.FileField(_("attachment"), upload_to="measure-updates/", blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["measure", "-date", "-id"]
        verbose_name = _("measure update")
        verbose_name_plural = _("measure updates")
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="measure_update_progress_max_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure} {self.date}"


class Committee(models.Model):
    """Lokalsamfunnsutvalg or oppgaveutvalg: follows (part of) a plan."""

    class Kind(models.TextChoices):
        LOCAL = "local", _("Local community committee")
        TASK = "task", _("Task committee")
        AD_HOC = "ad_hoc", _("Ad hoc committee")

    process = models.ForeignKey(
        "processes.Process", on_delete=models.CASCADE, related_name="committees"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.LOCAL)
    mandate = models.TextField(_("mandate"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="CommitteeMember", related_name="committees"
    )
    measures = models.ManyToManyField("plans.Measure", blank=True, related_name="committees")

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def __str__(self) -> str:
        return self.name


class CommitteeMember(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    role = models.CharField(_("role"), max_length=100, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["committee", "user"], name="committee_member_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.committee_id}"
