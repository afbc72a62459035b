"""The demo step creates a published, open "Region starten" page once."""

import datetime as dt
from io import StringIO

from django.core.management.base import OutputWrapper
from django.core.management.color import no_style
from django.test import Client

from wagtail.contrib.forms.models import FormSubmission

from demo import region_applications as application_demo
from demo.writer import DemoWriter
from tests.region_applications.helpers import valid_data


def run(home_page, today):
    writer = DemoWriter(OutputWrapper(StringIO()), no_style())
    writer.home = home_page
    return application_demo.region_application_page(writer, home_page, today)


def test_demo_page_is_published_with_its_fields_and_a_deadline_in_three_months(home_page):
    today = dt.date(2030, 1, 10)

    page, created = run(home_page, today)

    assert created
    assert page.live and page.slug == "region-starten" and page.title == "Region starten"
    assert page.get_parent().pk == home_page.pk
    assert [(field.label, field.field_type) for field in page.form_fields.all()] == [
        ("Name", "singleline"),
        ("E-Mail", "email"),
        ("Region/Ort", "singleline"),
        ("Wer ist dabei?", "multiline"),
        ("Warum jetzt?", "multiline"),
        ("Zustimmung Datenschutz", "checkbox"),
    ]
    local_deadline = page.deadline.astimezone(application_demo.BERLIN)
    assert local_deadline.date() == dt.date(2030, 4, 11)
    assert (local_deadline.hour, local_deadline.minute) == (23, 59)
    assert page.get_latest_revision().as_object().form_fields.count() == 6


def test_demo_step_is_idempotent(home_page):
    first, created = run(home_page, dt.date(2030, 1, 10))
    second, created_again = run(home_page, dt.date(2030, 2, 10))

    assert created and not created_again
    assert first.pk == second.pk
    assert second.deadline == first.deadline
    assert second.form_fields.count() == 6


def test_one_can_apply_on_the_demo_page(home_page):
    page, _ = run(home_page, dt.date.today())

    data = valid_data(regionort="Neumarkt", wer_ist_dabei="Wir drei.")
    response = Client().post(page.url, data)

    assert response.status_code == 200
    assert FormSubmission.objects.get(page=page).form_data["wer_ist_dabei"] == "Wir drei."
