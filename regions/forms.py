from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from home.models import FieldOfAction
from regions.models import Initiative, RegionPage


class InitiativeForm(forms.ModelForm):
    """What a member fills in to register an initiative; it is saved as pending."""

    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=RegionPage.objects.none(),
        empty_label=_("Bitte wählen"),
    )
    fields_of_action = forms.ModelMultipleChoiceField(
        label=_("Handlungsfelder"),
        queryset=FieldOfAction.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Eine Adresse, die mit http:// oder https:// beginnt."),
        error_messages={
            "invalid": _("Bitte gib eine Web-Adresse an, die mit http:// oder https:// beginnt.")
        },
    )

    class Meta:
        model = Initiative
        fields = ["name", "kind", "region", "fields_of_action", "website", "description", "address"]
        labels = {"address": _("Ort oder Adresse")}
        help_texts = {
            "description": _("Was macht ihr, für wen, seit wann? Höchstens 2000 Zeichen."),
            "address": _("Zum Beispiel der Ort oder die Straße, in der ihr aktiv seid."),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 8, "maxlength": 2000})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = RegionPage.objects.live().public().order_by("title")
        self.fields["kind"].choices = [("", _("Bitte wählen")), *self.fields["kind"].choices[1:]]


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Begründung (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        help_text=_("Wird der einreichenden Person per E-Mail geschickt."),
    )
