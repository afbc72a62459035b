"""The demo content is complete and loads twice without duplicates."""

import datetime as dt
from io import StringIO
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.db.models import Exists, OuterRef
from django.test import Client
from django.utils.html import escape

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import String, StringSegment, StringTranslation, TranslatableObject, Translation

import pytest
from machina.apps.forum.models import Forum
from machina.apps.forum_permission.models import GroupForumPermission, UserForumPermission

from actions.models import ActionPage
from demo.data import english as english_data
from demo.data import site as site_data
from event_registrations.models import Question, RegistrationSettings
from home.models import ContentPage, FieldOfAction, HomePage, Level
from hub_events.models import EventIndexPage, EventPage
from members.models import User
from news.models import NewsPage
from notifications.models import Item
from regions.models import Initiative, RegionPage
from working_groups.models import Membership, ProgressReport, WorkingGroup

BERLIN = ZoneInfo("Europe/Berlin")


def snapshot():
    return {
        "German pages": Page.objects.filter(locale__language_code="de", depth__gt=1).count(),
        "English pages": Page.objects.filter(locale__language_code="en").count(),
        "English translations": Page.objects.filter(
            locale__language_code="en", alias_of__isnull=True
        ).count(),
        "translated strings": StringTranslation.objects.count(),
        "redirects": Redirect.objects.count(),
        "revisions": Revision.objects.count(),
        "images": Image.objects.count(),
        "documents": Document.objects.count(),
        "initiatives": Initiative.objects.count(),
        "users": User.objects.count(),
        "sites": Site.objects.count(),
        "working groups": WorkingGroup.objects.count(),
        "group memberships": Membership.objects.count(),
        "progress reports": ProgressReport.objects.count(),
        "registration settings": RegistrationSettings.objects.count(),
        "registration questions": Question.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load the demo once for this module (it is the slow part), twice to prove idempotence."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=StringIO())
        first = snapshot()
        call_command("load_demo_content", stdout=StringIO())
        second = snapshot()
        yield first, second
        Page.objects.filter(depth__gt=1).delete()
        # The forums too (with their topics and grants): tests/forum, which runs after this module, builds its own.
        # And what wagtail-localize and Wagtail's redirects kept of the English pages.
        for model in (
            WorkingGroup,
            Initiative,
            Image,
            Document,
            User,
            Forum,
            UserForumPermission,
            GroupForumPermission,
            TranslatableObject,
            String,
            Redirect,
            Item,
        ):
            model.objects.all().delete()


@pytest.mark.django_db
def test_loading_twice_changes_nothing(demo):
    first, second = demo
    assert first == second
    assert first["German pages"] > 60
    # Every German page has its English counterpart: a translation or an alias.
    assert first["English pages"] == first["German pages"]
    assert first["English translations"] == len(english_data.PAGES)


@pytest.mark.django_db
def test_a_network_group_and_a_regional_initiative_circle_with_contact_report_and_date(demo, client):
    network = WorkingGroup.objects.get(region=None, kind="working_group")
    circle = WorkingGroup.objects.get(region__slug="neumarkt-oberpfalz", kind="initiative_circle")
    for group in (network, circle):
        assert Membership.objects.contacts().filter(group=group).exists()
        assert Membership.objects.members().filter(group=group).count() >= 2
        assert group.reports.exists() and group.event_links.exists()
        assert client.get(group.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_home_page_is_the_site_root(demo):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    # The only other page below the root is the English home page.
    top = Page.objects.filter(depth=2)
    assert {page.translation_key for page in top} == {site.root_page.translation_key}
    assert {page.locale.language_code for page in top} == {"de", "en"}


@pytest.mark.django_db
def test_at_least_eight_regions_with_real_coordinates_in_germany(demo):
    regions = list(RegionPage.objects.live().filter(locale__language_code="de"))
    assert len(regions) >= 8
    for region in regions:
        point = region.coordinates
        assert point, region.title
        assert 47.2 < point["lat"] < 55.1 and 5.8 < point["lng"] < 15.1, region.title


@pytest.mark.django_db
def test_action_pool_covers_fields_levels_and_sdgs(demo):
    actions = (
        ActionPage.objects.live()
        .filter(locale__language_code="de")
        .prefetch_related("fields_of_action", "sdgs")
    )
    assert actions.count() >= 30
    fields = {field.pk for action in actions for field in action.fields_of_action.all()}
    sdgs = {sdg.pk for action in actions for sdg in action.sdgs.all()}
    assert fields == set(FieldOfAction.objects.values_list("pk", flat=True))
    assert len(sdgs) >= 12
    assert {action.effort for action in actions} == set(Level.values)
    assert {action.impact for action in actions} == set(Level.values)


@pytest.mark.django_db
def test_regionallabor_has_its_seven_modules_as_in_the_programme(demo):
    series = EventIndexPage.objects.get(is_series=True, locale__language_code="de")
    modules = list(EventPage.objects.child_of(series).order_by("module_number"))
    assert [module.module_number for module in modules] == list(range(7))
    first = modules[0]
    assert first.start == dt.datetime(2024, 10, 1, 18, 0, tzinfo=BERLIN)
    assert first.end == dt.datetime(2024, 10, 1, 20, 0, tzinfo=BERLIN)
    live = modules[4]
    assert live.format == "live"
    assert live.start.astimezone(BERLIN).date() == dt.date(2025, 1, 25)
    assert live.end.astimezone(BERLIN).date() == dt.date(2025, 1, 26)
    online = [module for module in modules if module.module_number != 4]
    assert all(module.format == "online" for module in online)
    assert all(module.end - module.start == dt.timedelta(hours=2) for module in online)
    assert [module.start.astimezone(BERLIN).month for module in modules] == [10, 10, 11, 12, 1, 2, 3]


@pytest.mark.django_db
def test_webinars_news_and_handbook_exist(demo):
    webinars = EventPage.objects.live().filter(kind="webinar", locale__language_code="de")
    assert webinars.count() >= 4
    assert webinars.exclude(recording_url="").exists()
    assert NewsPage.objects.live().filter(locale__language_code="de").count() >= 6
    titles = set(
        ContentPage.objects.live().filter(locale__language_code="de").values_list("title", flat=True)
    )
    assert "Handbuch" in titles
    assert any("Kurs" in title for title in titles)


@pytest.mark.django_db
def test_two_events_take_registrations_in_the_hub(demo):
    webinar = RegistrationSettings.objects.get(event__slug="webinar-gemeinwohl-oekonomie")
    assert webinar.enabled and webinar.capacity and webinar.meeting_url
    conference = RegistrationSettings.objects.get(event__slug="mitmach-konferenz-muensterland")
    assert conference.event.format == "live"
    assert conference.questions.filter(kind="choice", required=True).exists()
    page = Client().get(webinar.event.url).content.decode()
    assert 'id="anmeldung"' in page
    assert webinar.meeting_url not in page


@pytest.mark.django_db
def test_no_admin_user_outside_development(demo):
    assert not User.objects.filter(is_superuser=True).exists()


@pytest.mark.django_db
def test_every_demo_page_renders(demo):
    client = Client()
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url


@pytest.mark.django_db
def test_development_demo_logins_work_on_the_site_and_in_the_admin(demo, settings):
    settings.DEBUG = True
    call_command("load_demo_content", stdout=StringIO())
    neumarkt = RegionPage.objects.get(slug="neumarkt-oberpfalz", locale__language_code="de")

    client = Client()
    response = client.post(
        "/konto/login/", {"login": "moderation@mitmach-hub.example", "password": "mitmachen"}
    )
    assert response.status_code == 302
    assert client.get(f"/admin/pages/{neumarkt.pk}/edit/").status_code == 200
    other = RegionPage.objects.filter(locale__language_code="de").exclude(pk=neumarkt.pk).first()
    assert client.get(f"/admin/pages/{other.pk}/edit/").status_code == 302


# --- the English demo -----------------------------------------------------------------------------


def german_page(path):
    return Page.objects.get(
        url_path=f"/{site_data.HOME['slug']}/{path}/" if path else f"/{site_data.HOME['slug']}/"
    )


def translated_pages():
    """``(German page, its English counterpart, the English data)`` for every page the demo translates."""
    english = Locale.objects.get(language_code="en")
    for path, _german_data, data in english_data.PAGES:
        german = german_page(path).specific
        yield german, german.get_translation(english).specific, data


@pytest.mark.django_db
def test_translated_pages_are_live_wagtail_localize_translations_in_english(demo):
    client = Client()
    for german, english, data in translated_pages():
        assert english.alias_of_id is None, english.url_path
        assert english.live and not english.has_unpublished_changes, english.url_path
        assert english.title == data["title"]
        assert english.seo_title == data.get("seo_title", "")
        # Editors see it as a translation of the German page, kept by wagtail-localize.
        translation = Translation.objects.get(
            source__object_id=german.translation_key, target_locale__language_code="en"
        )
        assert translation.enabled and translation.source.locale.language_code == "de"

        response = client.get(english.url)
        assert response.status_code == 200, english.url
        html = response.content.decode()
        assert '<html lang="en">' in html
        assert "has not been translated into English" not in html
        # The window title: the SEO title where there is one (the home page), else the title.
        assert escape(english.seo_title or english.title) in html


@pytest.mark.django_db
def test_translated_pages_keep_no_german_string(demo):
    for german, english, _data in translated_pages():
        segments = StringSegment.objects.filter(source__object_id=german.translation_key)
        english_string = StringTranslation.objects.filter(
            translation_of=OuterRef("string"), context=OuterRef("context"), locale__language_code="en"
        )
        untranslated = segments.exclude(Exists(english_string))
        assert segments.exists()
        assert not untranslated.exists(), (
            english.url_path,
            [segment.string.data for segment in untranslated],
        )


@pytest.mark.django_db
def test_english_urls_use_english_slugs(demo):
    client = Client()
    expected = {
        "/en/": "Changing your own region, together",
        "/en/about-us/": "About us",
        "/en/handbook/the-decision/": "Why a Mitmach conference?",
        "/en/actions/community-garden/": "Start a community garden",
        "/en/events/webinar-action-pool/": "Webinar: Using the action pool",
        "/en/news/lusatia-starts/": "A new Mitmach region is forming: Lusatia",
    }
    for url, text in expected.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url


@pytest.mark.django_db
def test_german_pages_are_unchanged(demo):
    client = Client()
    for german, _english, _data in translated_pages():
        assert german.locale.language_code == "de"
        assert german.alias_of_id is None
        response = client.get(german.url)
        assert response.status_code == 200, german.url
        html = response.content.decode()
        assert '<html lang="de">' in html
        assert escape(german.seo_title or german.title) in html
    about = german_page("ueber-uns")
    assert (about.title, about.url) == ("Über uns", "/ueber-uns/")
    garden = german_page("aktionen/gemeinschaftsgarten").specific
    assert garden.title == "Gemeinschaftsgarten anlegen"
    assert "Gemeinschaftsgärten" in str(garden.body)


@pytest.mark.django_db
def test_the_english_community_garden_action_speaks_of_gardens(demo):
    english = Locale.objects.get(language_code="en")
    garden = german_page("aktionen/gemeinschaftsgarten").get_translation(english).specific
    assert "garden" in garden.title.lower()
    assert "garden" in str(garden.body).lower()


@pytest.mark.django_db
def test_untranslated_pages_stay_aliases_shown_in_german(demo):
    translated = {german.translation_key for german, _english, _data in translated_pages()}
    aliases = Page.objects.filter(locale__language_code="en").exclude(translation_key__in=translated)
    assert aliases.exists()
    assert not aliases.filter(alias_of__isnull=True).exists()

    response = Client().get("/en/regions/bergisches-land/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "This page has not been translated into English yet" in html
    assert "Vier Großstädte" in html


@pytest.mark.django_db
def test_bergisches_land_covers_four_large_cities_and_two_districts(demo):
    region = RegionPage.objects.get(slug="bergisches-land", locale__language_code="de")
    for place in ("Wuppertal", "Solingen", "Remscheid", "Leverkusen", "Rheinisch-Bergische", "Oberbergische"):
        assert place in region.area_description
    assert region.summary.startswith("Vier Großstädte, zwei Landkreise")


@pytest.mark.django_db
def test_english_home_page_calls_to_action_lead_to_english_pages(demo):
    html = Client().get("/en/").content.decode()
    main = html[html.index("<main") :]
    for url in ("/en/regions/", "/en/actions/", "/en/begleitprogramm/"):
        assert f'href="{url}"' in main, url
    assert 'href="/regionen/"' not in main


@pytest.mark.django_db
def test_the_programme_page_home_page_and_map_lead_to_the_application_page(demo):
    for url in ("/begleitprogramm/", "/", "/regionen/"):
        html = Client().get(url).content.decode()
        assert 'href="/region-starten/"' in html, url
    english = Client().get("/en/regions/").content.decode()
    assert 'href="/en/region-starten/"' in english


@pytest.mark.django_db
def test_the_office_hours_are_one_weekly_event_with_one_skipped_date(demo):
    office_hours = EventPage.objects.live().filter(kind="office_hours", locale__language_code="de")

    assert [event.slug for event in office_hours] == ["sprechstunde"]
    event = office_hours.get()
    assert event.repeat == "weekly"
    assert len(event.repeat_exceptions) == 1
    assert len(event.occurrences()) == event.repeat_count - 1
    assert not event.is_past
    assert event.dates.count() == event.repeat_count - 1
    assert not Page.objects.filter(slug__startswith="sprechstunde-").exists()
