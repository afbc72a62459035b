"""The team of a region is the editors' call on every path, not only in the admin form.

A moderator cannot bring a removed team member back by reverting to an older revision and publishing it,
through the API, the admin, or a revision they saved earlier; editors still change the team every way.
"""

import json

from django.test import Client
from django.urls import reverse

from wagtail.models import APIToken, Page

import pytest

from regions.models import RegionModerator, RegionPage
from regions.roles import team_group
from tests.helpers import fresh
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db


def token_client(user):
    _, plaintext = APIToken.create_token(user=user, name="Redaktionssystem")
    return Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")


def revert(client, page, revision):
    return client.post(
        f"/api/v3/pages/{page.pk}/actions/revert/",
        data=json.dumps({"revision_id": revision.pk}),
        content_type="application/json",
    )


def publish(client, page):
    return client.post(f"/api/v3/pages/{page.pk}/actions/publish/", content_type="application/json")


def editor_publishes_team(region, editor, users):
    """What the admin does for an editor: the team rows in a revision by the editor, then publish."""
    page = RegionPage.objects.get(pk=region.pk).get_latest_revision_as_object()
    page.moderators = [RegionModerator(user=user) for user in users]
    revision = page.save_revision(user=editor)
    revision.publish(user=editor)
    return revision


def team_ids(region):
    return set(RegionModerator.objects.filter(region_id=region.pk).values_list("user_id", flat=True))


def is_in_team_group(user, region):
    return team_group(region).user_set.filter(pk=user.pk).exists()


@pytest.fixture
def history(region):
    """Revision A (an editor adds ``removed`` to the team), then revision B (the editor removes them again)."""
    editor = UserFactory(editor=True, display_name="Re Daktion")
    moderator = UserFactory(verified=True, display_name="Mo Deration")
    removed = UserFactory(verified=True, display_name="Ent Fernt")
    revision_a = editor_publishes_team(region, editor, [moderator, removed])
    assert is_in_team_group(removed, region)
    editor_publishes_team(region, editor, [moderator])
    assert not is_in_team_group(removed, region)
    return {
        "editor": editor,
        "moderator": fresh(moderator),
        "removed": removed,
        "revision_a": revision_a,
    }


def page_form_data(region):
    """The admin edit form of ``region`` as posted without a team formset (moderators have none)."""
    return {
        "title": region.title,
        "slug": region.slug,
        "area_description": region.area_description,
        "status": region.status,
        "body-count": "0",
    }


def test_moderator_token_cannot_restore_a_removed_member_by_revert_and_publish(region, history):
    client = token_client(history["moderator"])

    reverted = revert(client, region, history["revision_a"])
    published = publish(client, region)

    # The moderator may still revert and publish their region (other fields come back); the team does not.
    assert reverted.status_code == 200, reverted.content
    assert published.status_code == 200, published.content
    removed = fresh(history["removed"])
    assert not is_in_team_group(removed, region)
    assert team_ids(region) == {history["moderator"].pk}
    assert not removed.has_perm("wagtailadmin.access_admin")
    assert not region.permissions_for_user(removed).can_edit()


def test_a_moderators_revert_keeps_the_published_team_in_the_new_revision(region, history):
    """Otherwise an editor opening the form later would see, and publish, the old team."""
    revert(token_client(history["moderator"]), region, history["revision_a"])

    latest = RegionPage.objects.get(pk=region.pk).get_latest_revision()
    assert latest.user == history["moderator"]
    assert {row.user_id for row in latest.as_object().moderators.all()} == {history["moderator"].pk}


def test_moderator_cannot_restore_a_removed_member_through_the_admin_revert(client, region, history):
    revision_a = history["revision_a"]
    client.force_login(history["moderator"])
    url = reverse("wagtailadmin_pages:revisions_revert", args=[region.pk, revision_a.pk])
    form = client.get(url)
    assert form.status_code == 200
    assert "moderators" not in form.context["form"].formsets

    region.refresh_from_db()
    data = page_form_data(region) | {"action-publish": "publish"}
    response = client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert not is_in_team_group(fresh(history["removed"]), region)


def test_publishing_a_moderators_revision_never_changes_the_team(region, history):
    """A revision a moderator saved with another team (e.g. before this guard, or scheduled earlier) is
    published with the team as it stands."""
    page = RegionPage.objects.get(pk=region.pk).get_latest_revision_as_object()
    page.moderators = [RegionModerator(user=history["moderator"]), RegionModerator(user=history["removed"])]
    # Page.save_revision itself: the revision as it would have been stored without the guard.
    revision = Page.save_revision(page, user=history["moderator"])

    revision.publish(user=history["moderator"])

    assert not is_in_team_group(fresh(history["removed"]), region)
    assert team_ids(region) == {history["moderator"].pk}


def test_editor_token_can_still_restore_the_team_by_revert_and_publish(region, history):
    client = token_client(history["editor"])

    assert revert(client, region, history["revision_a"]).status_code == 200
    assert publish(client, region).status_code == 200

    removed = fresh(history["removed"])
    assert is_in_team_group(removed, region)
    assert removed.has_perm("wagtailadmin.access_admin")


def test_editor_still_changes_the_team_and_the_moderator_still_edits_the_rest(region, history):
    newcomer = UserFactory(verified=True, display_name="Neu Dabei")
    editor_publishes_team(region, history["editor"], [history["moderator"], newcomer])
    assert is_in_team_group(fresh(newcomer), region)

    page = RegionPage.objects.get(pk=region.pk).get_latest_revision_as_object()
    page.summary = "Neu beschrieben."
    page.save_revision(user=history["moderator"]).publish(user=history["moderator"])

    region.refresh_from_db()
    assert region.summary == "Neu beschrieben."
    assert team_ids(region) == {history["moderator"].pk, newcomer.pk}


def test_moderator_cannot_restore_a_removed_member_on_a_region_that_is_not_live(client, region, history):
    """A page that is not live is saved in place by the admin form, not only as a revision."""
    RegionPage.objects.get(pk=region.pk).unpublish()
    client.force_login(history["moderator"])
    url = reverse("wagtailadmin_pages:revisions_revert", args=[region.pk, history["revision_a"].pk])
    region.refresh_from_db()
    data = page_form_data(region)

    response = client.post(url, data)

    assert response.status_code == 302
    assert not is_in_team_group(fresh(history["removed"]), region)
    assert team_ids(region) == {history["moderator"].pk}
