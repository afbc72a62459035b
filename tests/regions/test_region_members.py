"""The members list of a region and its CSV export: for the region's team and the editors only, listing the
members who agreed to be seen and contacted (``tests/regions/test_team_consent.py``) and counting the others."""

import csv
import io

from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from home.models import FieldOfAction
from members.roles import MEMBERS
from regions.models import RegionMembership, RegionPage
from tests.helpers import english_tree, fresh
from tests.members.factories import UserFactory
from tests.regions.factories import RegionPageFactory
from tests.regions.helpers import join, logged_in, set_team

pytestmark = pytest.mark.django_db

HUGE_ID = "99999999999999999999"


def members_url(page):
    return reverse("regions:members", args=[page.pk])


def csv_url(page):
    return reverse("regions:members_csv", args=[page.pk])


def consent_url(page):
    return reverse("regions:team_consent", args=[page.pk])


def read_csv(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def english(page):
    return RegionPage.objects.get(translation_key=page.translation_key, locale__language_code="en")


@pytest.fixture
def people(region):
    """Anna agreed, Bert did not (both in ``region``)."""
    anna = UserFactory(
        verified=True, display_name="Anna Agrar", email="anna@example.org", map_place="Neumarkt"
    )
    anna.fields_of_action.set(FieldOfAction.objects.order_by("order")[:2])
    bert = UserFactory(verified=True, display_name="Bert Bedeckt", email="bert@example.org")
    join(anna, region, True)
    join(bert, region, False)
    return anna, bert


# --- The members list ----------------------------------------------------------------------------------


def test_team_sees_the_members_who_agreed_and_only_counts_the_others(region, moderator, people):
    anna, bert = people

    response = logged_in(moderator).get(members_url(region))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
    html = response.content.decode()
    assert "Mitglieder der Region" in html
    assert "Anna Agrar" in html
    assert 'href="mailto:anna@example.org"' in html
    fields = list(anna.fields_of_action.all())
    assert all(field.label in html for field in fields)
    assert "Neumarkt" in html
    assert RegionMembership.objects.get(user=anna).joined_at.strftime("%Y") in html
    assert "Bert Bedeckt" not in html
    assert "bert@example.org" not in html
    assert "1 Mitglied hat zugestimmt." in html
    assert "1 weiteres Mitglied hat nicht zugestimmt und wird nicht angezeigt." in html
    assert csv_url(region) in html


def test_list_shows_the_members_of_its_own_region_only(region, other_region, moderator, people):
    join(UserFactory(verified=True, display_name="Olga Other"), other_region, True)

    html = logged_in(moderator).get(members_url(region)).content.decode()

    assert "Anna Agrar" in html
    assert "Olga Other" not in html


def test_empty_list_says_how_members_agree(region, moderator):
    html = logged_in(moderator).get(members_url(region)).content.decode()

    assert "Noch hat kein Mitglied zugestimmt." in html
    assert csv_url(region) not in html


def test_list_is_paginated(region, moderator):
    for _ in range(51):
        join(UserFactory(verified=True), region, True)
    client = logged_in(moderator)

    first = client.get(members_url(region)).content.decode()
    second = client.get(members_url(region), {"page": 2}).content.decode()

    assert first.count('href="mailto:') == 50
    assert second.count('href="mailto:') == 1
    assert client.get(members_url(region), {"page": 3}).status_code == 404
    assert client.get(members_url(region), {"page": "abc"}).status_code == 404
    assert client.get(members_url(region), {"page": HUGE_ID}).status_code == 404


def test_list_query_count_does_not_grow_with_the_members(region, moderator, django_assert_max_num_queries):
    client = logged_in(moderator)
    fields = list(FieldOfAction.objects.all())

    def add_members(count):
        for _ in range(count):
            user = UserFactory(verified=True)
            user.fields_of_action.set(fields)
            join(user, region, True)
            join(UserFactory(verified=True), region, False)

    add_members(2)
    client.get(members_url(region))  # warm: the site's and locales' caches
    with CaptureQueriesContext(connection) as few:
        client.get(members_url(region))
    limit = len(few)  # now: the next request empties the log the context reads
    add_members(20)
    client.get(members_url(region))  # new members bump the content version: the site's parts are built anew
    with django_assert_max_num_queries(limit):
        assert client.get(members_url(region)).status_code == 200
    with django_assert_max_num_queries(limit):
        assert client.get(csv_url(region)).status_code == 200


def test_the_english_page_id_shows_the_german_regions_members(region, moderator, people):
    english_tree()
    page = english(region)
    client = logged_in(moderator)

    for url in (f"/en{members_url(page)}", members_url(page)):
        response = client.get(url)
        assert response.status_code == 200
        assert "Anna Agrar" in response.content.decode()
    assert "anna@example.org" in client.get(csv_url(page)).content.decode("utf-8-sig")


def test_opting_out_removes_the_member_from_the_list_and_the_csv_at_once(region, moderator, member):
    join(member, region, True)
    team = logged_in(moderator)
    assert member.email in team.get(members_url(region)).content.decode()

    logged_in(member).post(consent_url(region), {"team_may_contact": "no"})

    assert member.email not in team.get(members_url(region)).content.decode()
    assert member.email not in team.get(csv_url(region)).content.decode("utf-8-sig")


# --- Who may see it ------------------------------------------------------------------------------------


@pytest.fixture
def actors(region, moderator, other_moderator, member, editor, unverified):
    no_longer_verified = UserFactory(verified=True)
    set_team(region, [moderator, no_longer_verified])
    no_longer_verified.groups.remove(Group.objects.get(name=MEMBERS))
    return {
        "anonymous": None,
        "unverified": unverified,
        "member": member,
        "other_moderator": other_moderator,
        "moderator_with_an_unconfirmed_address": fresh(no_longer_verified),
        "moderator": fresh(moderator),
        "editor": editor,
    }


@pytest.mark.parametrize("url_of", [members_url, csv_url])
@pytest.mark.parametrize(
    ("actor", "status"),
    [
        ("unverified", 403),
        ("member", 403),
        ("other_moderator", 403),
        ("moderator_with_an_unconfirmed_address", 403),
        ("moderator", 200),
        ("editor", 200),
    ],
)
def test_only_the_team_and_editors_see_and_export_the_list(region, people, actors, url_of, actor, status):
    response = logged_in(actors[actor]).get(url_of(region))

    assert response.status_code == status
    body = response.content.decode("utf-8-sig")
    assert ("anna@example.org" in body) is (status == 200)


@pytest.mark.parametrize("url_of", [members_url, csv_url])
def test_anonymous_visitors_are_sent_to_log_in(client, region, people, url_of):
    response = client.get(url_of(region))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(
    "path",
    [
        f"/mitmachen/region/{HUGE_ID}/mitglieder/",
        f"/mitmachen/region/{HUGE_ID}/mitglieder.csv",
        "/mitmachen/region/999999/mitglieder/",
        "/mitmachen/region/999999/mitglieder.csv",
        "/mitmachen/region/abc/mitglieder/",
    ],
)
def test_unknown_regions_are_404(editor, path):
    assert logged_in(editor).get(path).status_code == 404


def test_a_page_that_is_no_region_is_404(region_index, editor):
    assert logged_in(editor).get(members_url(region_index)).status_code == 404


def test_nul_bytes_are_refused(region, moderator):
    assert logged_in(moderator).get(members_url(region), {"page": "1\x00"}).status_code == 400


def test_list_needs_get(region, moderator):
    assert logged_in(moderator).post(members_url(region)).status_code == 405


def test_region_page_links_the_list_for_the_team_and_editors_only(
    region, moderator, editor, member, other_moderator
):
    for user, shown in ((moderator, True), (editor, True), (member, False), (other_moderator, False)):
        html = logged_in(user).get(region.url).content.decode()
        assert (members_url(region) in html) is shown
    assert members_url(region) not in Client().get(region.url).content.decode()


# --- The CSV export ------------------------------------------------------------------------------------


def test_csv_holds_the_rows_of_the_list_for_excel(region, moderator, people):
    anna, _bert = people

    response = logged_in(moderator).get(csv_url(region))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="mitglieder-neumarkt.csv"'
    assert response.content.startswith("\ufeff".encode())
    rows = read_csv(response)
    assert rows[0] == ["Name", "E-Mail-Adresse", "Beigetreten am", "Handlungsfelder", "Ort für die Karte"]
    joined = RegionMembership.objects.get(user=anna).joined_at
    fields = ", ".join(field.label for field in anna.fields_of_action.all())
    assert rows[1:] == [["Anna Agrar", "anna@example.org", joined.date().isoformat(), fields, "Neumarkt"]]


@pytest.mark.parametrize("name", ["=HYPERLINK(1)", "+49 123", "-1+1", "@SUM(A1)", "\tcmd", "\rcmd"])
def test_csv_cells_cannot_start_a_formula(region, moderator, name):
    join(UserFactory(verified=True, display_name=name, map_place=name), region, True)

    rows = read_csv(logged_in(moderator).get(csv_url(region)))

    # The public name drops leading white space itself; the place keeps it.
    assert rows[1][0] in (f"'{name}", name.strip())
    assert rows[1][4] == f"'{name}"


def test_csv_keeps_long_and_odd_names_whole(region, moderator):
    name = "Ä" * 80
    join(
        UserFactory(verified=True, display_name=name, map_place='Ort; mit "Anführung"\nund Umbruch'),
        region,
        True,
    )

    rows = read_csv(logged_in(moderator).get(csv_url(region)))

    assert rows[1][0] == name
    assert rows[1][4] == 'Ort; mit "Anführung"\nund Umbruch'


# --- The review queue links the team's regions ---------------------------------------------------------


def test_review_queue_lists_the_moderators_regions_with_their_member_lists(region, moderator, other_region):
    html = logged_in(moderator).get(reverse("regions:review_initiatives")).content.decode()

    assert "Meine Regionen" in html
    assert members_url(region) in html
    assert members_url(other_region) not in html


def test_review_queue_box_costs_the_same_queries_for_more_regions(region_index, moderator, region):
    client = logged_in(moderator)
    client.get(reverse("regions:review_initiatives"))  # warm: the site's and locales' caches
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("regions:review_initiatives"))
    one_region = len(one)  # now: the next request empties the log the context reads
    for index in range(3):
        set_team(RegionPageFactory(parent=region_index, slug=f"region-{index}"), [moderator])
    client = logged_in(fresh(moderator))
    client.get(reverse("regions:review_initiatives"))

    with CaptureQueriesContext(connection) as four:
        html = client.get(reverse("regions:review_initiatives")).content.decode()

    assert html.count("/mitglieder/") == 4
    assert len(four) == one_region


def test_editors_outside_a_team_get_no_region_box(editor):
    html = logged_in(editor).get(reverse("regions:review_initiatives")).content.decode()

    assert "Meine Regionen" not in html
