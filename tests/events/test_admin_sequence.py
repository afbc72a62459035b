"""The iCal SEQUENCE through the real admin edit view: "Save draft" keeps it, "Publish" counts a change."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.urls import reverse

import pytest

from hub_events.models import EventPage
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.events.helpers import form_data
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def editor(client):
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


@pytest.fixture
def event(event_index):
    page = EventPageFactory(
        parent=event_index,
        title="Webinar Energie",
        slug="webinar-energie",
        start=dt.datetime(2031, 3, 5, 18, 0, tzinfo=BERLIN),
        end=dt.datetime(2031, 3, 5, 20, 0, tzinfo=BERLIN),
    )
    page.save_revision().publish()
    return page


def post(client, event, action, **changes):
    data = form_data(event, **changes)
    if action == "publish":
        data["action-publish"] = "action-publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[event.pk]), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return EventPage.objects.get(pk=event.pk)


def test_save_draft_then_publish(client, editor, event):
    draft = post(client, event, "draft", start="2031-03-05 19:00", end="2031-03-05 21:00")

    assert draft.ical_sequence == 0
    assert draft.start == dt.datetime(2031, 3, 5, 18, 0, tzinfo=BERLIN)  # the live page is untouched
    assert draft.has_unpublished_changes

    published = post(client, event, "publish", start="2031-03-05 19:00", end="2031-03-05 21:00")

    assert published.ical_sequence == 1
    assert published.start == dt.datetime(2031, 3, 5, 19, 0, tzinfo=BERLIN)


def test_publishing_without_a_relevant_change_keeps_the_sequence(client, editor, event):
    assert post(client, event, "publish", seo_title="Webinar zur Energiewende").ical_sequence == 0
    assert post(client, event, "publish", summary="Neu erklärt.").ical_sequence == 1
    assert post(client, event, "publish", title="Webinar Energie und Verkehr").ical_sequence == 2


def test_previews_render(event_index, event):
    lab = EventIndexPageFactory(parent=event_index, title="Regionallabor", is_series=True)

    for page in (event_index, lab, EventPage.objects.get(pk=event.pk)):
        response = page.make_preview_request()
        assert response.status_code == 200, page
