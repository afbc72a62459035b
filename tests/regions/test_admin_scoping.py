"""Moderators stay inside their region in the admin: region tags of events and news, and the region's team."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from hub_events.models import EventPage
from news.models import NewsPage
from regions.models import RegionModerator
from tests.helpers import fresh
from tests.members.factories import UserFactory
from tests.news.factories import NewsPageFactory
from tests.regions.helpers import set_team

pytestmark = pytest.mark.django_db


def add_url(app, model, parent):
    return reverse("wagtailadmin_pages:add", args=[app, model, parent.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def event_data(slug, *regions):
    data = nested_form_data(
        {
            "title": "Regionalgespräch",
            "slug": slug,
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
    data["regions"] = [region.pk for region in regions]
    return data


def news_data(slug, regions):
    data = nested_form_data(
        {
            "title": "Neues aus der Region",
            "slug": slug,
            "date": "2030-05-05",
            "intro": "Was sich getan hat.",
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )
    data["regions"] = [region.pk for region in regions]
    return data


def region_data(region, team):
    """The region's edit form; existing team rows keep their ids, new people get new rows."""
    rows = {row.user_id: row.pk for row in RegionModerator.objects.filter(region=region)}
    existing = [{"id": rows[user.pk], "user": user.pk, "role": ""} for user in team if user.pk in rows]
    new = [{"user": user.pk, "role": ""} for user in team if user.pk not in rows]
    return nested_form_data(
        {
            "title": region.title,
            "slug": region.slug,
            "area_description": region.area_description or "Gebiet",
            "status": region.status,
            "body": streamfield([]),
            "moderators": inline_formset(existing + new, initial=len(existing)),
            "action-publish": "publish",
        }
    )


# --- Item 1: region tags of events and news ---------------------------------------------------------------


def test_moderator_is_offered_only_their_own_regions_for_an_event(client, region, other_region, moderator):
    client.force_login(moderator)

    response = client.get(add_url("events", "eventpage", region))

    choices = set(response.context["form"].fields["regions"].queryset.values_list("pk", flat=True))
    assert choices == {region.pk}


def test_moderator_cannot_tag_an_event_with_another_region(client, region, other_region, moderator):
    client.force_login(moderator)

    response = client.post(add_url("events", "eventpage", region), event_data("fremd", other_region))

    assert response.status_code == 200
    assert "regions" in response.context["form"].errors
    assert not EventPage.objects.filter(slug="fremd").exists()


def test_moderator_tags_an_event_with_their_own_region(client, region, moderator):
    client.force_login(moderator)

    response = client.post(add_url("events", "eventpage", region), event_data("eigen", region))

    assert response.status_code == 302
    # Wagtail-localize gives the new page an English alias at once; both point to the German region.
    assert list(EventPage.objects.get(slug="eigen", locale__language_code="de").regions.all()) == [region]
    assert list(EventPage.objects.get(slug="eigen", locale__language_code="en").regions.all()) == [region]


def test_editor_may_tag_an_event_with_any_region(client, region, other_region):
    client.force_login(UserFactory(editor=True))

    response = client.post(add_url("events", "eventpage", region), event_data("redaktion", other_region))

    assert response.status_code == 302
    assert list(EventPage.objects.get(slug="redaktion", locale__language_code="de").regions.all()) == [
        other_region
    ]


def test_moderator_cannot_tag_news_with_another_region(client, region, other_region, moderator):
    client.force_login(moderator)
    url = add_url("news", "newspage", region)

    response = client.post(url, news_data("fremde-news", [region, other_region]))

    assert response.status_code == 200
    assert "regions" in response.context["form"].errors
    assert not NewsPage.objects.filter(slug="fremde-news").exists()

    assert client.post(url, news_data("eigene-news", [region])).status_code == 302
    assert list(NewsPage.objects.get(slug="eigene-news", locale__language_code="de").regions.all()) == [
        region
    ]


