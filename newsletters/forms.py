from django import forms
from django.utils.translation import gettext_lazy as _

from newsletters.models import MailingList

CONSENT = _(
    "I would like to receive the chosen newsletters of the Mitmach-Hub by e-mail. I can unsubscribe at any time "
    "with the link in every newsletter."
)


class ListChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.label


def open_lists():
    return MailingList.objects.open().select_related("region", "field_of_action")


class SubscribeForm(forms.Form):
    """Lists and an address; the consent box states what the person agrees to (stored with the subscription)."""

    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    lists = ListChoiceField(
        label=_("Newsletters"),
        queryset=MailingList.objects.none(),
        error_messages={"required": _("Please choose at least one newsletter.")},
    )
    consent = forms.BooleanField(label=CONSENT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lists"].queryset = open_lists()


class MemberListsForm(forms.Form):
    """The lists a member's own address is on: ticked ones are kept or added, the others ended."""

    lists = ListChoiceField(label=_("Newsletters"), queryset=MailingList.objects.none(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lists"].queryset = open_lists()
