from django import forms
from django.utils.translation import gettext_lazy as _

from network.models import Card, ContactMessage


class ContactForm(forms.ModelForm):
    class Meta:
        model = ContactMessage
        fields = ["subject", "body", "reply_to_sender"]
        labels = {"reply_to_sender": _("Share my e-mail address so they can answer me directly")}
        help_texts = {
            "body": _("At most 4000 characters. The hub sends it by e-mail with your public name."),
            "reply_to_sender": _(
                "Without it, they see your public name only and can answer through the hub if your card is "
                "public."
            ),
        }
        widgets = {
            "subject": forms.TextInput(attrs={"maxlength": 150}),
            "body": forms.Textarea(attrs={"rows": 10, "maxlength": 4000}),
        }


class CardForm(forms.ModelForm):
    class Meta:
        model = Card
        fields = ["listed", "place", "offer", "looking_for", "about", "contact_allowed"]
        widgets = {
            "offer": forms.Textarea(attrs={"rows": 3, "maxlength": 600}),
            "looking_for": forms.Textarea(attrs={"rows": 3, "maxlength": 600}),
            "about": forms.Textarea(attrs={"rows": 5, "maxlength": 1000}),
        }


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with it? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
    )
