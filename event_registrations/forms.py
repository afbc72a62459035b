"""The registration form (the organisers' questions, the consent, a guest's name and address, the date) and the
team's forms."""

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from event_registrations.models import (
    MAX_ANSWER_LENGTH,
    MAX_QUESTIONS,
    Question,
    QuestionKind,
    Registration,
    RegistrationSettings,
)


def _no_nul(value):
    if "\x00" in (value or ""):
        raise forms.ValidationError(_("This text contains a character that is not allowed."))


class RegistrationForm(forms.Form):
    """``dates``: the dates to choose from (per date), else none; ``guest``: ask for name and address."""

    def __init__(self, *args, registration_settings, questions, dates=(), guest=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)[:MAX_QUESTIONS]
        self.dates = {date.start.isoformat(): date for date in dates}
        if dates:
            self.fields["date"] = forms.ChoiceField(
                label=_("Date"), choices=[(key, key) for key in self.dates]
            )
        if guest:
            self.fields["name"] = forms.CharField(label=_("Your name"), max_length=120, validators=[_no_nul])
            self.fields["email"] = forms.EmailField(label=_("Your e-mail address"), max_length=254)
        for question in self.questions:
            name = f"question_{question.pk}"
            if question.kind == QuestionKind.CHOICE and question.option_list:
                options = [("", "—"), *((option, option) for option in question.option_list)]
                self.fields[name] = forms.ChoiceField(
                    label=question.label, choices=options, required=question.required
                )
            else:
                self.fields[name] = forms.CharField(
                    label=question.label,
                    required=question.required,
                    max_length=MAX_ANSWER_LENGTH,
                    validators=[_no_nul],
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
        self.fields["consent"] = forms.BooleanField(label=registration_settings.consent_text)

    def chosen_date(self):
        return self.dates.get(self.cleaned_data.get("date"))

    def answers(self):
        return [
            {"question": question.label, "answer": self.cleaned_data.get(f"question_{question.pk}") or ""}
            for question in self.questions
        ]


class SettingsForm(forms.ModelForm):
    meeting_url = forms.URLField(
        label=_("Online meeting link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Shown only to confirmed participants, on the event page and in their mails."),
    )

    class Meta:
        model = RegistrationSettings
        fields = [
            "enabled",
            "opens_at",
            "closes_at",
            "capacity",
            "waiting_list",
            "per_date",
            "consent_text",
            "reminder_hours",
            "meeting_url",
            "reply_to",
        ]
        widgets = {
            "opens_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "closes_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        }

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str) and "\x00" in value:
                self.add_error(name, _("This text contains a character that is not allowed."))
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("Registration must close after it opens."))
        per_date = cleaned.get("per_date")
        if per_date and not self.instance.event.is_recurring:
            self.add_error("per_date", _("Registration per date is only for recurring events."))
        if per_date != self.initial.get("per_date", False) and self._has_registrations():
            self.add_error(
                "per_date",
                _(
                    "People have registered already: registration per date cannot be switched on or off now. "
                    "Cancel their registrations first."
                ),
            )
        return cleaned

    def _has_registrations(self):
        return (
            self.instance.pk is not None
            and Registration.objects.active().filter(event_id=self.instance.event_id).exists()
        )


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["label", "kind", "options", "required", "order"]

    def clean(self):
        cleaned = super().clean()
        for name in ("label", "options"):
            if "\x00" in (cleaned.get(name) or ""):
                self.add_error(name, _("This text contains a character that is not allowed."))
        return cleaned


QuestionFormSet = forms.inlineformset_factory(
    RegistrationSettings,
    Question,
    form=QuestionForm,
    extra=1,
    max_num=MAX_QUESTIONS,
    validate_max=True,
    can_delete=True,
)


def _one_line(value):
    if "\n" in value or "\r" in value:
        raise forms.ValidationError(_("The subject must be a single line."))


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150, validators=[_no_nul, _one_line])
    text = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea, validators=[_no_nul])
