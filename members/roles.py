"""The hub's roles as Django groups.

Members are in MEMBERS once their e-mail address is verified; the central team is in EDITORS; each region's
team has a group of its own, synced by the regions app through the ``members_sync_roles`` hook.

``sync_roles()`` gives the fixed groups their rights. It runs after every ``migrate`` (post_migrate, see
``members.apps``) and is idempotent: run it again and nothing changes. The rights are:

- MEMBERS: no admin rights at all (the forum app gives it posting rights in machina).
- EDITORS: the Wagtail admin, the whole page tree (add, change, publish, lock, unlock — what Wagtail's own
  "Moderators" group gets), images and documents in the root collection, and the snippets and settings
  editors look after (initiatives, fields of action, site settings). Never ``is_staff`` or
  ``is_superuser``: the Django admin and server settings stay with the operators.

This module *manages* the groups (creates them, grants their rights, keeps who is in them); whether a user
*may* do something is asked in ``members.rules`` (and the other apps' ``rules.py``).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q

from wagtail import hooks
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from allauth.account.models import EmailAddress

from members import hooks as member_hooks

MEMBERS = "Mitglieder"
EDITORS = "Redaktion"

# Page permission types (Wagtail's PAGE_PERMISSION_TYPES) the editors hold on the root page. "bulk_delete"
# (deleting a page together with its subtree) is left out on purpose: it is rarely needed and easy to regret.
EDITOR_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")
EDITOR_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "image", ("add", "change", "delete", "choose")),
    ("wagtaildocs", "document", ("add", "change", "delete", "choose")),
)
# Model permissions (app label, codename): the admin itself, snippets and settings.
EDITOR_MODEL_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("regions", "add_initiative"),
    ("regions", "change_initiative"),
    ("regions", "delete_initiative"),
    ("regions", "view_initiative"),
    ("home", "add_fieldofaction"),
    ("home", "change_fieldofaction"),
    ("home", "delete_fieldofaction"),
    ("home", "view_fieldofaction"),
    ("home", "change_sitesettings"),
    # Translate pages and snippets with wagtail-localize (the English tree, docs/i18n.md).
    ("wagtail_localize", "submit_translation"),
)


def ensure_groups():
    """Create the fixed groups if missing; returns (members, editors)."""
    members, _ = Group.objects.get_or_create(name=MEMBERS)
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    return members, editors


def add_to_members(user):
    """Put a user into MEMBERS (after their e-mail address is confirmed). Idempotent."""
    members, _ = ensure_groups()
    user.groups.add(members)


def permissions(*natural_keys):
    """Permission objects for (app_label, codename) pairs; raises if one is missing."""
    found = []
    for app_label, codename in natural_keys:
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def grant_page_permissions(group, page, types):
    """Give ``group`` the Wagtail page permission ``types`` (e.g. "change") on ``page`` and its subtree."""
    for permission in permissions(*(("wagtailcore", f"{kind}_page") for kind in types)):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_root_collection_permissions(group, spec):
    """Give ``group`` image/document permissions in the root collection; spec as EDITOR_COLLECTION_PERMISSIONS."""
    root = Collection.get_first_root_node()
    if root is None:  # an emptied database (a test flush re-runs post_migrate): nothing to grant on yet
        return
    for app_label, model_name, actions in spec:
        for permission in permissions(*((app_label, f"{action}_{model_name}") for action in actions)):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )


@transaction.atomic
def sync_editors(editors):
    editors.permissions.add(*permissions(*EDITOR_MODEL_PERMISSIONS))
    root = Page.get_first_root_node()
    if root is not None:
        grant_page_permissions(editors, root, EDITOR_PAGE_PERMISSIONS)
    grant_root_collection_permissions(editors, EDITOR_COLLECTION_PERMISSIONS)


def sync_verified_members(members):
    """Superusers and users with a verified allauth address join MEMBERS."""
    User = get_user_model()
    missing = list(
        User.objects.filter(
            Q(is_superuser=True) | Q(pk__in=EmailAddress.objects.filter(verified=True).values("user_id"))
        )
        .exclude(groups=members)
        .values_list("pk", flat=True)
    )
    if missing:
        # add(), not a bulk insert: its m2m_changed puts the new members' cards on the map (stored clusters,
        # public cache), which a bulk insert would skip.
        members.user_set.add(*missing)


def sync_roles():
    """Create the fixed groups, give them their rights, sync verified members, then the other apps' roles.

    Idempotent and cheap enough to run after every migrate. Apps above members sync their own groups (the
    regions' teams) through the hook ``members_sync_roles`` (``members.hooks.SYNC_ROLES``).
    """
    members, editors = ensure_groups()
    # Members never reach the admin, even if someone ticked the box in the group editor.
    members.permissions.remove(*permissions(("wagtailadmin", "access_admin")))
    sync_editors(editors)
    sync_verified_members(members)
    for sync in hooks.get_hooks(member_hooks.SYNC_ROLES):
        sync()
    return members, editors
