from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veikart.core.uploads import MAX_BYTES
from veikart.plans.models import MeasureStatus
from veikart.tracking.models import Frequency


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class MeasureUpdateForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    status = forms.ChoiceField(label=_("Status"), choices=MeasureStatus.choices)
    progress = forms.IntegerField(
        label=_("Progress (%)"),
        min_value=0,
        max_value=100,
        help_text=_("How far the measure has come, from 0 to 100. Done means 100."),
    )
    text = forms.CharField(
        label=_("What happened"),
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
        max_length=5000,
    )
    attachment = forms.FileField(
        label=_("Attachment"),
        required=False,
        help_text=_(
            "PDF, PNG, JPEG or Word (DOCX), at most 10 MB. Photos are stored without "
            "camera and location data."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.png,.jpg,.jpeg,.docx,application/pdf,image/png,image/jpeg"}
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate()
        self.fields["attachment"].max_bytes = MAX_BYTES


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_(
            "Used only to tell you about changes and never shown to anyone. First we send "
            "a link to confirm; every mail has a link to stop."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        initial=Frequency.DAILY,
        widget=forms.RadioSelect,
    )


class SnapshotForm(forms.Form):
    as_of = forms.DateField(
        label=_("Figures as of"),
        required=False,
        widget=DateInput(),
        help_text=_(
            "Empty for today. A past date rebuilds each measure's status from its timeline."
        ),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=300)
