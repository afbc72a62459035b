"""The hub's roles as Django groups.

Members are in MEMBERS once their e-mail address is verified; the central team is in EDITORS; each region's
team has a group of its own (``regions.roles.team_group``).
"""

from django.contrib.auth.models import Group

MEMBERS = "Mitglieder"
EDITORS = "Redaktion"


def ensure_groups():
    """Create the fixed groups if missing; returns (members, editors)."""
    members, _ = Group.objects.get_or_create(name=MEMBERS)
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    return members, editors


def is_verified_member(user):
    """True for a logged-in user with a confirmed e-mail address (in the members group)."""
    return user.is_authenticated and user.groups.filter(name=MEMBERS).exists()
