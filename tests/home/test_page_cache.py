"""The anonymous page cache: whole pages for visitors from the cache, never for members, never stale.

Each change a visitor would see on a page (publish, unpublish, move, delete, privacy, taxonomy, site settings,
initiatives, forum posts, member names) must drop the cached page at once. Across processes the same is shown by
``tests/production/test_page_cache.py`` against two gunicorn servers on one Redis.
"""

from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import RequestFactory

from wagtail.models import PageViewRestriction, Site

import pytest

from forum import structure
from home.models import FieldOfAction, SiteSettings
from regions.models import ApprovalStatus, RegionMembership
from tests.actions.factories import ActionPageFactory
from tests.forum.factories import make_topic
from tests.forum.helpers import forum_url
from tests.members.factories import UserFactory
from tests.news.factories import NewsPageFactory
from tests.regions.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def visit(client, url):
    """Two visits: the first renders and stores the page, the second must come from the cache."""
    first = client.get(url)
    assert first.status_code == 200, url
    assert first["X-Cache"] == "miss", url
    second = client.get(url)
    assert second["X-Cache"] == "hit", url
    return second


@pytest.fixture
def news_page(news_index):
    return NewsPageFactory(parent=news_index, title="Repair-Café öffnet", slug="repair-cafe")


def test_a_visitor_gets_the_page_from_the_cache_without_any_query(
    client, news_page, django_assert_num_queries
):
    first = visit(client, news_page.url)

    with django_assert_num_queries(0):
        again = client.get(news_page.url)

    assert again["X-Cache"] == "hit"
    assert again.content == first.content
    assert "Repair-Café öffnet" in again.text
    assert not again.cookies, "a cached page sets no cookie"
    assert "csrfmiddlewaretoken" not in again.text


def test_members_never_get_or_fill_the_cache(client, news_page):
    member = UserFactory(verified=True, username="renate", display_name="Renate Sonnig")
    visit(client, news_page.url)

    client.force_login(member)
    for _ in range(2):
        response = client.get(news_page.url)
        assert response.status_code == 200
        assert "X-Cache" not in response
        assert "Mein Profil" in response.text, "a member sees their own header, not the visitor's page"

    client.logout()
    response = client.get(news_page.url)
    assert response["X-Cache"] == "hit"
    assert "Mein Profil" not in response.text
    assert "Abmelden" not in response.text


def test_publishing_a_change_drops_the_page(client, news_page):
    visit(client, news_page.url)

    news_page.title = "Repair-Café öffnet am Samstag"
    news_page.save_revision().publish()

    response = client.get(news_page.url)
    assert response["X-Cache"] == "miss"
    assert "Repair-Café öffnet am Samstag" in response.text


def test_unpublishing_moving_and_deleting_drop_the_page(client, news_page, news_index, event_index):
    visit(client, news_index.url)
    news_page.unpublish()
    assert "Repair-Café öffnet" not in client.get(news_index.url).text
    assert client.get("/neuigkeiten/repair-cafe/").status_code == 404

    news_page.save_revision().publish()
    visit(client, news_page.url)
    news_page.move(event_index, pos="last-child")
    moved = client.get("/neuigkeiten/repair-cafe/")
    assert moved.status_code == 301, "Wagtail leaves a redirect to the new place"
    assert moved["Location"] == "/veranstaltungen/repair-cafe/"

    news_page.refresh_from_db()
    visit(client, news_page.url)
    news_page.delete()
    assert client.get("/veranstaltungen/repair-cafe/").status_code == 404


