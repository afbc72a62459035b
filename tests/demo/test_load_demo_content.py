"""The demo content is complete and loads twice without duplicates."""

import datetime as dt
from io import StringIO
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.test import Client

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Revision, Site

import pytest
from machina.apps.forum.models import Forum
from machina.apps.forum_permission.models import GroupForumPermission, UserForumPermission

from actions.models import ActionPage
from home.models import ContentPage, FieldOfAction, HomePage, Level
from hub_events.models import EventIndexPage, EventPage
from members.models import User
from news.models import NewsPage
from regions.models import Initiative, RegionPage

BERLIN = ZoneInfo("Europe/Berlin")


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": Image.objects.count(),
        "documents": Document.objects.count(),
        "initiatives": Initiative.objects.count(),
        "users": User.objects.count(),
        "sites": Site.objects.count(),
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
        for model in (Initiative, Image, Document, User, Forum, UserForumPermission, GroupForumPermission):
            model.objects.all().delete()


@pytest.mark.django_db
def test_loading_twice_changes_nothing(demo):
    first, second = demo
    assert first == second
    assert first["pages"] > 60


@pytest.mark.django_db
def test_home_page_is_the_site_root(demo):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(depth=2).exclude(pk=site.root_page.pk).exists()


@pytest.mark.django_db
def test_at_least_eight_regions_with_real_coordinates_in_germany(demo):
    regions = list(RegionPage.objects.live())
    assert len(regions) >= 8
    for region in regions:
        point = region.coordinates
        assert point, region.title
        assert 47.2 < point["lat"] < 55.1 and 5.8 < point["lng"] < 15.1, region.title


@pytest.mark.django_db
def test_action_pool_covers_fields_levels_and_sdgs(demo):
    actions = ActionPage.objects.live().prefetch_related("fields_of_action", "sdgs")
    assert actions.count() >= 30
    fields = {field.pk for action in actions for field in action.fields_of_action.all()}
    sdgs = {sdg.pk for action in actions for sdg in action.sdgs.all()}
    assert fields == set(FieldOfAction.objects.values_list("pk", flat=True))
    assert len(sdgs) >= 12
    assert {action.effort for action in actions} == set(Level.values)
    assert {action.impact for action in actions} == set(Level.values)


@pytest.mark.django_db
def test_regionallabor_has_its_seven_modules_as_in_the_programme(demo):
    series = EventIndexPage.objects.get(is_series=True)
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
    webinars = EventPage.objects.live().filter(kind="webinar")
    assert webinars.count() >= 4
    assert webinars.exclude(recording_url="").exists()
    assert NewsPage.objects.live().count() >= 6
    titles = set(ContentPage.objects.live().values_list("title", flat=True))
    assert "Handbuch" in titles
    assert any("Kurs" in title for title in titles)


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
    neumarkt = RegionPage.objects.get(slug="neumarkt-oberpfalz")

    client = Client()
    response = client.post(
        "/konto/login/", {"login": "moderation@mitmach-hub.example", "password": "mitmachen"}
    )
    assert response.status_code == 302
    assert client.get(f"/admin/pages/{neumarkt.pk}/edit/").status_code == 200
    other = RegionPage.objects.exclude(pk=neumarkt.pk).first()
    assert client.get(f"/admin/pages/{other.pk}/edit/").status_code == 302
