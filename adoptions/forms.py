import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from adoptions.models import NOTE_MAX_LENGTH

EARLIEST_YEAR = 1990


class ReportForm(forms.Form):
    """ "We did it": for one of the regions or initiatives the member may report for (``adoptions.targets``)."""

    target = forms.ChoiceField(label=_("Who did it?"))
    month = forms.CharField(
        label=_("When (month, optional)"),
        required=False,
        max_length=7,
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "2026-05", "pattern": r"\d{4}-\d{2}"}),
        help_text=_("Year and month, for example 2026-05."),
    )
    note = forms.CharField(
        label=_("A short note (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "What did you do, and how did it go? Shown with the action once the regional team confirms it. "
            "Please do not name other people."
        ),
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.targets = targets
        regions = [(key, title) for key, (title, _obj) in targets.items() if key.startswith("region-")]
        initiatives = [
            (key, title) for key, (title, _obj) in targets.items() if key.startswith("initiative-")
        ]
        choices = []
        if regions:
            choices.append((_("Our region"), regions))
        if initiatives:
            choices.append((_("Our initiative"), initiatives))
        self.fields["target"].choices = choices

    def clean_target(self):
        return self.targets[self.cleaned_data["target"]][1]  # the choice is validated against the keys

    def clean_month(self):
        value = self.cleaned_data["month"].strip()
        if not value:
            return None
        year, dash, month = value.partition("-")
        today = timezone.localdate()
        try:
            if not (dash and year.isascii() and year.isdigit() and month.isascii() and month.isdigit()):
                raise ValueError
            first = dt.date(int(year), int(month), 1)
        except ValueError:
            first = None
        if first is None or first.year < EARLIEST_YEAR or first > today.replace(day=1):
            raise forms.ValidationError(
                _("Please give a month as year and month, for example 2026-05, and not in the future.")
            )
        return first
