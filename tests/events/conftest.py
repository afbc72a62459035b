"""Fixtures for the event tests: events placed relative to now, a second region."""

import datetime as dt

from django.utils import timezone

import pytest

from home.models import FieldOfAction
from tests.events.factories import EventPageFactory
from tests.regions.factories import RegionPageFactory


@pytest.fixture
def make_event(event_index):
    """``make_event(days=7, **fields)``: a live event starting ``days`` from now (negative: in the past)."""

    def make(days=7, hours=2, parent=None, fields=(), **kwargs):
        start = kwargs.pop("start", None) or timezone.now().replace(microsecond=0) + dt.timedelta(days=days)
        kwargs.setdefault("end", start + dt.timedelta(hours=hours))
        event = EventPageFactory(parent=parent or event_index, start=start, **kwargs)
        if fields:
            event.fields_of_action.set(FieldOfAction.objects.filter(slug__in=fields))
            event.save()
        return event

    return make


@pytest.fixture
def other_region(region_index):
    return RegionPageFactory(parent=region_index, title="Wendland", slug="wendland")
