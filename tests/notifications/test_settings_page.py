"""The members' settings page: who may use it, what it changes, and bad input."""

import pytest

from home.models import FieldOfAction
from notifications.models import Follow, Frequency, Preferences
from tests.members.factories import UserFactory
from tests.regions.helpers import join, logged_in

URL = "/mitglied/benachrichtigungen/"


def choices(region, fields, **changes):
    data = {f"region_{region.pk}": "weekly", **{f"field_{field.pk}": "never" for field in fields}}
    data.update(changes)
    return data


@pytest.fixture
def all_fields(db):
    return list(FieldOfAction.objects.all())


def test_anonymous_visitors_are_sent_to_the_login(db, client):
    for answer in (client.get(URL), client.post(URL, {})):
        assert answer.status_code == 302
        assert "/konto/" in answer["Location"] or "login" in answer["Location"]


def test_unverified_members_may_not_use_it(unverified):
    client = logged_in(unverified)
    assert client.get(URL).status_code == 403
    assert client.post(URL, {}).status_code == 403


def test_the_page_shows_the_weekly_default_of_joined_regions(reader, region):
    page = logged_in(reader).get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert region.title in html
    assert f'name="region_{region.pk}"' in html
    assert '<option value="weekly" selected>' in html


def test_a_member_chooses_frequencies_and_switches(reader, region, all_fields):
    field = all_fields[0]
    answer = logged_in(reader).post(
        URL,
        choices(region, all_fields, **{f"region_{region.pk}": "daily", f"field_{field.pk}": "immediately"}),
    )
    assert answer.status_code == 302
    assert Follow.objects.get(user=reader, region=region).frequency == Frequency.DAILY
    assert Follow.objects.get(user=reader, field=field).frequency == Frequency.IMMEDIATELY
    assert Follow.objects.filter(user=reader).count() == 2

    # Back to the defaults: no rows are needed.
    logged_in(reader).post(URL, choices(region, all_fields))
    assert not Follow.objects.filter(user=reader).exists()

    logged_in(reader).post(URL, choices(region, all_fields, all_off="on"))
    assert Preferences.objects.get(user=reader).all_off


def test_moderators_can_switch_off_report_mails_and_members_see_no_such_switch(
    moderator, reader, region, all_fields
):
    join(moderator, region, agreed=False)
    assert 'name="reports"' in logged_in(moderator).get(URL).content.decode()
    assert 'name="reports"' not in logged_in(reader).get(URL).content.decode()
    logged_in(moderator).post(URL, choices(region, all_fields))
    assert Preferences.objects.get(user=moderator).reports is False


def test_editors_can_switch_off_application_mails(editor, all_fields):
    client = logged_in(editor)
    assert 'name="applications"' in client.get(URL).content.decode()
    data = {f"field_{field.pk}": "never" for field in all_fields} | {"reports": "on"}
    assert client.post(URL, data).status_code == 302
    preferences = Preferences.objects.get(user=editor)
    assert preferences.reports and not preferences.applications


@pytest.mark.parametrize(
    "bad",
    [
        {"region": "sometimes"},
        {"region": "x" * 5000},
        {"extra": "region_99999999999999999999999999"},
        {"extra": "field_123456789"},
        {"extra": "region_abc"},
    ],
)
def test_bad_input_is_a_400_and_changes_nothing(reader, region, all_fields, bad):
    data = choices(region, all_fields, **{f"region_{region.pk}": "daily"})
    if "region" in bad:
        data[f"region_{region.pk}"] = bad["region"]
    else:
        data[bad["extra"]] = "daily"
    assert logged_in(reader).post(URL, data).status_code == 400
    assert not Follow.objects.filter(user=reader).exists()


def test_nul_bytes_are_a_400(reader, region, all_fields):
    data = choices(region, all_fields, **{f"region_{region.pk}": "dai\x00ly"})
    assert logged_in(reader).post(URL, data).status_code == 400


def test_another_members_follows_cannot_be_changed(reader, region, other_region, all_fields):
    other = UserFactory(verified=True)
    join(other, other_region, agreed=False)
    Follow.objects.create(user=other, region=other_region, frequency=Frequency.IMMEDIATELY)
    # The reader never joined that region: a choice for it is refused, and the other member's stays.
    data = choices(region, all_fields, **{f"region_{other_region.pk}": "never"})
    assert logged_in(reader).post(URL, data).status_code == 400
    assert Follow.objects.get(user=other).frequency == Frequency.IMMEDIATELY
    assert not Follow.objects.filter(user=reader).exists()


def test_the_profile_links_to_the_settings(reader):
    html = logged_in(reader).get("/mitglied/profil/").content.decode()
    assert f'href="{URL}"' in html
