"""How a member is named to others: one rule for the site, the forum, the map and e-mails."""

import re

from django.utils.translation import gettext as _

# Something that looks like an e-mail address ("ada@example.org", "ada @ home" does not count).
EMAIL_LIKE = re.compile(r"\S+@\S+")


def public_name(display_name, first_name="", last_name=""):
    """The name visitors see: the display name, else the full name, else "Member".

    Never the username, and never something that looks like an e-mail address: people type their address
    into the display name field, and the name is shown to everybody.
    """
    name = (display_name or f"{first_name} {last_name}".strip()).strip()
    if not name or EMAIL_LIKE.search(name):
        return _("Member")
    return name
