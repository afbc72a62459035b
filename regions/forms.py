import uuid

from django import forms
from django.core.validators import URLValidator
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from common.language import locale_id
from home.models import SDG, FieldOfAction, point
from members.validators import AVATAR_FORMATS, reencode_avatar, validate_avatar
from regions.map import geocoder
from regions.map.places import locate
from regions.models import Initiative, RegionPage, network_locale_id


class RegionChoiceField(forms.ModelChoiceField):
    """The German region pages (what an initiative belongs to), labelled with their titles in the active
    language where a page of that language has another one."""

    titles = {}

    def label_from_instance(self, obj):
        return self.titles.get(obj.translation_key, obj.title)


class InitiativeForm(forms.ModelForm):
    """What a member fills in to register an initiative; it is saved as pending.

    The position: a point picked on the small map (``static/map/point.js`` fills ``latitude``/``longitude``),
    else the place typed into ``address`` when we know it (``regions.map.places.locate``: a German town or
    village, or coordinates), else what the operator's online geocoder finds for it (``regions.map.geocoder``,
    when one is set up). An address we cannot place is an error, so nobody ends up off the map unawares; without
    an address there is no position.
    """

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

    sdgs = forms.ModelMultipleChoiceField(
        label=_("Sustainable development goals (SDGs)"),
        queryset=SDG.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Optional: the UN goals your work contributes to."),
    )
    logo = forms.FileField(
        label=_("Picture or logo (optional)"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 2 MB. We store a smaller copy without metadata."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(t for _, t in AVATAR_FORMATS.values())}),
    )
    latitude = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    longitude = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)

    class Meta:
        model = Initiative
        fields = [
            "name",
            "kind",
            "region",
            "fields_of_action",
            "sdgs",
            "website",
            "links",
            "description",
            "logo",
            "address",
        ]
        labels = {"address": _("Place or address")}
        help_texts = {
            "description": _("What do you do, for whom, since when? At most 2000 characters."),
            "address": _(
                "The town or village where you are active, or coordinates such as “51.96, 7.63”. Once the "
                "initiative is approved, it appears at this place on the map and its profile; the text you "
                "type stays with the regional team."
            ),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8, "maxlength": 2000}),
            "links": forms.Textarea(attrs={"rows": 3, "maxlength": 1200}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions = RegionPage.objects.live().public()
        self.fields["region"].queryset = regions.filter(locale_id=network_locale_id()).order_by("title")
        if locale_id() != network_locale_id():
            self.fields["region"].titles = dict(
                regions.filter(locale_id=locale_id()).values_list("translation_key", "title")
            )
        if geocoder.enabled():
            self.fields["address"].help_text = format_lazy(
                "{} {}", self.fields["address"].help_text, geocoder.notice()
            )
        self.fields["kind"].choices = [("", _("Please choose")), *self.fields["kind"].choices[1:]]
        self._previous_logo = self.instance.logo.name if self.instance.logo else ""
        position = self.instance.coordinates
        if position:
            self.initial.setdefault("latitude", position["lat"])
            self.initial.setdefault("longitude", position["lng"])

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "content_type"):  # a new upload, not the stored file
            validate_avatar(logo)
        return logo

    def clean(self):
        cleaned = super().clean()
        lat, lng = cleaned.get("latitude"), cleaned.get("longitude")
        address = (cleaned.get("address") or "").strip()
        # Editing: the stored point comes back in the hidden fields; a new address without a new point moves it.
        point_kept = (
            not ({"latitude", "longitude"} & set(self.changed_data)) and "address" in self.changed_data
        )
        if lat is not None and lng is not None and not (self.instance.pk and point_kept and address):
            cleaned["position"] = (lat, lng)
        elif address:
            place = locate(address) or geocoder.geocode(address)
            if place is None:
                self.add_error(
                    "address",
                    _(
                        "We cannot find “%(place)s” on the map. Please enter the town or village (for "
                        "example “Münster”), pick the point on the map, or enter coordinates such as "
                        "“51.96, 7.63”."
                    )
                    % {"place": address[:80]},
                )
            else:
                cleaned["position"] = (place.lat, place.lng)
        else:
            cleaned["position"] = None
        return cleaned

    def location_value(self):
        """The stored form of the position the form arrived at ("" for none)."""
        position = self.cleaned_data.get("position")
        return point(round(position[0], 5), round(position[1], 5)) if position else ""

    def new_logo(self):
        """A newly uploaded logo, re-encoded under a random name, or None."""
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "content_type"):
            return reencode_avatar(logo, uuid.uuid4().hex)
        return None

    def save(self, commit=True):
        initiative = super().save(commit=False)
        initiative.location = self.location_value()
        logo = self.new_logo()
        if logo is not None:
            initiative.logo = logo
        if commit:
            initiative.save()
            self.save_m2m()
        return initiative

    def delete_replaced_logo(self):
        """After saving: the file of a replaced or removed logo goes (nothing else points to it)."""
        previous = self._previous_logo
        if previous and previous != (self.instance.logo.name or ""):
            self.instance.logo.storage.delete(previous)


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        help_text=_("Sent by email to the person who submitted it."),
    )


class TeamConsentForm(forms.Form):
    """A member's answer whether the team of a region may see and contact them, and where to go back to.

    The join form's checkbox sends "yes" or nothing (no); the buttons of the profile and the region page send
    "yes" or "no". Any other value is refused, never read as an answer.
    """

    YES, NO = "yes", "no"
    team_may_contact = forms.ChoiceField(choices=[(YES, YES), (NO, NO)], required=False)
    back = forms.ChoiceField(choices=[("region", "region"), ("profile", "profile")], required=False)

    def __init__(self, *args, answer_required=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team_may_contact"].required = answer_required

    @property
    def agreed(self):
        return self.cleaned_data["team_may_contact"] == self.YES
