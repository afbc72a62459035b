"""The public application form (built from the editors' fields) and the page's admin form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import BaseForm, FormBuilder, WagtailAdminFormPageForm

# The trap for bots. A hyphen never occurs in the names Wagtail derives from field labels
# (ascii_snake_case), so no field an editor adds can collide with it.
HONEYPOT_FIELD = "contact-website"

# Wagtail limits single-line text to 255 characters and leaves the rest open; these bound the others.
MULTILINE_MAX_LENGTH = 4000
URL_MAX_LENGTH = 500
HIDDEN_MAX_LENGTH = 255
NUMBER_MAX_DIGITS = 15


class TrapInput(forms.TextInput):
    """Never echoes its value: a person whose browser filled the trap can simply send the form again."""

    def get_context(self, name, value, attrs):
        return super().get_context(name, None, attrs)


class RegionApplicationForm(BaseForm):
    """The editors' fields plus the honeypot, which must stay empty and is never stored."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Please leave this empty"),
            required=False,
            widget=TrapInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @property
    def trap(self):
        return self[HONEYPOT_FIELD]

    def answer_fields(self):
        """The bound fields the editors defined, in their order (the trap left out)."""
        return [field for field in self if field.name != HONEYPOT_FIELD]

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.pop(HONEYPOT_FIELD, ""):
            raise ValidationError(
                _(
                    "Your application was not saved: a field that must stay empty was filled in (this "
                    "can happen when the browser fills in a form automatically). Please check your "
                    "details and send the form again."
                ),
                code="honeypot",
            )
        return cleaned_data


class RegionApplicationFormBuilder(FormBuilder):
    """Wagtail's builder with length limits on every free-text field and e-mail autocompletion."""

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTILINE_MAX_LENGTH
        return super().create_multiline_field(field, options)

    def create_url_field(self, field, options):
        options["max_length"] = URL_MAX_LENGTH
        return super().create_url_field(field, options)

    def create_number_field(self, field, options):
        options["max_digits"] = NUMBER_MAX_DIGITS
        return super().create_number_field(field, options)

    def create_hidden_field(self, field, options):
        options["max_length"] = HIDDEN_MAX_LENGTH
        return super().create_hidden_field(field, options)

    def create_email_field(self, field, options):
        options.setdefault("widget", forms.EmailInput(attrs={"autocomplete": "email"}))
        return super().create_email_field(field, options)

    def get_form_class(self):
        return type("RegionApplicationForm", (RegionApplicationForm,), self.formfields)


class RegionApplicationAdminForm(WagtailAdminFormPageForm):
    """Publishing needs an e-mail field, the first one required: the confirmation goes there.

    Like Wagtail's own required fields, the rule waits while an editor only saves a draft.
    """

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("form_fields")
        if formset is None or self.is_deferred_validation:
            return cleaned_data
        rows = []
        for row in formset.forms:
            valid = row.is_valid()
            if row.cleaned_data.get("DELETE"):
                continue
            if not valid:
                return cleaned_data  # the row shows its own errors first
            if row.cleaned_data:
                rows.append(row.cleaned_data)
        rows.sort(key=lambda row: row.get("ORDER") or 0)
        first_email = next((row for row in rows if row.get("field_type") == "email"), None)
        if first_email is None:
            self.add_error(
                None,
                _(
                    "The form needs a field of type “Email” (a required one): the confirmation goes "
                    "there, and the team can reply."
                ),
            )
        elif not first_email.get("required"):
            self.add_error(
                None,
                _(
                    "The first field of type “Email” (“%(label)s”) must be required: the confirmation "
                    "goes there, and the team can reply."
                )
                % {"label": first_email.get("label", "")},
            )
        return cleaned_data
