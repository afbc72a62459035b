"""One region in two languages: the English page of a region (an alias of the German one) shows and acts on
what belongs to the German page — members, initiatives, the team, the forum — and links stay in English."""

from django.urls import reverse
from django.utils import translation

from wagtail.models import GroupPagePermission

import pytest
import rules

from regions.forms import InitiativeForm
from regions.models import ApprovalStatus, Initiative, RegionMembership, RegionPage, RegionTeam
from regions.rules import moderated_regions
from tests.helpers import english_tree, fresh
from tests.members.factories import UserFactory
from tests.regions.factories import InitiativeFactory, RegionPageFactory
from tests.regions.helpers import set_team

pytestmark = pytest.mark.django_db


def english(page):
    return RegionPage.objects.get(translation_key=page.translation_key, locale__language_code="en")


@pytest.fixture
def team_region(region, moderator):
    """``region`` with its team, a member and an approved (and a pending) initiative; then the English tree."""
    RegionMembership.objects.create(user=UserFactory(verified=True), region=region)
    InitiativeFactory(region=region, name="Repair-Café Neumarkt", approval_status=ApprovalStatus.APPROVED)
    InitiativeFactory(region=region, name="Noch offen", approval_status=ApprovalStatus.PENDING)
    english_tree()
    return region


