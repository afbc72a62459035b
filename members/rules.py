"""Who may do what, asked of members' own rules: the predicates every app builds its permissions on.

The ``rules`` package (django-rules) keeps them. Each app's ``rules.py`` names its predicates and registers
its permissions (``rules.add_perm``); ``rules.apps.AutodiscoverRulesConfig`` imports every app's ``rules``
module once the apps are ready, so a permission is known wherever it is asked:

- in Python, ``rules.has_perm("regions.review_initiatives", user)``;
- in templates, ``{% load rules %}{% has_perm "regions.review_initiatives" user as allowed %}``;
- through Django, ``user.has_perm(...)`` (``rules.permissions.ObjectPermissionBackend`` is in
  ``AUTHENTICATION_BACKENDS``; it authenticates nobody, allauth's backend stays the only login).

Our code asks ``rules.has_perm`` directly: ``user.has_perm`` answers True for every active superuser before
any rule is asked, and loads the user's model permissions first; the rules below decide for superusers
themselves (``is_editor`` includes them, ``is_verified_member`` includes them once ``sync_roles`` has put
them into MEMBERS).

Group *management* (creating the groups, syncing who is in them, granting Wagtail rights) is
``members.roles``; this module only asks.
"""

import rules

from members.roles import EDITORS, MEMBERS


@rules.predicate
def is_verified_member(user):
    """A logged-in user with a confirmed e-mail address (in the members group)."""
    return user.is_authenticated and user.groups.filter(name=MEMBERS).exists()


@rules.predicate
def is_editor(user):
    """The central editorial team and superusers."""
    return user.is_authenticated and (user.is_superuser or user.groups.filter(name=EDITORS).exists())


@rules.predicate
def acts_without_user(user):
    """Code acting on its own (``None``: the demo loader, management commands, tests), not a person."""
    return user is None
