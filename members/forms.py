import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from common.points import parse_point
from home.models import FieldOfAction
from members.models import User
from members.validators import AVATAR_FORMATS, reencode_avatar, validate_avatar
from regions.map import places

# Two decimals are about one kilometre: enough for a map card, too coarse to find a house.
COORDINATE_DECIMALS = 2


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form."""

    display_name = forms.CharField(
        label=_("Anzeigename"),
        max_length=80,
        help_text=_("So erscheinst du im Forum und auf der Karte. Deine E-Mail-Adresse sieht niemand."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        user.save(update_fields=["display_name"])


def format_point(lat, lng):
    """The stored form of a coarse position: rounded to two decimals (about 1 km)."""
    digits = COORDINATE_DECIMALS
    # + 0.0 turns a rounded -0.0 into 0.0.
    lat, lng = round(lat, digits) + 0.0, round(lng, digits) + 0.0
    return f"SRID=4326;POINT({lng:.{digits}f} {lat:.{digits}f})"


class ProfileForm(forms.ModelForm):
    """A member edits their own profile and their (opt-in, coarse) card on the map."""

    fields_of_action = forms.ModelMultipleChoiceField(
        label=_("Meine Handlungsfelder"),
        queryset=FieldOfAction.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    avatar = forms.FileField(
        label=_("Profilbild"),
        required=False,
        help_text=_(
            "JPEG, PNG oder WebP, höchstens 2 MB. Wir speichern eine verkleinerte Kopie ohne Metadaten."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(t for _, t in AVATAR_FORMATS.values())}),
    )
    latitude = forms.FloatField(
        label=_("Breitengrad (optional)"),
        required=False,
        min_value=-90,
        max_value=90,
        localize=True,
        help_text=_("Zum Beispiel 49,28. Wir runden auf zwei Nachkommastellen (etwa 1 km)."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    longitude = forms.FloatField(
        label=_("Längengrad (optional)"),
        required=False,
        min_value=-180,
        max_value=180,
        localize=True,
        help_text=_("Zum Beispiel 11,46."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )

    class Meta:
        model = User
        fields = [
            "display_name",
            "organisation",
            "bio",
            "avatar",
            "fields_of_action",
            "show_on_map",
            "map_place",
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 6}),
            "display_name": forms.TextInput(attrs={"autocomplete": "nickname"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
        self.fields["map_place"].help_text = _(
            "Der Name einer Stadt in Deutschland (ab etwa 15.000 Einwohner:innen), nie die genaue Adresse – "
            "oder gib unten Breiten- und Längengrad an."
        )
        lat, lng = parse_point(self.instance.map_location) or (None, None)
        self.initial.setdefault("latitude", lat)
        self.initial.setdefault("longitude", lng)
        # The old file, to remove from storage once it has been replaced or cleared.
        self._previous_avatar = self.instance.avatar.name if self.instance.avatar else ""

    def clean_display_name(self):
        return self.cleaned_data["display_name"].strip()

    def clean_avatar(self):
        avatar = self.cleaned_data.get("avatar")
        # False: "remove" was ticked; None/the existing file: nothing new uploaded.
        if avatar and hasattr(avatar, "content_type"):
            validate_avatar(avatar)
        return avatar

    def clean(self):
        cleaned = super().clean()
        lat, lng = cleaned.get("latitude"), cleaned.get("longitude")
        has_errors = "latitude" in self.errors or "longitude" in self.errors
        if (lat is None) != (lng is None) and not has_errors:
            missing = "longitude" if lng is None else "latitude"
            self.add_error(missing, _("Bitte gib Breiten- und Längengrad an – oder lass beide Felder leer."))
        if cleaned.get("show_on_map") and not has_errors:
            place = (cleaned.get("map_place") or "").strip()
            if not place and (lat is None or lng is None):
                self.add_error(
                    "show_on_map",
                    _(
                        "Damit deine Visitenkarte auf der Karte erscheinen kann, gib bitte einen Ort "
                        "oder Breiten- und Längengrad an."
                    ),
                )
            elif lat is None and places.find_city(place) is None:
                # Without coordinates the map places the card at the town's centre: it must know the town.
                self.add_error(
                    "map_place",
                    _(
                        "Diesen Ort finden wir nicht auf der Karte. Gib bitte eine größere Stadt in der Nähe "
                        "oder Breiten- und Längengrad an."
                    ),
                )
        return cleaned

    def save(self, commit=True):
        user = super().save(commit=False)
        lat, lng = self.cleaned_data.get("latitude"), self.cleaned_data.get("longitude")
        user.map_location = format_point(lat, lng) if lat is not None and lng is not None else ""
        avatar = self.cleaned_data.get("avatar")
        if avatar and hasattr(avatar, "content_type"):
            user.avatar = reencode_avatar(avatar, uuid.uuid4().hex)
        if commit:
            user.save()
            self.save_m2m()
            self._delete_replaced_avatar(user)
        return user

    def _delete_replaced_avatar(self, user):
        previous = self._previous_avatar
        if previous and previous != (user.avatar.name or ""):
            user.avatar.storage.delete(previous)


class AccountDeleteForm(forms.Form):
    """Deleting one's account needs the current password."""

    password = forms.CharField(
        label=_("Dein Passwort"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Bitte gib dein Passwort ein.")},
    )
    confirm = forms.BooleanField(
        label=_("Ja, ich möchte mein Konto und meine persönlichen Daten endgültig löschen."),
        required=True,
        error_messages={"required": _("Bitte bestätige, dass du dein Konto löschen möchtest.")},
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Das Passwort stimmt nicht."), code="password_incorrect")
        return password