def test_a_page_made_private_is_no_longer_served_to_visitors(client, news_page):
    visit(client, news_page.url)

    PageViewRestriction.objects.create(page=news_page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(news_page.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_password_passed_by_one_visitor_is_not_cached_for_the_next(client, news_page):
    PageViewRestriction.objects.create(
        page=news_page, restriction_type=PageViewRestriction.PASSWORD, password="geheim-123"
    )
    form = client.get(news_page.url)
    assert form.status_code == 200
    assert "X-Cache" not in form, "the password form carries a CSRF token"
    action = f"/_util/authenticate_with_password/{news_page.get_view_restrictions()[0].pk}/{news_page.pk}/"
    client.post(action, {"password": "geheim-123", "return_url": news_page.url})
    for _ in range(2):
        inside = client.get(news_page.url)
        assert inside.status_code == 200
        assert "Repair-Café öffnet" in inside.text
        assert "X-Cache" not in inside

    stranger = client.__class__()
    response = stranger.get(news_page.url)
    assert "Repair-Café öffnet</h1>" not in response.text
    assert 'name="password"' in response.text


def test_renaming_a_field_of_action_drops_the_pages_that_show_it(client, action_index):
    field = FieldOfAction.objects.order_by("order").first()
    action = ActionPageFactory(parent=action_index, title="Lastenrad teilen", taxonomy__fields=[field])
    assert field.name in visit(client, action.url).text

    field.name = "Mobilität und Verkehr neu"
    field.save()

    response = client.get(action.url)
    assert response["X-Cache"] == "miss"
    assert "Mobilität und Verkehr neu" in response.text


def test_site_settings_show_at_once_in_the_footer(client, news_page):
    visit(client, news_page.url)

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.footer_text = "Neue Fußzeile der Redaktion"
    site_settings.save()

    assert "Neue Fußzeile der Redaktion" in client.get(news_page.url).text


def test_an_approved_initiative_appears_on_its_region_page(client, region):
    initiative = InitiativeFactory(region=region, name="Solidarische Landwirtschaft Neumarkt")
    assert initiative.name not in visit(client, region.url).text

    initiative.approval_status = ApprovalStatus.APPROVED
    initiative.save()

    assert initiative.name in client.get(region.url).text


def test_a_new_topic_and_a_renamed_poster_appear_in_the_forum(client, region):
    structure.ensure_structure()
    forum = structure.field_forum(FieldOfAction.objects.order_by("order", "name").first())
    poster = UserFactory(verified=True, username="karl", display_name="Karl Kompost")
    url = forum_url(forum)
    response = visit(client, url)
    assert not response.cookies, "visitors read the forums without a session"

    make_topic(forum, poster, subject="Saatgut tauschen im Frühjahr")
    response = client.get(url)
    assert "Saatgut tauschen im Frühjahr" in response.text
    assert "Karl Kompost" in response.text
    assert client.get(url)["X-Cache"] == "hit"

    poster.display_name = "Karla Kompost"
    poster.save()
    assert "Karla Kompost" in client.get(url).text


def test_a_message_is_shown_to_its_visitor_only(client, news_page):
    visit(client, news_page.url)
    request = RequestFactory().get("/")
    storage = CookieStorage(request)
    storage.add(messages.SUCCESS, "Danke, deine Anmeldung ist eingegangen.")
    response = client.get("/")  # any response to carry the cookie
    storage.update(response)
    client.cookies["messages"] = response.cookies["messages"].value

    own = client.get(news_page.url)
    assert "Danke, deine Anmeldung ist eingegangen." in own.text
    assert "X-Cache" not in own

    stranger = client.__class__()
    other = stranger.get(news_page.url)
    assert other["X-Cache"] == "hit"
    assert "Danke, deine Anmeldung" not in other.text


def test_pages_with_a_form_are_not_cached(client):
    response = client.get("/konto/login/")
    assert response.status_code == 200
    assert "X-Cache" not in response
    assert "csrftoken" in response.cookies


@pytest.mark.parametrize("url", ["/neuigkeiten/?seite=1&" + "x=1&" * 60, "/neuigkeiten/?q=%00"])
def test_long_or_bad_query_strings_are_not_cached(client, news_page, url):
    response = client.get(url)
    assert "X-Cache" not in response or response["X-Cache"] == "miss"
    assert client.get(url).get("X-Cache") != "hit"


def test_the_cache_can_be_turned_off(client, news_page, settings):
    settings.PAGE_CACHE_SECONDS = 0

    for _ in range(2):
        response = client.get(news_page.url)
        assert response.status_code == 200
        assert "X-Cache" not in response


def test_a_member_joining_changes_the_count_visitors_see(client, region):
    member = UserFactory(verified=True, show_on_map=False)
    assert "0 Mitglieder machen hier mit." in visit(client, region.url).text

    membership = RegionMembership.objects.create(user=member, region=region)
    assert "1 Mitglied macht hier mit." in client.get(region.url).text

    membership.delete()
    assert "0 Mitglieder machen hier mit." in client.get(region.url).text


def test_a_region_forum_closed_leaves_the_cached_forum_index(client, region):
    structure.ensure_structure()
    forum, _created = structure.ensure_region_forum(region)
    assert forum.name in visit(client, "/forum/").text

    # What unpublishing the region does after the page's own signal (forum.receivers).
    structure.close_region_forum(region)

    assert forum.name not in client.get("/forum/").text
