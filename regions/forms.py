from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from common.language import locale_id
from home.models import FieldOfAction
from regions.models import Initiative, RegionPage, network_locale_id


class RegionChoiceField(forms.ModelChoiceField):
    """The German region pages (what an initiative belongs to), labelled with their titles in the active
    language where a page of that language has another one."""

    titles = {}

    def label_from_instance(self, obj):
        return self.titles.get(obj.translation_key, obj.title)


class InitiativeForm(forms.ModelForm):
    """What a member fills in to register an initiative; it is saved as pending."""

    region = RegionChoiceField(
        label=_("Region"),
        queryset=RegionPage.objects.none(),
        empty_label=_("Please choose"),
    )
    fields_of_action = forms.ModelMultipleChoiceField(
        label=_("Fields of action"),
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
        help_text=_("An address starting with http:// or https://."),
        error_messages={"invalid": _("Please enter a web address starting with http:// or https://.")},
    )

    class Meta:
        model = Initiative
        fields = ["name", "kind", "region", "fields_of_action", "website", "description", "address"]
        labels = {"address": _("Place or address")}
        help_texts = {
            "description": _("What do you do, for whom, since when? At most 2000 characters."),
            "address": _("For example the town or the street where you are active."),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 8, "maxlength": 2000})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions = RegionPage.objects.live().public()
        self.fields["region"].queryset = regions.filter(locale_id=network_locale_id()).order_by("title")
        if locale_id() != network_locale_id():
            self.fields["region"].titles = dict(
                regions.filter(locale_id=locale_id()).values_list("translation_key", "title")
            )
        self.fields["kind"].choices = [("", _("Please choose")), *self.fields["kind"].choices[1:]]


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        help_text=_("Sent by email to the person who submitted it."),
    )
