"""A region's team is its moderators: rights follow the team rows, checked with Wagtail's own permission tests."""

import datetime as dt

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from hub_events.models import EventPage
from members.roles import EDITORS
from regions.models import RegionModerator, RegionPage, RegionTeam
from regions.roles import team_group
from regions.rules import can_moderate_region, moderated_regions
from tests.events.factories import EventPageFactory
from tests.helpers import fresh
from tests.members.factories import UserFactory
from tests.news.factories import NewsPageFactory
from tests.regions.factories import RegionModeratorFactory, RegionPageFactory
from tests.regions.helpers import set_team

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_publishing_the_team_puts_the_moderator_into_the_regions_group(region, moderator):
    group = team_group(region)

    assert list(group.user_set.all()) == [moderator]
    assert str(region.pk) in group.name
    assert region.title in group.name
    assert moderator.has_perm("wagtailadmin.access_admin")
    assert list(moderated_regions(moderator)) == [region]


def test_moderator_can_edit_and_publish_their_region_and_add_events(region, moderator):
    perms = region.permissions_for_user(moderator)

    assert perms.can_edit()
    assert perms.can_publish()
    assert perms.can_add_subpage()
    assert EventPage in region.specific_class.creatable_subpage_models()


def test_moderator_cannot_delete_their_region_page(client, region, moderator):
    client.force_login(moderator)

    response = client.post(reverse("wagtailadmin_pages:delete", args=[region.pk]))

    assert response.status_code in (302, 403)
    assert RegionPage.objects.filter(pk=region.pk).exists()


def test_moderator_can_edit_and_publish_events_and_news_under_their_region(region, moderator):
    event = EventPageFactory(parent=region, regions=[region])
    news = NewsPageFactory(parent=region)

    for page in (event, news):
        perms = page.permissions_for_user(fresh(moderator))
        assert perms.can_edit()
        assert perms.can_publish()


def test_moderator_cannot_touch_another_region_or_the_rest_of_the_site(
    region, other_region, moderator, event_index
):
    for page in (other_region, event_index, region.get_parent().specific):
        perms = page.permissions_for_user(moderator)
        assert not perms.can_edit()
        assert not perms.can_publish()
        assert not perms.can_add_subpage()


def test_admin_explorer_starts_at_the_moderators_region(region, moderator):
    assert PagePermissionPolicy().explorable_root_instance(moderator).pk == region.pk


def test_admin_edit_view_opens_for_own_region_only(client, region, other_region, moderator):
    client.force_login(moderator)

    assert client.get(edit_url(region)).status_code == 200
    assert client.get(edit_url(other_region)).status_code in (302, 403)


def test_moderator_creates_and_publishes_an_event_under_their_region_in_the_admin(client, region, moderator):
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", region.pk])
    data = nested_form_data(
        {
            "title": "Regionalgespräch Neumarkt",
            "slug": "regionalgespraech-neumarkt",
            "summary": "Wir sprechen über Ernährung in der Region.",
            "kind": "regional_meeting",
            "format": "online",
            "start": "2030-05-05 18:00",
            "end": "2030-05-05 20:00",
            "body": streamfield([]),
            "materials": inline_formset([]),
            "speakers": inline_formset([]),
            "action-publish": "publish",
        }
    )

    response = client.post(url, data)

    assert response.status_code == 302
    event = EventPage.objects.get(slug="regionalgespraech-neumarkt", locale__language_code="de")
    assert event.live
    assert event.get_parent().pk == region.pk
    assert event.start.date() == dt.date(2030, 5, 5)


def test_moderator_cannot_create_an_event_under_another_region(client, other_region, moderator):
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", other_region.pk])

    assert client.get(url).status_code in (302, 403)


def test_removing_someone_from_the_team_revokes_everything(client, region, moderator):
    set_team(region, [])
    user = fresh(moderator)

    assert not team_group(region).user_set.exists()
    perms = region.permissions_for_user(user)
    assert not perms.can_edit()
    assert not perms.can_publish()
    assert not user.has_perm("wagtailadmin.access_admin")
    assert not moderated_regions(user).exists()
    client.force_login(user)
    assert client.get(edit_url(region)).status_code in (302, 403)


