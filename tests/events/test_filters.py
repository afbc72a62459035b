"""The event index filters upcoming and past events by kind, field of action, format and region."""

import pytest

from tests.events.factories import EventIndexPageFactory
from tests.events.helpers import ENERGY, FOOD, SOCIAL

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(make_event, region, other_region):
    return {
        "webinar": make_event(title="Webinar Energie", kind="webinar", fields=[ENERGY]),
        "call": make_event(title="Live-Call Ernährung", kind="live_call", fields=[FOOD], regions=[region]),
        "meeting": make_event(
            title="Regionalgespräch Wendland",
            kind="regional_meeting",
            format="live",
            venue="Gasthof",
            regions=[other_region],
            fields=[SOCIAL, ENERGY],
        ),
        "past": make_event(days=-20, title="Vergangenes Webinar Energie", kind="webinar", fields=[ENERGY]),
        "past_food": make_event(
            days=-30, title="Vergangener Call Ernährung", kind="live_call", fields=[FOOD]
        ),
    }


def titles(response):
    html = response.content.decode()
    candidates = [
        "Webinar Energie",
        "Live-Call Ernährung",
        "Regionalgespräch Wendland",
        "Vergangenes Webinar Energie",
        "Vergangener Call Ernährung",
    ]
    return {title for title in candidates if f">{title}</a>" in html}


def test_without_filters_everything_is_listed(client, event_index, events):
    response = client.get(event_index.url)

    assert response.status_code == 200
    assert len(titles(response)) == 5


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "webinar"}, {"Webinar Energie", "Vergangenes Webinar Energie"}),
        ({"kind": "live_call"}, {"Live-Call Ernährung", "Vergangener Call Ernährung"}),
        (
            {"field": ENERGY},
            {"Webinar Energie", "Regionalgespräch Wendland", "Vergangenes Webinar Energie"},
        ),
        ({"format": "live"}, {"Regionalgespräch Wendland"}),
        ({"region": "neumarkt"}, {"Live-Call Ernährung"}),
        ({"region": "wendland"}, {"Regionalgespräch Wendland"}),
    ],
)
def test_each_filter_applies_to_upcoming_and_past(client, event_index, events, params, expected):
    response = client.get(event_index.url, params)

    assert response.status_code == 200
    assert titles(response) == expected


def test_filters_combine_and_values_of_one_filter_add_up(client, event_index, events):
    assert titles(client.get(event_index.url, {"kind": "webinar", "field": ENERGY})) == {
        "Webinar Energie",
        "Vergangenes Webinar Energie",
    }
    assert titles(client.get(event_index.url, {"field": ENERGY, "format": "live", "region": "wendland"})) == {
        "Regionalgespräch Wendland"
    }
    assert titles(client.get(event_index.url, {"kind": "webinar", "region": "wendland"})) == set()
    both = client.get(f"{event_index.url}?region=neumarkt&region=wendland")
    assert titles(both) == {"Live-Call Ernährung", "Regionalgespräch Wendland"}


def test_an_event_in_two_selected_fields_is_listed_once(client, event_index, events):
    html = client.get(f"{event_index.url}?field={ENERGY}&field={SOCIAL}").content.decode()

    assert html.count(">Regionalgespräch Wendland</a>") == 1


def test_the_form_keeps_the_selected_values(client, event_index, events):
    html = client.get(event_index.url, {"kind": "webinar", "region": "wendland"}).content.decode()

    assert '<option value="webinar" selected>' in html
    assert '<option value="wendland" selected>' in html
    assert '<option value="live_call">' in html
    assert '<label for="filter-kind">Art</label>' in html
    assert '<label for="filter-field">Handlungsfeld</label>' in html
    assert "Filter zurücksetzen" in html


def test_empty_values_mean_all(client, event_index, events):
    response = client.get(event_index.url, {"kind": "", "field": "", "format": "", "region": ""})

    assert response.status_code == 200
    assert len(titles(response)) == 5


def test_pagination_keeps_the_filters(client, event_index, make_event):
    for number in range(21):
        make_event(days=number + 1, title=f"Webinar {number}", kind="webinar")

    html = client.get(event_index.url, {"kind": "webinar"}).content.decode()

    assert "?kind=webinar&amp;page=2" in html


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"kind": "party"}, "kind"),
        ({"field": "gibt-es-nicht"}, "field"),
        ({"format": "telepathie"}, "format"),
        ({"region": "atlantis"}, "region"),
        ({"region": "<script>alert(1)</script>"}, "region"),
        ({"kind": "x" * 5000}, "kind"),
    ],
)
def test_an_invalid_value_is_a_400_with_a_message(client, event_index, events, params, parameter):
    response = client.get(event_index.url, params)

    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "<script>alert(1)</script>" not in html
    assert response.context["filter_error"].parameter == parameter


def test_the_400_names_the_valid_values(client, event_index, events):
    html = client.get(event_index.url, {"format": "telepathie"}).content.decode()

    assert "Unbekannter Wert „telepathie“ für Format." in html
    for value in ("online", "live", "hybrid"):
        assert f"<code>{value}</code>" in html


def test_unpublished_regions_are_not_valid_filters(client, event_index, events, other_region):
    other_region.unpublish()

    assert client.get(event_index.url, {"region": "wendland"}).status_code == 400


def test_unknown_parameters_such_as_tracking_are_ignored(client, event_index, events):
    assert client.get(event_index.url, {"utm_source": "newsletter"}).status_code == 200


def test_filters_do_not_apply_to_a_series(client, event_index, make_event):
    lab = EventIndexPageFactory(parent=event_index, title="Regionallabor", is_series=True)
    make_event(parent=lab, title="Modul 0", kind="lab_module", module_number=0)

    response = client.get(lab.url, {"kind": "party"})

    assert response.status_code == 200
    assert "Modul 0" in response.content.decode()
