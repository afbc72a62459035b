"""A member's own data: how they are named to others, the export (Art. 15/20 GDPR) and account deletion (Art. 17).

Forum posts are not deleted with an account: a discussion would lose its context. They stay, anonymised,
under the name ``DELETED_MEMBER_NAME`` (``forum.privacy``); everything that identifies the person goes.
"""

import logging

from django.db import transaction
from django.utils import timezone

from wagtail import hooks

from allauth.account.models import EmailAddress

from members import hooks as member_hooks

logger = logging.getLogger(__name__)

# Shown in the forum in place of a deleted member's name (machina shows ``Post.username`` without a poster).
DELETED_MEMBER_NAME = "gelöschtes Mitglied"


def user_display(user):
    """allauth's ``ACCOUNT_USER_DISPLAY``: the public name, never the username or e-mail address."""
    return str(user.public_name)


def iso(value):
    """A date or time for the export (ISO 8601), or None."""
    return value.isoformat() if value else None


def absolute_url(request, url):
    """``url`` made absolute for the export when there is a request, or None for no URL."""
    if not url:
        return None
    return request.build_absolute_uri(url) if request is not None else url


def export_user_data(user, request=None):
    """Everything the hub stores about ``user``, as a JSON-serialisable dict (only this user's data).

    The profile and the account are members' own; regions and forum add their parts through the hook
    ``members_export_data`` (``members.hooks.EXPORT_DATA``).
    """
    data = {
        "exported_at": iso(timezone.now()),
        "profile": {
            "username": user.get_username(),
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "display_name": user.display_name,
            "organisation": user.organisation,
            "bio": user.bio,
            "avatar_url": absolute_url(request, user.avatar.url) if user.avatar else None,
            "show_on_map": user.show_on_map,
            "map_place": user.map_place,
            "map_location": user.map_location,
            "language": user.language,
            "date_joined": iso(user.date_joined),
            "last_login": iso(user.last_login),
        },
        "fields_of_action": [field.name for field in user.fields_of_action.all()],
        "email_addresses": [
            {"email": address.email, "primary": address.primary, "verified": address.verified}
            for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
        ],
    }
    for export in hooks.get_hooks(member_hooks.EXPORT_DATA):
        data.update(export(user, request))
    return data


def delete_account(user):
    """Delete ``user`` for good; what others still need of their contributions stays, anonymised.

    One transaction: either everything below happens or nothing does. First the apps above members detach
    what must outlive the account through the hook ``members_before_account_deletion``
    (``members.hooks.BEFORE_ACCOUNT_DELETION``: the forum keeps posts and topics under
    ``DELETED_MEMBER_NAME``), then the user row goes. Memberships, team places, e-mail addresses,
    subscriptions and read marks cascade with the user; initiatives stay without a submitter (SET_NULL) unless
    an app hands them on first (regions: to a co-owner).
    The avatar file is removed once the deletion is committed.
    """
    avatar_name = user.avatar.name if user.avatar else ""
    storage = user.avatar.storage
    with transaction.atomic():
        for detach in hooks.get_hooks(member_hooks.BEFORE_ACCOUNT_DELETION):
            detach(user)
        user.delete()
        if avatar_name:
            transaction.on_commit(lambda: _delete_file(storage, avatar_name))


def _delete_file(storage, name):
    try:
        storage.delete(name)
    except OSError:
        # The account is gone either way; a stray file is logged for the operators to remove.
        logger.warning("Could not delete avatar file %s of a deleted account", name)
