"""A newsletter in Chromium, over a real SMTP server: a visitor subscribes to a region's list from its page,
confirms from the mail, an editor sends an issue, the visitor receives it and unsubscribes with one click.
axe checks the sign-up, confirmation and unsubscribe pages."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from newsletters.models import MailingList, Subscription, SubscriptionStatus
from tests.e2e.test_accessibility import _offline
from tests.e2e.test_network_journey import assert_accessible
from tests.regions.factories import RegionPageFactory
from tests.smtp import smtp  # noqa: F401 (a fixture)

VISITOR = "vera.visitor@private.example"


def wait_for(inbox, address, count, page):
    """The mails ``address`` received, once there are ``count`` (the worker runs in the request here)."""
    for _ in range(100):
        if len(inbox.to(address)) >= count:
            return inbox.to(address)
        page.wait_for_timeout(100)
    raise AssertionError(f"{address} received {len(inbox.to(address))} mails, expected {count}")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_subscribe_confirm_receive_and_unsubscribe(new_page, live_server, region_index, smtp):  # noqa: F811
    region = RegionPageFactory(parent=region_index, title="Neumarkt", slug="neumarkt")
    region_list = MailingList.objects.get(region=region)
    failures = []

    visitor = new_page()
    _offline(visitor, live_server.url)
    visitor.goto(region.url)
    visitor.get_by_role("link", name="Newsletter der Region").click()
    assert_accessible(visitor, "Sign-up", failures)
    expect(visitor.get_by_label("Neues aus Neumarkt")).to_be_checked()
    visitor.get_by_label("Deine E-Mail-Adresse").fill(VISITOR)
    visitor.get_by_label(re.compile("Ich möchte die gewählten Newsletter")).check()
    visitor.get_by_role("button", name="Abonnieren").click()
    expect(visitor.get_by_role("heading", name="Bitte schau in dein Postfach")).to_be_visible()
    assert Subscription.objects.get(email=VISITOR).status == SubscriptionStatus.PENDING

    [confirmation] = wait_for(smtp, VISITOR, 1, visitor)
    link = re.search(r"http://\S+/newsletter/bestaetigen/\S+/", smtp.text_of(confirmation)).group(0)
    visitor.goto(urlsplit(link).path)
    assert_accessible(visitor, "Confirmation", failures)
    visitor.get_by_role("button", name="Ja, schickt mir diese Newsletter").click()
    expect(visitor.get_by_role("heading", name="Anmeldung bestätigt")).to_be_visible()
    assert list(Subscription.objects.receiving().values_list("email", "mailing_list")) == [
        (VISITOR, region_list.pk)
    ]

    # SEND: an editor sends an issue to the region's list (filled in once the issues are merged).

    assert not failures, "\n".join(failures)
