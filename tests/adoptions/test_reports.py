"""Members report that an action has been done ("bei uns umgesetzt") for a region they joined or an initiative
they own; the region's team confirms it; then the action page counts it, the region page and the initiative
profile list it, and the action pool's facet finds it."""

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from actions.models import ActionPage
from adoptions.models import Adoption, AdoptionStatus
from regions.models import InitiativeCoOwner
from tests.actions.factories import ActionPageFactory
from tests.members.factories import UserFactory
from tests.regions.factories import InitiativeFactory, RegionPageFactory

pytestmark = pytest.mark.django_db


def report_url(action):
    return reverse("adoptions:report", args=[action.pk])


def confirm_url(adoption):
    return reverse("adoptions:confirm", args=[adoption.pk])


def decline_url(adoption):
    return reverse("adoptions:decline", args=[adoption.pk])


def test_a_member_reports_the_team_confirms_and_the_action_counts_it(
    client, post, action, region, reporter, moderator
):
    client.force_login(reporter)
    page = client.get(report_url(action))
    assert page.status_code == 200
    assert "Neumarkt in der Oberpfalz" in page.content.decode()

    response = post(
        report_url(action), {"target": f"region-{region.pk}", "month": "2025-03", "note": "Klappt gut."}
    )

    assert response.status_code == 302
    assert response["Location"] == action.url
    adoption = Adoption.objects.get()
    assert (adoption.status, adoption.region, adoption.initiative, adoption.reported_by) == (
        AdoptionStatus.PENDING,
        region,
        None,
        reporter,
    )
    assert str(adoption.month) == "2025-03-01"
    # The team is asked, through the queue, and the mail names the action and the region, not the reporter's address.
    assert [message.to for message in mail.outbox] == [[moderator.email]]
    assert "Repair-Café eröffnen" in mail.outbox[0].body
    assert reporter.email not in mail.outbox[0].body
    # Not counted before the team confirms.
    client.logout()
    assert "Noch keine Region" in client.get(action.url).content.decode()

    client.force_login(moderator)
    queue = client.get(reverse("regions:review_initiatives")).content.decode()
    assert "Repair-Café eröffnen" in queue and "Klappt gut." in queue
    mail.outbox.clear()
    response = post(confirm_url(adoption))
    assert response.status_code == 302
    adoption.refresh_from_db()
    assert adoption.status == AdoptionStatus.CONFIRMED and adoption.decided_by == moderator
    assert [message.to for message in mail.outbox] == [[reporter.email]]
    assert "bestätigt" in mail.outbox[0].subject.lower()

    client.logout()
    html = client.get(action.url).content.decode()
    assert "Umgesetzt in 1 Region" in html
    assert "Klappt gut." in html and "März 2025" in html
    assert "Rita Report" not in html  # who reported is never shown
    assert "Repair-Café eröffnen" in client.get(region.url).content.decode()
    assert list(action.regions.all()) == [region]


def test_an_initiative_report_counts_for_the_initiative_and_its_region(
    client, post, action, region, reporter, initiative, moderator
):
    client.force_login(reporter)
    post(report_url(action), {"target": f"initiative-{initiative.pk}", "month": "", "note": ""})
    adoption = Adoption.objects.get()
    assert (adoption.initiative, adoption.region) == (initiative, region)
    client.force_login(moderator)
    post(confirm_url(adoption))
    client.logout()

    html = client.get(action.url).content.decode()
    assert "Umgesetzt in 1 Region" in html and "von 1 Initiative" in html
    assert "Repair-Café Neumarkt" in html
    profile = client.get(initiative.get_absolute_url()).content.decode()
    assert "Aktionen, die wir umgesetzt haben" in profile and action.title in profile


def test_the_team_reports_for_its_own_region_without_review(client, post, action, region, moderator):
    client.force_login(moderator)
    post(report_url(action), {"target": f"region-{region.pk}"})

    adoption = Adoption.objects.get()
    assert adoption.status == AdoptionStatus.CONFIRMED and adoption.decided_by == moderator
    assert mail.outbox == []
    assert list(action.regions.all()) == [region]


def test_an_editor_may_report_for_any_region(client, post, action, region, editor):
    client.force_login(editor)
    assert f"region-{region.pk}" in client.get(report_url(action)).content.decode()
    post(report_url(action), {"target": f"region-{region.pk}"})
    assert Adoption.objects.get().status == AdoptionStatus.CONFIRMED


def test_a_member_cannot_report_for_a_region_they_did_not_join(
    client, post, action, region, other_region, reporter
):
    client.force_login(reporter)
    page = client.get(report_url(action)).content.decode()
    assert f"region-{other_region.pk}" not in page

    response = post(report_url(action), {"target": f"region-{other_region.pk}"})

    assert response.status_code == 400
    assert not Adoption.objects.exists()


