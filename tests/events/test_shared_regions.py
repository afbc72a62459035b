"""An event of several regions: each region shows it once, and the moderators of each may edit it.

The event lives below the first region's page; the second region's team gets its rights on the event through
``EventPage.permissions_for_user`` (``hub_events.permissions``) — change and publish only —, a third region's
team gets none.
"""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from hub_events.models import EventPage
from tests.api.test_write_tokens import patch, token_client
from tests.events.factories import EventPageFactory
from tests.helpers import english_tree, fresh, translate
from tests.members.factories import UserFactory
from tests.regions.factories import RegionPageFactory
from tests.regions.helpers import set_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def third_region(region_index):
    return RegionPageFactory(parent=region_index, title="Lausitz", slug="lausitz")


@pytest.fixture
def shared(make_event, region, other_region):
    """A regional meeting of Neumarkt and Wendland, below Neumarkt's page."""
    return make_event(title="Regionalgespräch", parent=region, regions=[region, other_region])


def team_of(region, name):
    user = UserFactory(verified=True, display_name=name)
    set_team(region, [user])
    return fresh(user)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def edit_data(event, regions, title="Regionalgespräch", publish=True):
    data = nested_form_data(
        {
            "title": title,
            "slug": event.slug,
            "summary": event.summary,
            "kind": event.kind,
            "format": event.format,
            "start": event.start.astimezone().strftime("%Y-%m-%d %H:%M"),
            "end": event.end.astimezone().strftime("%Y-%m-%d %H:%M"),
            "body": streamfield([]),
            "materials": inline_formset([]),
            "speakers": inline_formset([]),
        }
    )
    if publish:
        data["action-publish"] = "publish"
    data["regions"] = [region.pk for region in regions]
    return data


def saved_regions(event):
    return set(EventPage.objects.get(pk=event.pk).regions.all())


# --- lists, feeds and the API: once per region ----------------------------------------------------------


def titles(response):
    return [event.title for event in response.context["upcoming_events"]]


def test_the_filter_shows_the_event_in_each_of_its_regions_once(client, event_index, shared):
    assert titles(client.get(event_index.url, {"region": "neumarkt"})) == ["Regionalgespräch"]
    assert titles(client.get(event_index.url, {"region": "wendland"})) == ["Regionalgespräch"]
    both = client.get(event_index.url, {"region": ["neumarkt", "wendland"]})
    assert titles(both) == ["Regionalgespräch"]


def test_the_card_names_every_region(client, event_index, shared, region, other_region):
    html = client.get(event_index.url).content.decode()

    assert f'href="{region.url}"' in html
    assert f'href="{other_region.url}"' in html


def test_each_regions_calendar_carries_the_event_once(client, event_index, shared):
    for slug in ("neumarkt", "wendland"):
        content = client.get(f"{event_index.url}kalender/region/{slug}/").content.decode()
        assert content.count("SUMMARY:Regionalgespräch") == 1, slug


def test_the_api_lists_the_event_once_with_all_its_regions(client, shared, region, other_region):
    answer = client.get("/api/v3/events/", {"region": ["neumarkt", "wendland"]}).json()

    assert answer["count"] == 1
    [item] = answer["results"]
    # By title: Neumarkt before Wendland; the deprecated ``region`` is the first of them.
    assert [entry["id"] for entry in item["regions"]] == [region.pk, other_region.pk]
    assert item["region"]["id"] == region.pk


def test_the_pages_api_has_regions_and_the_deprecated_region(client, shared, region, other_region):
    answer = client.get(f"/api/v3/pages/{shared.pk}/").json()

    assert [entry["id"] for entry in answer["regions"]] == sorted([region.pk, other_region.pk])
    assert answer["region"] is not None


def test_both_region_pages_show_the_event(client, shared, region, other_region):
    for page in (region, other_region):
        response = client.get(page.url)
        assert [event.title for event in response.context["upcoming_events"]] == ["Regionalgespräch"]


def test_the_event_page_names_both_regions(client, shared, region, other_region):
    html = client.get(shared.url).content.decode()

    assert f'<a href="{region.url}">Neumarkt in der Oberpfalz</a>' in html
    assert f'<a href="{other_region.url}">Wendland</a>' in html


# --- who may edit ------------------------------------------------------------------------------------------


def test_the_second_regions_moderator_edits_and_publishes_the_shared_event(
    client, shared, region, other_region
):
    client.force_login(team_of(other_region, "Wendy Land"))

    assert client.get(edit_url(shared)).status_code == 200
    response = client.post(edit_url(shared), edit_data(shared, [other_region], title="Regionalgespräch neu"))

    assert response.status_code == 302
    event = EventPage.objects.get(pk=shared.pk)
    assert (event.title, event.live, event.has_unpublished_changes) == ("Regionalgespräch neu", True, False)
    # Neumarkt was not theirs to remove: it stays.
    assert saved_regions(shared) == {region, other_region}


