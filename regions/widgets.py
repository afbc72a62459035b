from django import forms
from django.utils.translation import gettext


class PublicNameSelect(forms.Select):
    """A user select that names people by their public name and number, never by username or e-mail.

    The team editor lists every verified member; the default labels (``User.__str__`` falls back to
    the username, often derived from the e-mail address) would show them every member's private handle.
    """

    def create_option(self, name, value, label, *args, **kwargs):
        user = getattr(value, "instance", None)
        if user is not None:
            label = gettext("%(name)s (no. %(number)s)") % {"name": user.public_name, "number": user.pk}
        return super().create_option(name, value, label, *args, **kwargs)