def test_a_member_of_no_region_is_told_to_join_one(client, action, member):
    client.force_login(member)
    page = client.get(report_url(action))
    assert page.status_code == 200
    assert "Tritt zuerst" in page.content.decode()
    assert '<form method="post" class="form"' not in page.content.decode()


def test_who_may_report(client, action, unverified):
    response = client.get(report_url(action))
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    response = client.post(report_url(action), {"target": "region-1"})
    assert response.status_code == 302 and not Adoption.objects.exists()

    client.force_login(unverified)
    response = client.post(report_url(action), {"target": "region-1"})
    assert response.status_code == 403
    assert "E-Mail-Adresse" in response.content.decode()
    assert not Adoption.objects.exists()


@pytest.mark.parametrize("action_id", [0, 999_999, 2**31, 10**30])
def test_unknown_or_huge_action_ids_are_404(client, reporter, action, action_id):
    client.force_login(reporter)
    assert client.get(f"/mitmachen/umgesetzt/aktion/{action_id}/").status_code == 404


@pytest.mark.parametrize(
    "data",
    [
        {"month": "2025-13"},
        {"month": "9999-01"},
        {"month": "1800-01"},
        {"month": "März"},
        {"month": "２０２５-03"},
        {"month": "2025-03\x00"},
        {"note": "x" * 301},
        {"note": "Hallo\x00Welt"},
        {"target": "region-99999999999999999999"},
        {"target": "initiative-abc"},
        {"target": "\x00"},
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(client, post, action, region, reporter, data):
    client.force_login(reporter)
    response = post(report_url(action), {"target": f"region-{region.pk}", **data})
    assert response.status_code == 400
    assert not Adoption.objects.exists()


def test_a_month_in_the_future_is_refused(client, post, action, region, reporter):
    client.force_login(reporter)
    response = post(report_url(action), {"target": f"region-{region.pk}", "month": "2999-01"})
    assert response.status_code == 400
    assert "nicht in der Zukunft" in response.content.decode()


def test_a_second_report_of_the_same_region_keeps_the_first(
    client, post, action, region, reporter, moderator
):
    client.force_login(reporter)
    post(report_url(action), {"target": f"region-{region.pk}", "note": "Erste Meldung"})
    second = UserFactory(verified=True)
    second.region_memberships.create(region=region)
    client.force_login(second)
    mail.outbox.clear()

    response = post(
        report_url(action), {"target": f"region-{region.pk}", "note": "Zweite Meldung"}, follow=True
    )

    assert "bereits gemeldet" in response.content.decode()
    adoption = Adoption.objects.get()
    assert (adoption.note, adoption.reported_by) == ("Erste Meldung", reporter)
    assert mail.outbox == []


def test_too_many_reports_answer_429(client, post, action_index, region, reporter, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "adoption_report": "2/h/user"}
    client.force_login(reporter)
    actions = [ActionPageFactory(parent=action_index) for _ in range(3)]
    for action in actions[:2]:
        assert post(report_url(action), {"target": f"region-{region.pk}"}).status_code == 302
    response = post(report_url(actions[2]), {"target": f"region-{region.pk}", "note": "Noch eine"})
    assert response.status_code == 429
    assert "Noch eine" in response.content.decode()  # what was typed stays in the form
    assert Adoption.objects.count() == 2


def test_a_moderator_of_another_region_cannot_confirm_or_see_the_report(
    client, post, action, region, reporter, other_moderator
):
    client.force_login(reporter)
    post(report_url(action), {"target": f"region-{region.pk}", "note": "Unsere Meldung"})
    adoption = Adoption.objects.get()

    client.force_login(other_moderator)
    assert "Unsere Meldung" not in client.get(reverse("regions:review_initiatives")).content.decode()
    assert post(confirm_url(adoption)).status_code == 404
    assert post(decline_url(adoption)).status_code == 404
    adoption.refresh_from_db()
    assert adoption.status == AdoptionStatus.PENDING


@pytest.mark.parametrize("user_fixture", ["reporter", "member", "unverified"])
def test_members_cannot_confirm_reports(client, post, request, action, region, reporter, user_fixture):
    adoption = Adoption.objects.create(action=action, region=region, reported_by=reporter)
    client.force_login(request.getfixturevalue(user_fixture))
    assert post(confirm_url(adoption)).status_code == 404
    adoption.refresh_from_db()
    assert adoption.status == AdoptionStatus.PENDING


def test_confirming_needs_a_login_and_a_post(client, action, region, moderator):
    adoption = Adoption.objects.create(action=action, region=region)
    assert client.post(confirm_url(adoption)).status_code == 302  # to the login
    client.force_login(moderator)
    assert client.get(confirm_url(adoption)).status_code == 405
    assert client.post("/mitmachen/umgesetzt/meldung/99999999999999999999/bestaetigen/").status_code == 404
    adoption.refresh_from_db()
    assert adoption.status == AdoptionStatus.PENDING


def test_declining_a_confirmed_report_takes_it_off_the_action(
    client, post, action, region, moderator, reporter
):
    adoption = Adoption.objects.create(
        action=action, region=region, reported_by=reporter, status=AdoptionStatus.CONFIRMED
    )
    assert list(action.regions.all()) == [region]
    client.force_login(moderator)

    response = post(decline_url(adoption), {"next": region.url})

    assert response["Location"] == region.url
    assert list(action.regions.all()) == []
    client.logout()
    assert "Umgesetzt in" not in client.get(action.url).content.decode()


def test_next_never_leads_to_another_host(client, post, action, region, moderator):
    adoption = Adoption.objects.create(action=action, region=region)
    client.force_login(moderator)
    response = post(confirm_url(adoption), {"next": "//evil.example/"})
    assert response["Location"] == reverse("regions:review_initiatives")


def test_the_reporter_withdraws_a_pending_report_but_not_others(
    client, post, action, region, reporter, member
):
    adoption = Adoption.objects.create(action=action, region=region, reported_by=reporter)
    withdraw = reverse("adoptions:withdraw", args=[adoption.pk])
    client.force_login(member)
    assert post(withdraw).status_code == 404
    client.force_login(reporter)
    assert post(withdraw).status_code == 302
    assert not Adoption.objects.exists()

    confirmed = Adoption.objects.create(
        action=action, region=region, reported_by=reporter, status=AdoptionStatus.CONFIRMED
    )
    assert post(reverse("adoptions:withdraw", args=[confirmed.pk])).status_code == 404
    assert Adoption.objects.filter(pk=confirmed.pk).exists()


def test_publishing_an_older_revision_keeps_the_confirmed_regions(action, region):
    old = action.save_revision()
    Adoption.objects.create(action=action, region=region, status=AdoptionStatus.CONFIRMED)

    old.publish()

    action.refresh_from_db()
    assert list(action.regions.all()) == [region]


def test_the_pool_finds_actions_by_the_region_they_were_done_in(client, action_index, action, region):
    other = ActionPageFactory(parent=action_index, title="Lastenrad-Verleih")
    Adoption.objects.create(action=action, region=region, status=AdoptionStatus.CONFIRMED)
    Adoption.objects.create(action=other, region=region, status=AdoptionStatus.PENDING)

    html = client.get(f"{action_index.url}?region={region.slug}").content.decode()

    assert action.title in html
    assert other.title not in html  # a report waiting for the team counts nowhere


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_action_page_costs_the_same_queries_for_one_report_or_many(
    client, settings, action, region_index, region
):
    settings.PAGE_CACHE_SECONDS = 0
    Adoption.objects.create(action=action, region=region, status=AdoptionStatus.CONFIRMED)
    one = _queries(client, action.url)
    for number in range(12):
        other = RegionPageFactory(parent=region_index, slug=f"region-{number}")
        initiative = InitiativeFactory(
            region=other, approval_status="approved", location="SRID=4326;POINT(7 51)"
        )
        Adoption.objects.create(action=action, region=other, status=AdoptionStatus.CONFIRMED)
        Adoption.objects.create(
            action=action, region=other, initiative=initiative, status=AdoptionStatus.CONFIRMED
        )

    assert _queries(client, action.url) == one
    assert "Umgesetzt in 13 Regionen" in client.get(action.url).content.decode()


def test_a_co_owner_reports_for_the_initiative(client, post, action, initiative, member):
    InitiativeCoOwner.objects.create(initiative=initiative, user=member)
    client.force_login(member)

    post(report_url(action), {"target": f"initiative-{initiative.pk}"})

    assert Adoption.objects.get().initiative == initiative


def test_a_withdrawn_initiative_no_longer_counts_in_the_facet(action, region, initiative):
    Adoption.objects.create(
        action=action, region=region, initiative=initiative, status=AdoptionStatus.CONFIRMED
    )
    assert list(action.regions.all()) == [region]

    initiative.approval_status = "withdrawn"
    initiative.save()

    assert list(action.regions.all()) == []
    initiative.approval_status = "approved"
    initiative.save()
    assert list(action.regions.all()) == [region]


def test_a_next_that_is_no_path_leads_to_the_review_queue(client, post, action, region, moderator):
    adoption = Adoption.objects.create(action=action, region=region)
    client.force_login(moderator)
    response = post(confirm_url(adoption), {"next": "foo"})
    assert response.status_code == 302
    assert response["Location"] == reverse("regions:review_initiatives")


def test_a_copy_of_an_action_has_no_reports(client, action, region, editor):
    Adoption.objects.create(action=action, region=region, status=AdoptionStatus.CONFIRMED)
    client.force_login(editor)

    response = client.post(
        f"/admin/pages/{action.pk}/copy/",
        {
            "new_title": "Kopie",
            "new_slug": "kopie",
            "new_parent_page": action.get_parent().pk,
            "publish_copies": "on",
        },
    )

    assert response.status_code == 302
    copy = ActionPage.objects.get(slug="kopie")
    assert list(copy.regions.all()) == []
    assert list(action.regions.all()) == [region]