def test_the_second_regions_moderator_sees_the_actions_of_the_event(shared, other_region):
    permissions = shared.permissions_for_user(team_of(other_region, "Wendy Land"))

    assert permissions.can_edit()
    assert permissions.can_publish()
    # Deleting or moving it would take it from every region: that stays with the home region's team, as do
    # locking, unpublishing, privacy, unscheduling and copying (tested below through the admin's views).
    assert not permissions.can_lock()
    assert not permissions.can_delete()
    assert not permissions.can_move()


def test_a_third_regions_moderator_cannot_edit_the_shared_event(client, shared, third_region):
    client.force_login(team_of(third_region, "Lau Sitz"))

    assert not shared.permissions_for_user(fresh(third_region.moderators.first().user)).can_edit()
    response = client.get(edit_url(shared))
    assert response.status_code in (302, 403)
    response = client.post(edit_url(shared), edit_data(shared, [third_region], title="Übernommen"))
    assert response.status_code in (302, 403)
    assert EventPage.objects.get(pk=shared.pk).title == "Regionalgespräch"
    assert third_region not in saved_regions(shared)


def test_a_moderator_cannot_add_a_region_that_is_not_theirs(
    client, shared, region, other_region, third_region
):
    client.force_login(team_of(other_region, "Wendy Land"))

    response = client.post(edit_url(shared), edit_data(shared, [region, other_region, third_region]))

    assert response.status_code == 200
    assert "regions" in response.context["form"].errors
    assert saved_regions(shared) == {region, other_region}


def test_a_moderator_is_offered_only_their_regions_and_told_which_stay(client, shared, region, other_region):
    client.force_login(team_of(other_region, "Wendy Land"))

    form = client.get(edit_url(shared)).context["form"]

    assert set(form.fields["regions"].queryset) == {other_region}
    assert "Neumarkt in der Oberpfalz" in str(form.fields["regions"].help_text)


def test_a_draft_tag_gives_no_rights_until_it_is_published(client, make_event, region, other_region, editor):
    event = make_event(title="Nur Neumarkt", parent=region, regions=[region])
    wendland_team = team_of(other_region, "Wendy Land")
    event.regions = [region, other_region]
    event.save_revision(user=editor)  # a draft: not live yet

    assert not EventPage.objects.get(pk=event.pk).permissions_for_user(wendland_team).can_edit()
    event.get_latest_revision().publish()
    assert EventPage.objects.get(pk=event.pk).permissions_for_user(wendland_team).can_edit()


def test_the_moderator_of_the_home_region_still_edits_after_the_other_team_changed_it(
    client, shared, region, other_region, moderator
):
    client.force_login(team_of(other_region, "Wendy Land"))
    client.post(edit_url(shared), edit_data(shared, [other_region], title="Geändert"))

    client.force_login(moderator)
    response = client.post(edit_url(shared), edit_data(shared, [region], title="Zurück"))

    assert response.status_code == 302
    assert EventPage.objects.get(pk=shared.pk).title == "Zurück"
    # Wendland is not Neumarkt's team's to remove either.
    assert saved_regions(shared) == {region, other_region}


def test_an_editor_may_set_any_regions(client, shared, region, third_region, editor):
    client.force_login(editor)

    response = client.post(edit_url(shared), edit_data(shared, [third_region]))

    assert response.status_code == 302
    assert saved_regions(shared) == {third_region}


def test_the_write_api_lets_the_second_team_patch_the_shared_event(client, shared, region, other_region):
    response = patch(
        token_client(team_of(other_region, "Wendy Land")),
        shared,
        {"meta": {"type": "events.EventPage"}, "title": "Per API", "regions": [other_region.pk]},
    )

    assert response.status_code == 200, response.content
    assert EventPage.objects.get(pk=shared.pk).get_latest_revision_as_object().title == "Per API"
    assert set(EventPage.objects.get(pk=shared.pk).get_latest_revision_as_object().regions.all()) == {
        region,
        other_region,
    }


def test_the_write_api_refuses_a_third_team(client, shared, third_region):
    response = patch(
        token_client(team_of(third_region, "Lau Sitz")),
        shared,
        {"meta": {"type": "events.EventPage"}, "title": "Per API"},
    )

    assert 400 <= response.status_code < 500
    assert EventPage.objects.get(pk=shared.pk).get_latest_revision_as_object().title == "Regionalgespräch"


def test_events_of_one_region_stay_the_teams_only(shared, region, third_region):
    lonely = EventPageFactory(parent=region, title="Nur hier", regions=[region])

    assert not lonely.permissions_for_user(team_of(third_region, "Lau Sitz")).can_edit()


# --- what stays with the home region's team: copy, unpublish, privacy, unscheduling, locking ----------------


def test_the_second_team_may_not_copy_the_shared_event(client, shared, region, other_region, moderator):
    """A copy keeps its regions: a live copy by Wendland's team would be a Neumarkt event Neumarkt never saw."""
    wendland_team = team_of(other_region, "Wendy Land")
    client.force_login(wendland_team)

    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[shared.pk]),
        {
            "new_title": "Kopie",
            "new_slug": "kopie",
            "new_parent_page": other_region.pk,
            "publish_copies": "on",
        },
    )

    assert response.status_code in (302, 403)
    assert not EventPage.objects.filter(slug="kopie").exists()
    permissions = shared.permissions_for_user(wendland_team)
    assert not permissions.can_copy()
    assert not permissions.can_copy_to(other_region)
    # The home region's team still copies its event.
    assert shared.permissions_for_user(moderator).can_copy_to(region)


