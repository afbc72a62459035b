"""A newsletter in Chromium, over a real SMTP server: a visitor subscribes to a region's list from its page,
confirms from the mail, an editor sends an issue, the visitor receives it and unsubscribes with one click.
axe checks the sign-up, confirmation and unsubscribe pages."""

import re
from urllib.parse import urlsplit

from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

import pytest
from playwright.sync_api import expect

from newsletter_issues.models import NewsletterIssue
from newsletters.models import MailingList, Subscription, SubscriptionStatus
from tests.e2e.test_accessibility import _offline
from tests.e2e.test_network_journey import PASSWORD, assert_accessible, log_in
from tests.members.factories import UserFactory
from tests.regions.factories import RegionPageFactory
from tests.smtp import smtp  # noqa: F401 (a fixture)

VISITOR = "vera.visitor@private.example"
EDITOR = "edda.editor@private.example"


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

    # An editor sends the issue the team wrote from the admin's send page, after a test to themselves.
    issue = NewsletterIssue.objects.create(subject="Lastenrad-Aktionstag in Neumarkt")
    issue.body = StreamValue(
        issue.body.stream_block,
        [("paragraph", RichText("<p>Am Samstag leihen wir Lastenräder aus.</p>"))],
        is_lazy=False,
    )
    issue.save()
    issue.lists.set([region_list])
    UserFactory(editor=True, email=EDITOR, password=PASSWORD, display_name="Edda")
    editor = new_page()
    _offline(editor, live_server.url)
    log_in(editor, EDITOR)
    editor.goto(f"/admin/newsletter-issues/{issue.pk}/send/")
    editor.get_by_role("button", name=re.compile("Test an mich senden|Send a test to me")).click()
    [test] = wait_for(smtp, EDITOR, 1, editor)
    assert smtp.to(VISITOR) == [confirmation]  # the test went to the editor only
    editor.get_by_role("button", name=re.compile("Jetzt an 1 Adresse senden|Send now to 1 address")).click()

    [_, received] = wait_for(smtp, VISITOR, 2, visitor)
    assert received["Subject"].endswith("Lastenrad-Aktionstag in Neumarkt")
    html = received.get_body(preferencelist=("html",)).get_content()
    assert "Am Samstag leihen wir Lastenräder aus." in html
    unsubscribe = re.search(r"<(http://\S+/newsletter/abmelden/\S+/)>", received["List-Unsubscribe"]).group(1)
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The link in the mail's footer is the header's: the visitor opens it and unsubscribes with one click.
    assert unsubscribe in smtp.text_of(received)
    visitor.goto(urlsplit(unsubscribe).path)
    assert_accessible(visitor, "Unsubscribe", failures)
    visitor.get_by_role("button", name="Abbestellen", exact=True).click()
    expect(visitor.get_by_role("heading", name="Abgemeldet")).to_be_visible()
    assert Subscription.objects.get(email=VISITOR).status == SubscriptionStatus.UNSUBSCRIBED
    assert not Subscription.objects.receiving().exists()

    assert not failures, "\n".join(failures)