def test_editor_may_tag_news_with_any_region(client, region, other_region):
    client.force_login(UserFactory(editor=True))

    response = client.post(add_url("news", "newspage", region), news_data("alle", [region, other_region]))

    assert response.status_code == 302
    assert set(NewsPage.objects.get(slug="alle", locale__language_code="de").regions.all()) == {
        region,
        other_region,
    }


def test_moderator_may_untick_another_region_on_their_news(
    client, news_index, region, other_region, moderator
):
    """News keep their old rule: tagging news gives no rights, so the regions a page has stay choices."""
    news = NewsPageFactory(parent=region, slug="beide")
    news.regions.set([region, other_region])
    news.save()
    client.force_login(moderator)

    form = client.get(edit_url(news)).context["form"]
    assert set(form.fields["regions"].queryset) == {region, other_region}

    response = client.post(edit_url(news), news_data("beide", [region]))

    assert response.status_code == 302
    assert list(NewsPage.objects.get(pk=news.pk).regions.all()) == [region]


def test_a_moderator_keeps_another_regions_tag_on_an_event(client, region, other_region, moderator):
    """Events differ from news: another region's tag gives its team rights, so it stays (not offered)."""
    client.force_login(moderator)
    client.post(add_url("events", "eventpage", region), event_data("geteilt", region))
    event = EventPage.objects.get(slug="geteilt", locale__language_code="de")
    event.regions = [region, other_region]
    event.save_revision().publish()

    response = client.post(edit_url(event), event_data("geteilt", region))

    assert response.status_code == 302
    assert set(EventPage.objects.get(pk=event.pk).regions.all()) == {region, other_region}


# --- Item 2: the region's team is the editors' call -------------------------------------------------------


def test_moderators_edit_form_has_no_team_panel(client, region, moderator):
    client.force_login(moderator)

    response = client.get(edit_url(region))

    assert response.status_code == 200
    assert "moderators" not in response.context["form"].formsets
    assert "Team der Regionalmoderator:innen" not in response.content.decode()


def test_moderator_posting_team_changes_has_no_effect(client, region, moderator):
    outsider = UserFactory(verified=True, display_name="Außen Stehend")
    client.force_login(moderator)

    response = client.post(edit_url(region), region_data(region, [outsider]))

    assert response.status_code == 302
    region.refresh_from_db()
    assert list(RegionModerator.objects.filter(region=region).values_list("user_id", flat=True)) == [
        moderator.pk
    ]
    assert not fresh(outsider).has_perm("wagtailadmin.access_admin")


def test_editor_changes_the_team(client, region, moderator):
    newcomer = UserFactory(verified=True, display_name="Neu Dabei")
    client.force_login(UserFactory(editor=True))

    response = client.get(edit_url(region))
    assert "moderators" in response.context["form"].formsets
    assert "Team der Regionalmoderator:innen" in response.content.decode()

    response = client.post(edit_url(region), region_data(region, [moderator, newcomer]))

    assert response.status_code == 302
    team = set(RegionModerator.objects.filter(region=region).values_list("user_id", flat=True))
    assert team == {moderator.pk, newcomer.pk}
    assert fresh(newcomer).has_perm("wagtailadmin.access_admin")


def test_team_can_only_be_chosen_from_verified_members(client, region):
    unverified = UserFactory(unverified=True, display_name="Noch Unbestätigt")
    client.force_login(UserFactory(editor=True))

    response = client.get(edit_url(region))
    formset = response.context["form"].formsets["moderators"]
    assert unverified.pk not in set(formset.empty_form.fields["user"].queryset.values_list("pk", flat=True))

    response = client.post(edit_url(region), region_data(region, [unverified]))

    assert response.status_code == 200
    assert not RegionModerator.objects.filter(user=unverified).exists()


def test_team_set_by_editors_survives_a_moderators_edit(client, region, moderator):
    colleague = UserFactory(verified=True, display_name="Ko Llegin")
    set_team(region, [moderator, colleague])
    client.force_login(fresh(moderator))

    response = client.post(edit_url(region), region_data(region, [moderator]))

    assert response.status_code == 302
    team = set(RegionModerator.objects.filter(region=region).values_list("user_id", flat=True))
    assert team == {moderator.pk, colleague.pk}