def test_deleting_a_team_row_directly_revokes_the_rights(region, moderator):
    RegionModerator.objects.filter(region=region, user=moderator).delete()

    assert not region.permissions_for_user(fresh(moderator)).can_edit()


def test_a_team_row_created_directly_grants_the_rights(region):
    user = RegionModeratorFactory(region=region).user

    assert region.permissions_for_user(fresh(user)).can_publish()


def test_draft_changes_to_the_team_do_not_grant_rights_until_published(region):
    user = UserFactory(verified=True)
    region.moderators = [RegionModerator(user=user)]
    region.save_revision()  # a draft only

    assert not region.permissions_for_user(fresh(user)).can_edit()


def test_team_changes_keep_the_other_members(region, moderator):
    second = UserFactory(verified=True)
    set_team(region, [moderator, second])

    assert set(team_group(region).user_set.all()) == {moderator, second}
    set_team(region, [second])
    assert list(team_group(region).user_set.all()) == [second]


def test_renaming_the_region_renames_its_group(region, moderator):
    region.title = "Neumarkt und Umgebung"
    region.save_revision().publish()

    group = team_group(region)
    assert group.name == f"Regionalmoderation #{region.pk}: Neumarkt und Umgebung"
    assert Group.objects.filter(name__startswith=f"Regionalmoderation #{region.pk}").count() == 1


def test_two_regions_with_the_same_title_get_distinct_groups(region_index):
    first = RegionPageFactory(parent=region_index, title="Gleich", slug="gleich-1")
    second = RegionPageFactory(parent=region_index, title="Gleich", slug="gleich-2")

    assert team_group(first) != team_group(second)


def test_deleting_the_region_deletes_its_group_and_rights(region, moderator):
    group_pk = team_group(region).pk

    Page.objects.get(pk=region.pk).delete()

    assert not Group.objects.filter(pk=group_pk).exists()
    assert not RegionTeam.objects.exists()
    assert not GroupPagePermission.objects.filter(group_id=group_pk).exists()
    assert not fresh(moderator).has_perm("wagtailadmin.access_admin")


def test_can_moderate_region(region, other_region, moderator):
    editor = UserFactory(editor=True)
    superuser = UserFactory(is_superuser=True)
    member = UserFactory(verified=True)

    assert can_moderate_region(moderator, region)
    assert not can_moderate_region(moderator, other_region)
    assert can_moderate_region(editor, other_region)
    assert can_moderate_region(superuser, region)
    assert not can_moderate_region(member, region)
    assert Group.objects.get(name=EDITORS) in editor.groups.all()


def test_moderated_regions_of_anonymous_and_plain_members_are_empty(region):
    from django.contrib.auth.models import AnonymousUser

    assert not moderated_regions(AnonymousUser()).exists()
    assert not moderated_regions(UserFactory(verified=True)).exists()
    assert RegionPage.objects.count() == 1


def test_moderators_get_no_snippet_rights(client, moderator):
    client.force_login(moderator)

    response = client.get(reverse("wagtailsnippets_regions_initiative:list"))

    assert response.status_code in (302, 403)
    assert not moderator.has_perm("regions.change_initiative")


def test_moderator_may_upload_and_choose_images_and_documents_but_not_change_others(moderator):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    import wagtail_factories

    someone_elses = {
        get_image_model(): wagtail_factories.ImageFactory(),
        get_document_model(): wagtail_factories.DocumentFactory(),
    }
    for model, item in someone_elses.items():
        policy = policy_registry.get_by_type(model)
        assert policy.user_has_permission(moderator, "add")
        assert policy.user_has_permission(moderator, "choose")
        assert not policy.user_has_permission_for_instance(moderator, "change", item)
        assert not policy.user_has_permission_for_instance(moderator, "delete", item)


def test_team_editor_names_people_by_public_name_never_by_username(client, region, moderator):
    UserFactory(verified=True, username="geheim.person", email="geheim.person@example.org", display_name="")
    client.force_login(
        UserFactory(editor=True)
    )  # only editors see the team (tests/regions/test_admin_scoping.py)

    html = client.get(edit_url(region)).content.decode()

    assert "Mo Deration (Nr. " in html
    assert "geheim.person" not in html
