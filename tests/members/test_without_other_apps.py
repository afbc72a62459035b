"""members works on its own: without the parts regions and forum add through the members_* hooks."""

from django.urls import reverse

from wagtail import hooks

import pytest

from members import hooks as member_hooks
from members.models import User
from members.privacy import export_user_data

MEMBER_HOOKS = [value for name, value in vars(member_hooks).items() if name.isupper()]


@pytest.fixture
def without_other_apps(monkeypatch):
    hooks.search_for_hooks()
    for name in MEMBER_HOOKS:
        monkeypatch.setitem(hooks._hooks, name, [])


def test_every_hook_has_the_members_prefix():
    assert MEMBER_HOOKS
    assert all(name.startswith("members_") for name in MEMBER_HOOKS)


def test_profile_edit_export_and_deletion_without_other_apps(without_other_apps, member_client, member):
    profile = member_client.get(reverse("members:profile"))
    assert profile.status_code == 200
    assert "Meine Regionen" not in profile.content.decode()

    edited = member_client.post(
        reverse("members:profile_edit"),
        {"display_name": "Ada", "show_on_map": "on", "map_place": "Hintertupfingen"},
    )
    assert edited.status_code == 302  # no map to ask whether it knows the town
    member.refresh_from_db()
    assert member.display_name == "Ada"

    data = export_user_data(member)
    assert set(data) == {"exported_at", "profile", "fields_of_action", "email_addresses"}

    deleted = member_client.post(
        reverse("members:account_delete"), {"password": "mitmachen-123", "confirm": "on"}
    )
    assert deleted.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()


def test_the_other_apps_add_their_parts(member):
    assert list(export_user_data(member)) == [
        "exported_at",
        "profile",
        "fields_of_action",
        "email_addresses",
        "region_memberships",
        "region_teams",
        "initiatives",
        "initiative_co_ownerships",
        "co_owner_invitations_sent",
        "co_owner_invitations_received",
        "region_applications",
        "event_registrations",
        "directory_card",
        "messages_sent",
        "messages_received",
        "actions_reported_as_done",
        "newsletter_issues_received",
        "newsletter_subscriptions",
        "working_groups",
        "working_group_reports",
        "notifications",
        "forum_posts",
        "forum_topic_subscriptions",
        "forum_subscriptions",
        "forum_reports",
    ]
