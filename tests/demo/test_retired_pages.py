"""The loader removes pages earlier demos had (``RETIRED_EVENTS``), with their English copies."""

from io import StringIO

from django.core.management.color import no_style

from wagtail.models import Page

import pytest

from demo.writer import DemoWriter
from tests.events.factories import EventPageFactory
from tests.helpers import english_tree

pytestmark = pytest.mark.django_db


def test_a_retired_page_goes_with_its_english_copy(event_index):
    EventPageFactory(parent=event_index, title="Sprechstunde 1", slug="sprechstunde-1")
    kept = EventPageFactory(parent=event_index, title="Webinar", slug="webinar")
    english_tree()
    writer = DemoWriter(StringIO(), no_style())

    writer.remove_page(event_index, "sprechstunde-1")
    writer.remove_page(event_index, "gibt-es-nicht")

    assert not Page.objects.filter(slug="sprechstunde-1").exists()
    assert Page.objects.filter(translation_key=kept.translation_key).count() == 2
