"""A member's data export lists the issues mailed to their addresses; deleting the account forgets them."""

import json

from django.urls import reverse

import pytest

from members.privacy import delete_account
from newsletter_issues import sending
from newsletter_issues.models import Delivery
from tests.newsletter_issues.helpers import make_issue, subscribe


@pytest.fixture
def received(settings, network, member):
    settings.QUEUED_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    subscribe(network, member.email, user=member)
    subscribe(network, "jemand@example.org")
    issue = make_issue([network], subject="Herbstausgabe")
    sending.send_now(issue)
    return issue


@pytest.mark.django_db
def test_the_export_lists_the_issues_mailed_to_the_member(client, member, received):
    client.force_login(member)

    data = json.loads(client.get(reverse("members:data_export")).content)

    (entry,) = data["newsletter_issues_received"]
    assert entry["issue"] == "Herbstausgabe" and entry["email"] == member.email and entry["status"] == "sent"
    assert "jemand@example.org" not in json.dumps(data)


@pytest.mark.django_db
def test_deleting_the_account_forgets_the_address_of_its_deliveries(member, received):
    address = member.email

    delete_account(member)

    assert not Delivery.objects.filter(email=address).exists()
    assert Delivery.objects.filter(email="").count() == 1  # the issue's figures stay
    assert Delivery.objects.filter(email="jemand@example.org").exists()
