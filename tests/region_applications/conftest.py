import datetime as dt

import pytest
import wagtail_factories

from region_applications.forms import HONEYPOT_FIELD
from region_applications.models import RegionApplicationFormField, RegionApplicationPage

UTC = dt.UTC
TEAM_ADDRESS = "regionallabor@mitmach-hub.example"

# (label, field type, required): the form most tests post to. Clean names: name, e_mail, regionort,
# warum_jetzt, zustimmung_datenschutz.
DEFAULT_FIELDS = [
    ("Name", "singleline", True),
    ("E-Mail", "email", True),
    ("Region/Ort", "singleline", False),
    ("Warum jetzt?", "multiline", True),
    ("Zustimmung Datenschutz", "checkbox", True),
]


class RegionApplicationPageFactory(wagtail_factories.PageFactory):
    title = "Region starten"
    intro = "<p>Bewerbt euch für das Regionallabor.</p>"
    to_address = TEAM_ADDRESS
    deadline = None

    class Meta:
        model = RegionApplicationPage


def add_fields(page, fields=DEFAULT_FIELDS):
    for order, (label, field_type, required) in enumerate(fields):
        RegionApplicationFormField.objects.create(
            page=page, sort_order=order, label=label, field_type=field_type, required=required
        )
    return page


def future(days=30):
    return dt.datetime.now(UTC) + dt.timedelta(days=days)


def past(days=1):
    return dt.datetime.now(UTC) - dt.timedelta(days=days)


@pytest.fixture
def application_page(home_page):
    """An open application page (deadline in 30 days) below the home page, with DEFAULT_FIELDS."""
    page = RegionApplicationPageFactory(parent=home_page, slug="region-starten", deadline=future())
    return add_fields(page)


@pytest.fixture
def closed_page(home_page):
    page = RegionApplicationPageFactory(parent=home_page, slug="region-starten", deadline=past())
    return add_fields(page)


def valid_data(**overrides):
    data = {
        "name": "Erika Muster",
        "e_mail": "erika@example.org",
        "regionort": "Landkreis Neumarkt",
        "warum_jetzt": "Weil die Kommune gerade einen Klimaplan schreibt.",
        "zustimmung_datenschutz": "on",
        HONEYPOT_FIELD: "",
    }
    data.update(overrides)
    return data
