"""An accepted application becomes a draft region; the applicant joins its team at once or after signing up."""

import re

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest
from allauth.account.models import EmailAddress

from region_applications.models import Application, ApplicationStatus
from regions.models import RegionModerator, RegionPage
from regions.rules import is_in_team_of
from tests.members.factories import UserFactory
from tests.region_applications.helpers import valid_data

LINK = re.compile(r"https?://[^/\s]+(/konto/[^\s]+)")


@pytest.fixture
def accepted(application_page, region_index):
    Client().post(application_page.url, valid_data())
    mail.outbox.clear()
    application = Application.objects.get()
    application.status = ApplicationStatus.ACCEPTED
    application.save()
    return application


def create_url(application):
    return reverse("region_applications:create_region", args=[application.pk])


def create(client, application, django_capture_on_commit_callbacks, **data):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(create_url(application), {"title": "Neumarkt", "status": "forming", **data})


def test_editor_creates_a_draft_region_and_an_applicant_with_a_confirmed_account_joins_its_team(
    client, editor, accepted, region_index, django_capture_on_commit_callbacks
):
    applicant = UserFactory(verified=True, email="erika@example.org")
    client.force_login(editor)

    response = create(client, accepted, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    region = RegionPage.objects.get(title="Neumarkt")
    assert not region.live
    assert region.get_parent().pk == region_index.pk
    assert region.status == "forming"
    assert is_in_team_of(applicant, region)
    # Publishing the draft later keeps them: they are in its latest revision too.
    assert [row.user for row in region.get_latest_revision_as_object().moderators.all()] == [applicant]
    accepted.refresh_from_db()
    assert accepted.region == region
    assert accepted.invited_email == ""
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["erika@example.org"]
    assert "Team" in mail.outbox[0].subject
    assert reverse("wagtailadmin_pages:edit", args=[region.pk]) in mail.outbox[0].body
    # The application links to its region.
    html = client.get(reverse("region_applications:edit", args=[accepted.pk])).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[region.pk]) in html


def test_the_draft_region_keeps_its_team_when_an_editor_publishes_it(
    client, editor, accepted, django_capture_on_commit_callbacks
):
    applicant = UserFactory(verified=True, email="erika@example.org")
    client.force_login(editor)
    create(client, accepted, django_capture_on_commit_callbacks)
    region = RegionPage.objects.get(title="Neumarkt")

    region.get_latest_revision().publish(user=editor)

    assert list(RegionModerator.objects.filter(region=region).values_list("user", flat=True)) == [
        applicant.pk
    ]


def test_an_applicant_without_an_account_is_invited_and_joins_once_they_confirm_their_address(
    client, editor, accepted, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    create(client, accepted, django_capture_on_commit_callbacks)
    region = RegionPage.objects.get(title="Neumarkt")
    accepted.refresh_from_db()
    assert accepted.invited_email == "erika@example.org"
    assert len(mail.outbox) == 1
    invitation = mail.outbox[0]
    assert invitation.to == ["erika@example.org"]
    assert "Neumarkt" in invitation.subject
    assert reverse("account_signup") in invitation.body
    mail.outbox.clear()

    visitor = Client()
    password = "Kompost-Rad-2030"
    visitor.post(
        reverse("account_signup"),
        {"email": "Erika@example.org", "display_name": "Erika", "password1": password, "password2": password},
    )
    user = EmailAddress.objects.get(email__iexact="erika@example.org").user
    assert not is_in_team_of(user, region)  # not before the address is confirmed
    visitor.post(LINK.search(mail.outbox[-1].body).group(1))

    assert is_in_team_of(user, region)
    accepted.refresh_from_db()
    assert accepted.invited_email == ""


def test_an_unconfirmed_account_with_the_address_does_not_join(
    client, editor, accepted, django_capture_on_commit_callbacks
):
    squatter = UserFactory(unverified=True, email="erika@example.org")
    client.force_login(editor)

    create(client, accepted, django_capture_on_commit_callbacks)

    region = RegionPage.objects.get(title="Neumarkt")
    assert not is_in_team_of(squatter, region)
    assert reverse("account_signup") in mail.outbox[0].body


def test_an_english_member_gets_the_mail_in_english(
    client, editor, accepted, django_capture_on_commit_callbacks
):
    UserFactory(verified=True, email="erika@example.org", language="en")
    client.force_login(editor)

    create(client, accepted, django_capture_on_commit_callbacks)

    assert mail.outbox[0].subject.endswith("You are in the team of the region “Neumarkt”")


@pytest.mark.parametrize("status", [ApplicationStatus.NEW, ApplicationStatus.DECLINED])
def test_only_an_accepted_application_becomes_a_region(
    client, editor, accepted, status, django_capture_on_commit_callbacks
):
    Application.objects.filter(pk=accepted.pk).update(status=status)
    client.force_login(editor)

    response = create(client, accepted, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert not RegionPage.objects.exists()
    assert mail.outbox == []


def test_an_application_becomes_one_region_only(client, editor, accepted, django_capture_on_commit_callbacks):
    client.force_login(editor)
    create(client, accepted, django_capture_on_commit_callbacks)
    create(client, accepted, django_capture_on_commit_callbacks, title="Noch eine")

    assert list(RegionPage.objects.values_list("title", flat=True)) == ["Neumarkt"]


@pytest.mark.parametrize(
    "data",
    [
        {"title": ""},
        {"title": "x" * 300},
        {"title": "Neu\x00markt"},
        {"title": "!!!"},
        {"status": "active"},
        {"status": "unbekannt"},
    ],
)
def test_bad_input_creates_nothing(client, editor, accepted, data, django_capture_on_commit_callbacks):
    client.force_login(editor)

    response = create(client, accepted, django_capture_on_commit_callbacks, **data)

    assert response.status_code in (302, 400)
    assert not RegionPage.objects.exists()


def test_creating_needs_a_post(client, editor, accepted):
    client.force_login(editor)

    assert client.get(create_url(accepted)).status_code == 405
    assert not RegionPage.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "member", "moderator"])
def test_only_editors_create_regions(client, accepted, moderator, who, django_capture_on_commit_callbacks):
    if who == "member":
        client.force_login(UserFactory(verified=True))
    elif who == "moderator":
        client.force_login(moderator)
    regions_before = RegionPage.objects.count()

    response = create(client, accepted, django_capture_on_commit_callbacks)

    assert response.status_code in (302, 403)
    assert RegionPage.objects.count() == regions_before
    assert mail.outbox == []


def test_an_unknown_application_is_not_found(client, editor, accepted):
    client.force_login(editor)

    response = client.post(reverse("region_applications:create_region", args=[accepted.pk + 99]))

    assert response.status_code == 404
