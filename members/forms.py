import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from home.models import FieldOfAction
from members import hooks as member_hooks
from members.models import User
from members.validators import AVATAR_FORMATS, reencode_avatar, validate_avatar

# Two decimals are about one kilometre: enough for a map card, too coarse to find a house.
COORDINATE_DECIMALS = 2


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=80,
        help_text=_("This is how you appear in the forum and on the map. Nobody sees your email address."),
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
    """A member edits their own profile and their (opt-in, coarse) card on the map.

    The map reads the card; the regions app fills in the stored position and checks the town through the
    hooks ``members_profile_form_init`` and ``members_profile_form_clean`` (``members.hooks``).
    """

    fields_of_action = forms.ModelMultipleChoiceField(
        label=_("My fields of action"),
        queryset=FieldOfAction.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    avatar = forms.FileField(
        label=_("Profile picture"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 2 MB. We store a smaller copy without metadata."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(t for _, t in AVATAR_FORMATS.values())}),
    )
    latitude = forms.FloatField(
        label=_("Latitude (optional)"),
        required=False,
        min_value=-90,
        max_value=90,
        localize=True,
        help_text=_("For example 49.28. We round to two decimal places (about 1 km)."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    longitude = forms.FloatField(
        label=_("Longitude (optional)"),
        required=False,
        min_value=-180,
        max_value=180,
        localize=True,
        help_text=_("For example 11.46."),
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
            "language",
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 6}),
            "display_name": forms.TextInput(attrs={"autocomplete": "nickname"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
        # The select always sends a language; a post without one (an older form) keeps the stored one.
        self.fields["language"].required = False
        self.fields["map_place"].help_text = _(
            "The name of a town or village in Germany, never your exact address – "
            "or enter latitude and longitude below."
        )
        for init in hooks.get_hooks(member_hooks.PROFILE_FORM_INIT):
            init(self)
        # The old file, to remove from storage once it has been replaced or cleared.
        self._previous_avatar = self.instance.avatar.name if self.instance.avatar else ""

    def clean_display_name(self):
        return self.cleaned_data["display_name"].strip()

    def clean_language(self):
        return self.cleaned_data.get("language") or self.instance.language

    def clean_avatar(self):
        avatar = self.cleaned_data.get("avatar")
        # False: "remove" was ticked; None/the existing file: nothing new uploaded.
        if avatar and hasattr(avatar, "content_type"):
            validate_avatar(avatar)
        return avatar

    def clean(self):
        cleaned = super().clean()
        lat, lng = cleaned.get("latitude"), cleaned.get("longitude")
        place = (cleaned.get("map_place") or "").strip()
        has_errors = "latitude" in self.errors or "longitude" in self.errors
        # Before ours: the hooks see the fields' own errors only (e.g. the map checks the town).
        for clean in hooks.get_hooks(member_hooks.PROFILE_FORM_CLEAN):
            clean(self, cleaned)
        if (lat is None) != (lng is None) and not has_errors:
            missing = "longitude" if lng is None else "latitude"
            self.add_error(
                missing, _("Please enter both latitude and longitude – or leave both fields empty.")
            )
        if cleaned.get("show_on_map") and not has_errors and not place and (lat is None or lng is None):
            self.add_error(
                "show_on_map",
                _("To show your card on the map, please enter a place or latitude and longitude."),
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
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Please enter your password.")},
    )
    confirm = forms.BooleanField(
        label=_("Yes, I want to delete my account and my personal data for good."),
        required=True,
        error_messages={"required": _("Please confirm that you want to delete your account.")},
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is incorrect."), code="password_incorrect")
        return password
