"""A member's applications (sent from one of their confirmed addresses) are in their export and go with them."""

from django.test import Client

from wagtail.contrib.forms.models import FormSubmission

import pytest

from members.privacy import delete_account, export_user_data
from region_applications.models import Application
from tests.members.factories import UserFactory
from tests.region_applications.helpers import valid_data


@pytest.fixture
def applications(application_page):
    Client().post(application_page.url, valid_data(e_mail="Erika@Example.org"))
    Client().post(application_page.url, valid_data(name="Bert Beispiel", e_mail="bert@example.org"))
    Application.objects.filter(email__iexact="erika@example.org").update(note="Sehr motiviert.")
    return application_page


def test_the_export_holds_the_members_applications_with_status_and_note(applications):
    erika = UserFactory(verified=True, email="erika@example.org")

    exported = export_user_data(erika)["region_applications"]

    assert len(exported) == 1
    assert exported[0]["answers"]["name"] == "Erika Muster"
    assert exported[0]["status"] == "Neu"
    assert exported[0]["note"] == "Sehr motiviert."
    assert "Bert" not in str(exported)


def test_an_unconfirmed_address_exports_nothing(applications):
    squatter = UserFactory(unverified=True, email="erika@example.org")

    assert export_user_data(squatter)["region_applications"] == []


def test_deleting_the_account_deletes_the_members_applications(applications):
    erika = UserFactory(verified=True, email="erika@example.org")

    delete_account(erika)

    assert list(Application.objects.values_list("name", flat=True)) == ["Bert Beispiel"]
    assert FormSubmission.objects.count() == 1