def test_english_page_shows_the_members_initiatives_and_team_of_the_german_region(client, team_region):
    page = english(team_region)
    assert page.url == "/en/regionen/neumarkt/"
    client.force_login(UserFactory(verified=True))

    response = client.get(page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en"' in html
    assert "1 member takes part here." in html
    assert "Repair-Café Neumarkt" in html
    assert "Noch offen" not in html
    assert "Mo Deration" in html  # the team, kept on the German page
    # "Register an initiative" preselects the German region, the one initiatives belong to.
    assert f"/en/mitmachen/initiative/neu/?region={page.pk}" in html
    form = client.get(f"/en/mitmachen/initiative/neu/?region={page.pk}").context["form"]
    assert form.initial["region"] == team_region.pk


def test_german_page_is_unchanged_by_the_english_tree(client, team_region):
    html = client.get(team_region.url).content.decode()

    assert '<html lang="de"' in html
    assert "1 Mitglied macht hier mit." in html
    assert "Repair-Café Neumarkt" in html


def test_joining_and_leaving_on_the_english_page_changes_the_german_membership(client, team_region):
    page = english(team_region)
    user = UserFactory(verified=True)
    client.force_login(user)

    html = client.get(page.url).content.decode()
    with translation.override("en"):
        join, leave = reverse("regions:join", args=[page.pk]), reverse("regions:leave", args=[page.pk])
    assert f'action="{join}"' in html

    response = client.post(join)

    assert response.status_code == 302
    assert response["Location"] == page.url
    assert RegionMembership.objects.filter(user=user, region=team_region).exists()
    assert not RegionMembership.objects.filter(region=page).exists()
    html = client.get(page.url).content.decode()
    assert "You are taking part in this region." in html
    assert "2 members take part here." in html
    # ... and the German page knows it too.
    assert "2 Mitglieder machen hier mit." in client.get(team_region.url).content.decode()

    response = client.post(leave)

    assert response.status_code == 302
    assert not RegionMembership.objects.filter(user=user).exists()
    assert "1 member takes part here." in client.get(page.url).content.decode()


def test_anonymous_join_on_the_english_page_comes_back_to_it(client, team_region):
    page = english(team_region)

    with translation.override("en"):
        join = reverse("regions:join", args=[page.pk])

    response = client.post(join)

    assert response.status_code == 302
    assert response["Location"] == "/en/konto/signup/?next=%2Fen%2Fregionen%2Fneumarkt%2F"
    assert RegionMembership.objects.count() == 1


def test_english_region_index_lists_english_pages_only(client, region_index, team_region):
    RegionPageFactory(parent=region_index, title="Bergisches Land", slug="bergisches-land")
    english_tree()

    german = client.get(region_index.url).content.decode()
    english_html = client.get("/en/regionen/").content.decode()

    assert 'href="/regionen/neumarkt/"' in german
    assert "/en/regionen/" not in german.split("<main", 1)[1].split("</main>", 1)[0]
    assert 'href="/en/regionen/neumarkt/"' in english_html
    assert 'href="/en/regionen/bergisches-land/"' in english_html
    assert 'href="/regionen/neumarkt/"' not in english_html
    for html in (german, english_html):
        assert html.count("Bergisches Land</a>") == 1


# --- The team: one team per region, kept on the German page ------------------------------------------------


def test_the_english_page_gets_no_team_of_its_own(team_region, moderator):
    page = english(team_region)

    assert list(RegionTeam.objects.values_list("region_id", flat=True)) == [team_region.pk]
    assert list(moderated_regions(moderator)) == [team_region]
    # The German team may edit (and translate) the region's English page.
    group = RegionTeam.objects.get(region=team_region).group
    assert GroupPagePermission.objects.filter(
        group=group, page=page, permission__codename="change_page"
    ).exists()


def test_moderator_moderates_the_english_page_of_their_region_only(team_region, moderator, other_moderator):
    page = english(team_region)

    assert rules.has_perm("regions.moderate_region", moderator, page)
    assert rules.has_perm("regions.moderate_region", moderator, team_region)
    assert not rules.has_perm("regions.moderate_region", other_moderator, page)
    assert not rules.has_perm("regions.moderate_region", UserFactory(verified=True), page)
    assert rules.has_perm("regions.moderate_region", UserFactory(editor=True), page)


def test_team_changes_after_the_english_tree_follow_the_german_page(team_region, moderator):
    newcomer = UserFactory(verified=True)

    set_team(team_region, [moderator, newcomer])

    assert rules.has_perm("regions.moderate_region", fresh(newcomer), english(team_region))
    assert RegionTeam.objects.count() == 1

    set_team(team_region, [newcomer])

    assert not rules.has_perm("regions.moderate_region", fresh(moderator), english(team_region))


def test_moderator_reviews_their_regions_initiatives_under_en(client, team_region, moderator):
    client.force_login(moderator)

    response = client.get("/en/mitmachen/initiativen/freigabe/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Noch offen" in html
    assert "Neumarkt in der Oberpfalz" in html


# --- Initiatives: always on the German page -----------------------------------------------------------------


def test_initiative_form_offers_each_region_once_as_its_german_page(team_region):
    with translation.override("en"):
        choices = [value for value, _label in InitiativeForm().fields["region"].choices if value]

    assert [int(str(value)) for value in choices] == [team_region.pk]


def test_initiative_form_labels_regions_with_their_english_titles(team_region):
    page = english(team_region)
    RegionPage.objects.filter(pk=page.pk).update(title="Neumarkt in the Upper Palatinate")

    with translation.override("en"):
        labels = [label for value, label in InitiativeForm().fields["region"].choices if value]
    with translation.override("de"):
        german_labels = [label for value, label in InitiativeForm().fields["region"].choices if value]

    assert labels == ["Neumarkt in the Upper Palatinate"]
    assert german_labels == ["Neumarkt in der Oberpfalz"]


def test_an_english_page_is_no_valid_region_of_an_initiative(client, team_region):
    client.force_login(UserFactory(verified=True))
    data = {"name": "Tauschring", "kind": "association", "description": "Wir tauschen."}

    refused = client.post("/en/mitmachen/initiative/neu/", {**data, "region": english(team_region).pk})
    accepted = client.post("/en/mitmachen/initiative/neu/", {**data, "region": team_region.pk})

    assert refused.status_code == 200
    assert "region" in refused.context["form"].errors
    assert accepted.status_code == 302
    assert Initiative.objects.get(name="Tauschring").region == team_region


def test_my_initiatives_link_to_the_english_region_page_under_en(client, team_region):
    user = UserFactory(verified=True)
    InitiativeFactory(region=team_region, name="Meine Initiative", submitted_by=user)
    client.force_login(user)

    english_html = client.get("/en/mitmachen/initiativen/meine/").content.decode()
    german_html = client.get("/mitmachen/initiativen/meine/").content.decode()

    assert 'href="/en/regionen/neumarkt/"' in english_html
    assert 'href="/regionen/neumarkt/"' in german_html


@pytest.mark.parametrize("value", ["abc", "-1", "999999", "99999999999999999999999", ""])
def test_a_bad_region_in_the_initiative_link_preselects_nothing(client, team_region, value):
    client.force_login(UserFactory(verified=True))

    response = client.get("/en/mitmachen/initiative/neu/", {"region": value})

    assert response.status_code == 200
    assert response.context["form"].initial["region"] is None
