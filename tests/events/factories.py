"""Events: the event index and event pages (a two-hour online webinar unless told)."""

import datetime as dt
from zoneinfo import ZoneInfo

import factory
import wagtail_factories

from hub_events.models import EventFormat, EventIndexPage, EventKind, EventPage

BERLIN = ZoneInfo("Europe/Berlin")


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Veranstaltungen"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Webinar {n}")
    summary = "Ein Webinar für alle Regionen."
    kind = EventKind.WEBINAR
    format = EventFormat.ONLINE
    start = factory.LazyFunction(lambda: dt.datetime(2030, 3, 5, 18, 0, tzinfo=BERLIN))
    end = factory.LazyAttribute(lambda event: event.start + dt.timedelta(hours=2))

    class Meta:
        model = EventPage
