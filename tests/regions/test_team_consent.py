"""Members decide whether the team of a region they join may see and contact them: a question when joining,
changed later on the profile or the region page, in the data export; gone with the account."""

import json

from django.test import Client
from django.urls import reverse

import pytest

from members.privacy import delete_account
from regions.models import RegionMembership, RegionPage
from tests.helpers import english_tree
from tests.members.factories import UserFactory
from tests.regions.helpers import join, logged_in

pytestmark = pytest.mark.django_db

HUGE_ID = "99999999999999999999"


def consent_url(page):
    return reverse("regions:team_consent", args=[page.pk])


def english(page):
    return RegionPage.objects.get(translation_key=page.translation_key, locale__language_code="en")


# --- Consent when joining ------------------------------------------------------------------------------


def test_join_form_asks_for_consent_off_by_default_and_says_what_the_team_sees(region, member):
    html = logged_in(member).get(region.url).content.decode()

    assert 'name="team_may_contact" value="yes"' in html
    assert 'type="checkbox" id="team-may-contact" name="team_may_contact" value="yes" aria' in html
    assert "checked" not in html.split('id="team-may-contact"')[1].split(">")[0]
    assert "Das Regionalteam darf mich sehen und kontaktieren" in html
    assert "deinen öffentlichen Namen, deine E-Mail-Adresse, wann du beigetreten bist" in html


def test_joining_without_the_box_keeps_the_member_hidden_from_the_team(region, member):
    logged_in(member).post(reverse("regions:join", args=[region.pk]))

    membership = RegionMembership.objects.get(user=member, region=region)
    assert membership.team_may_contact is False
    assert membership.consented_at is None


def test_joining_with_the_box_lets_the_team_see_the_member(region, member):
    logged_in(member).post(reverse("regions:join", args=[region.pk]), {"team_may_contact": "yes"})

    membership = RegionMembership.objects.get(user=member, region=region)
    assert membership.team_may_contact is True
    assert membership.consented_at is not None


@pytest.mark.parametrize("value", ["on", "true", "ja", "yes" * 5000, "yes\x00"])
def test_join_refuses_an_unknown_answer(region, member, value):
    response = logged_in(member).post(reverse("regions:join", args=[region.pk]), {"team_may_contact": value})

    assert response.status_code == 400
    assert not RegionMembership.objects.exists()


# --- Changing it later ---------------------------------------------------------------------------------


def test_region_page_offers_consent_to_a_member_who_joined_without_it(region, member):
    join(member, region, False)
    client = logged_in(member)
    html = client.get(region.url).content.decode()
    assert "Das Regionalteam sieht dich noch nicht." in html
    assert f'action="{consent_url(region)}"' in html

    response = client.post(consent_url(region), {"team_may_contact": "yes"}, follow=True)

    assert response.redirect_chain[-1][0] == region.url
    html = response.content.decode()
    assert "Das Regionalteam kann dich jetzt sehen und kontaktieren." in html
    assert "Das Regionalteam sieht dich noch nicht." not in html
    assert RegionMembership.objects.get(user=member).team_may_contact is True


def test_profile_shows_the_answer_per_region_and_changes_it(region, other_region, member):
    join(member, region, True)
    join(member, other_region, False)
    client = logged_in(member)

    html = client.get(reverse("members:profile")).content.decode()
    assert "Das Regionalteam kann dich sehen und kontaktieren." in html
    assert "Das Regionalteam sieht dich nicht." in html
    assert html.count('name="back" value="profile"') == 2

    response = client.post(consent_url(region), {"team_may_contact": "no", "back": "profile"}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("members:profile")
    assert "Das Regionalteam kann dich nicht mehr sehen oder kontaktieren." in response.content.decode()
    membership = RegionMembership.objects.get(user=member, region=region)
    assert membership.team_may_contact is False
    assert membership.consented_at is None
    assert RegionMembership.objects.get(user=member, region=other_region).team_may_contact is False


def test_withdrawing_works_for_a_region_taken_off_the_site(region, member):
    join(member, region, True)
    region.unpublish()

    response = logged_in(member).post(consent_url(region), {"team_may_contact": "no"})

    assert response.status_code == 302
    assert response["Location"] == reverse("members:profile")
    assert RegionMembership.objects.get(user=member).team_may_contact is False


def test_consent_on_the_english_page_changes_the_german_membership(region, member):
    join(member, region, False)
    english_tree()
    page = english(region)

    response = logged_in(member).post(f"/en{consent_url(page)}", {"team_may_contact": "yes"})

    assert response.status_code == 302
    assert response["Location"] == "/en/regionen/neumarkt/"
    assert RegionMembership.objects.get(user=member, region=region).team_may_contact is True


@pytest.mark.parametrize(
    "data",
    [{}, {"team_may_contact": ""}, {"team_may_contact": "maybe"}, {"team_may_contact": "yes", "back": "x"}],
)
def test_consent_refuses_a_missing_or_unknown_answer(region, member, data):
    join(member, region, False)

    response = logged_in(member).post(consent_url(region), data)

    assert response.status_code == 400
    assert RegionMembership.objects.get(user=member).team_may_contact is False


def test_consent_needs_a_membership_a_login_a_post_and_a_region(client, region, member, other_region):
    join(member, region, False)
    member_client = logged_in(member)

    assert member_client.post(consent_url(other_region), {"team_may_contact": "yes"}).status_code == 404
    assert member_client.get(consent_url(region)).status_code == 405
    assert member_client.post(f"/mitmachen/region/{HUGE_ID}/einwilligung/").status_code == 404
    assert member_client.post(reverse("regions:team_consent", args=[999_999])).status_code == 404
    anonymous = client.post(consent_url(region), {"team_may_contact": "yes"})
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("account_login"))
    assert not RegionMembership.objects.filter(team_may_contact=True).exists()


def test_consent_needs_a_csrf_token(region, member):
    join(member, region, False)
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    assert client.post(consent_url(region), {"team_may_contact": "yes"}).status_code == 403
    assert RegionMembership.objects.get(user=member).team_may_contact is False


# --- Privacy -------------------------------------------------------------------------------------------


def test_data_export_holds_the_answer_per_region(region, other_region, member):
    join(member, region, True)
    join(member, other_region, False)

    data = json.loads(logged_in(member).get(reverse("members:data_export")).content)

    answers = {
        row["region"]: (row["team_may_contact"], row["consented_at"]) for row in data["region_memberships"]
    }
    assert answers[region.title][0] is True
    assert answers[region.title][1] is not None
    assert answers[other_region.title] == (False, None)


def test_deleting_the_account_deletes_the_memberships(region, other_region, member):
    join(member, region, True)
    join(member, other_region, False)
    join(UserFactory(verified=True), region, True)

    delete_account(member)

    assert not RegionMembership.objects.filter(user_id=member.pk).exists()
    assert RegionMembership.objects.count() == 1
