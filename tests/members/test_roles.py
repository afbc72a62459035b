"""The fixed groups and their rights: members (verified e-mail) and editors (the central team)."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC

from members.roles import EDITORS, MEMBERS, sync_roles
from members.rules import is_editor, is_verified_member
from regions.roles import team_group
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db


def fresh(user):
    return type(user).objects.get(pk=user.pk)


def test_groups_and_rights_exist_after_migrate():
    """post_migrate ran sync_roles when the test database was built."""
    editors = Group.objects.get(name=EDITORS)

    assert Group.objects.filter(name=MEMBERS).exists()
    assert GroupPagePermission.objects.filter(group=editors, page=Page.get_first_root_node()).exists()
    assert GroupCollectionPermission.objects.filter(group=editors).exists()


def test_sync_roles_is_idempotent(region):
    team_group(region)
    sync_roles()
    counts = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Group.permissions.through.objects.count(),
    )

    sync_roles()
    sync_roles()

    assert counts == (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Group.permissions.through.objects.count(),
    )


def test_editors_can_edit_publish_and_add_everywhere(region, event_index, home_page):
    editor = UserFactory(editor=True)

    for page in (home_page, region, event_index):
        perms = page.permissions_for_user(fresh(editor))
        assert perms.can_edit()
        assert perms.can_publish()
        assert perms.can_add_subpage()
        assert perms.can_lock()
    assert is_editor(editor)


def test_editors_manage_images_documents_snippets_and_settings(client):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    editor = UserFactory(editor=True)

    for model in (get_image_model(), get_document_model()):
        policy = policy_registry.get_by_type(model)
        for action in ("add", "change", "delete", "choose"):
            assert policy.user_has_permission(editor, action), (model, action)
    for perm in (
        "wagtailadmin.access_admin",
        "regions.change_initiative",
        "home.change_fieldofaction",
        "home.add_fieldofaction",
        "home.change_sitesettings",
    ):
        assert editor.has_perm(perm), perm
    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.get(reverse("wagtailsnippets_home_fieldofaction:list")).status_code == 200


def test_editors_never_get_the_django_admin_or_user_management(client):
    editor = UserFactory(editor=True)

    assert not editor.is_staff
    assert not editor.is_superuser
    assert not editor.has_perm("members.change_user")
    assert not editor.has_perm("auth.change_group")
    client.force_login(editor)
    assert client.get("/django-admin/").status_code == 302
    assert client.get(reverse("wagtailusers_users:index")).status_code in (302, 403)


def test_members_have_no_admin_rights(client, home_page):
    member = UserFactory(verified=True)

    assert not member.has_perm("wagtailadmin.access_admin")
    assert not home_page.permissions_for_user(member).can_edit()
    client.force_login(member)
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_confirming_the_email_address_makes_a_verified_member(client):
    user = UserFactory(unverified=True)
    address = EmailAddress.objects.get(user=user)
    assert not is_verified_member(user)

    key = EmailConfirmationHMAC(address).key
    response = client.post(reverse("account_confirm_email", args=[key]))

    assert response.status_code == 302
    address.refresh_from_db()
    assert address.verified
    assert is_verified_member(fresh(user))


def test_sync_roles_adds_superusers_and_verified_users_to_members():
    members = Group.objects.get(name=MEMBERS)
    superuser = UserFactory(is_superuser=True)
    verified = UserFactory()
    EmailAddress.objects.create(user=verified, email=verified.email, verified=True, primary=True)
    unverified = UserFactory(unverified=True)

    sync_roles()

    assert members in superuser.groups.all()
    assert members in verified.groups.all()
    assert members not in unverified.groups.all()


def test_members_group_never_keeps_admin_access():
    from django.contrib.auth.models import Permission

    members = Group.objects.get(name=MEMBERS)
    members.permissions.add(Permission.objects.get(codename="access_admin"))

    sync_roles()

    assert not members.permissions.filter(codename="access_admin").exists()