def test_the_second_team_may_not_unpublish_the_shared_event(client, shared, other_region):
    client.force_login(team_of(other_region, "Wendy Land"))

    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[shared.pk]))

    assert response.status_code in (302, 403)
    assert EventPage.objects.get(pk=shared.pk).live


def test_the_second_team_may_not_make_the_shared_event_private(client, shared, other_region):
    client.force_login(team_of(other_region, "Wendy Land"))

    response = client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[shared.pk]), {"restriction_type": "login"}
    )

    assert response.status_code in (302, 403)
    assert not PageViewRestriction.objects.filter(page_id=shared.pk).exists()


def test_the_second_team_may_not_unschedule_a_revision_of_the_shared_event(
    client, shared, other_region, editor
):
    shared.title = "Später"
    revision = shared.save_revision(user=editor, approved_go_live_at=timezone.now() + dt.timedelta(days=3))
    client.force_login(team_of(other_region, "Wendy Land"))

    response = client.post(reverse("wagtailadmin_pages:revisions_unschedule", args=[shared.pk, revision.pk]))

    assert response.status_code in (302, 403)
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None


def test_the_second_team_may_not_lock_the_shared_event(client, shared, other_region):
    wendland_team = team_of(other_region, "Wendy Land")
    client.force_login(wendland_team)

    response = client.post(reverse("wagtailadmin_pages:lock", args=[shared.pk]))

    assert response.status_code in (302, 403)
    assert not EventPage.objects.get(pk=shared.pk).locked
    assert not shared.permissions_for_user(wendland_team).can_lock()


def test_the_home_team_keeps_every_action(shared, moderator):
    permissions = shared.permissions_for_user(moderator)

    assert permissions.can_unpublish()
    assert permissions.can_set_view_restrictions()
    assert permissions.can_unschedule()
    assert permissions.can_lock()


# --- the admin's listing: a fixed number of queries ---------------------------------------------------------


def explorer_queries(client, page):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("wagtailadmin_explore", args=[page.pk]))
    assert response.status_code == 200
    return len(queries)


def test_the_admin_listing_of_a_region_does_not_grow_with_its_shared_events(
    client, make_event, region, other_region, moderator
):
    for number in range(2):
        make_event(title=f"Treffen {number}", parent=region, regions=[region, other_region])
    client.force_login(moderator)
    explorer_queries(client, region)  # the session and caches warm
    few = explorer_queries(client, region)

    for number in range(2, 12):
        make_event(title=f"Treffen {number}", parent=region, regions=[region, other_region])

    assert explorer_queries(client, region) <= few


def test_the_second_team_asks_the_region_paths_once_per_page(shared, other_region, django_assert_num_queries):
    wendland_team = team_of(other_region, "Wendy Land")
    shared.permissions_for_user(wendland_team).can_edit()  # the user's permissions and the paths: cached

    with django_assert_num_queries(0):
        for _ in range(5):
            permissions = shared.permissions_for_user(wendland_team)
            assert permissions.can_edit() and permissions.can_publish()


# --- shown regions: live and public only, one order in both APIs ------------------------------------------


def test_an_unpublished_or_private_region_is_not_shown(
    client, make_event, region, other_region, third_region
):
    shared = make_event(title="Dreiländertreffen", regions=[region, other_region, third_region])
    other_region.unpublish()
    PageViewRestriction.objects.create(page=region, restriction_type=PageViewRestriction.LOGIN)

    [item] = client.get("/api/v3/events/").json()["results"]
    assert [entry["id"] for entry in item["regions"]] == [third_region.pk]
    assert item["region"]["id"] == third_region.pk
    assert client.get(f"/api/v3/pages/{shared.pk}/").json()["region"]["id"] == third_region.pk
    html = client.get(shared.url).content.decode()
    assert 'href="/regionen/lausitz/"' in html
    assert 'href="/regionen/wendland/"' not in html
    assert 'href="/regionen/neumarkt/"' not in html


def test_both_apis_name_the_same_first_region_in_english(client, shared, region, other_region):
    """By the German title: Neumarkt before Wendland, also where Neumarkt's English title sorts after."""
    english_tree()
    translate(region, title="Zukunftsregion Neumarkt")

    [item] = client.get("/api/v3/events/", {"locale": "en"}).json()["results"]
    assert [entry["title"] for entry in item["regions"]] == ["Zukunftsregion Neumarkt", "Wendland"]
    assert item["region"]["title"] == "Zukunftsregion Neumarkt"
    alias = shared.get_translation(Locale.objects.get(language_code="en"))
    assert client.get(f"/api/v3/pages/{alias.pk}/").json()["region"]["id"] == region.pk
    html = client.get(alias.url).content.decode()
    assert html.index("Zukunftsregion Neumarkt") < html.index(">Wendland<")
