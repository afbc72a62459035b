"""Sending an issue over a real SMTP server: what arrives, to whom, exactly once."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest
import wagtail_factories
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from newsletter_issues import sending
from newsletter_issues.models import Delivery, DeliveryStatus, IssueStatus
from newsletters.models import Subscription, SubscriptionStatus, Suppression, SuppressionReason
from tests.newsletter_issues.helpers import body_of, make_issue, run_queue, subscribe
from tests.smtp import free_port

QUEUED = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def rich_issue(network, home_page):
    issue = make_issue([network], subject="Frühling im Netzwerk", preheader="Drei neue Regionen")
    image = wagtail_factories.ImageFactory(title="Lastenrad")
    issue.body = body_of(
        issue,
        [
            ("heading", {"text": "Neue Regionen", "level": "h2"}),
            (
                "paragraph",
                f'<p>Mehr im <a href="/aktionen/">Aktions-Pool</a> und <a id="{home_page.pk}" linktype="page">hier</a>.</p>',
            ),
            ("image", {"image": image, "caption": "Unser Lastenrad", "attribution": ""}),
            (
                "call_to_action",
                {
                    "title": "Mitmachen",
                    "text": "",
                    "button_label": "Los",
                    "page": None,
                    "url": "https://example.org/los",
                },
            ),
        ],
    )
    issue.save()
    return issue


@pytest.mark.django_db
def test_the_mail_on_the_wire_has_both_parts_absolute_links_and_the_one_click_headers(
    smtp, network, rich_issue
):
    subscription = subscribe(network, "ada@example.org", language="en")

    assert sending.send_now(rich_issue)

    (message,) = [message for recipient, message in smtp.received if recipient == "ada@example.org"]
    assert message["Subject"] == "Frühling im Netzwerk"
    html = message.get_body(preferencelist=("html",)).get_content()
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert '<html lang="en">' in html  # the footer in the subscriber's language
    assert "Drei neue Regionen" in html and "Neue Regionen" in html
    assert 'href="http://testserver/aktionen/"' in html
    assert re.search(r'<img src="http://testserver/media/[^"]+\.(png|jpg|jpeg|gif)"', html)
    assert not re.search(r'(href|src)="/', html)  # nothing relative
    assert "Aktions-Pool (http://testserver/aktionen/)" in text
    assert "Neue Regionen" in text and "https://example.org/los" in text
    link = "/en/newsletter/abmelden/"  # the English subscriber's language
    header = message["List-Unsubscribe"].strip()  # unfolded: the line was folded after the colon
    assert header.startswith(f"<http://testserver{link}")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = header[1:-1]
    assert f'href="{url}"' in html and url in text  # the footer carries the same link
    rich_issue.refresh_from_db()
    assert (rich_issue.status, rich_issue.sent_count, rich_issue.recipients_count) == (IssueStatus.SENT, 1, 1)
    assert Delivery.objects.get().subscription == subscription


@pytest.mark.django_db
def test_the_one_click_post_to_the_header_url_ends_the_subscription(client, smtp, network):
    subscription = subscribe(network, "ada@example.org")
    sending.send_now(make_issue([network]))
    url = smtp.message_to("ada@example.org")["List-Unsubscribe"].strip()[1:-1]

    response = client.post(url.removeprefix("http://testserver"), {"List-Unsubscribe": "One-Click"})

    assert response.status_code < 400
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.UNSUBSCRIBED


@pytest.mark.django_db
def test_every_confirmed_subscriber_gets_it_once_and_nobody_else(
    smtp, network, region_news, other_region_news
):
    subscribe(network, "beide@example.org")
    subscribe(region_news, "beide@example.org")
    subscribe(network, "netz@example.org")
    subscribe(region_news, "region@example.org")
    subscribe(other_region_news, "woanders@example.org")  # a list the issue does not go to
    subscribe(network, "wartet@example.org", status=SubscriptionStatus.PENDING)
    subscribe(network, "weg@example.org", status=SubscriptionStatus.UNSUBSCRIBED)
    subscribe(network, "prallt@example.org")
    Suppression.objects.create(email="prallt@example.org", reason=SuppressionReason.BOUNCED)
    issue = make_issue([network, region_news])

    sending.send_now(issue)

    assert sorted(smtp.recipients) == ["beide@example.org", "netz@example.org", "region@example.org"]
    issue.refresh_from_db()
    assert (issue.status, issue.recipients_count, issue.sent_count) == (IssueStatus.SENT, 3, 3)


@pytest.mark.django_db
def test_an_issue_in_one_language_goes_to_the_subscribers_of_that_language(smtp, network):
    subscribe(network, "de@example.org", language="de")
    subscribe(network, "en@example.org", language="en")

    sending.send_now(make_issue([network], language="en"))

    assert smtp.recipients == ["en@example.org"]


@pytest.mark.django_db
def test_a_refused_address_is_recorded_and_the_batch_goes_on(smtp, network, settings):
    settings.NEWSLETTER_BATCH_SIZE = 2
    for address in ["a@example.org", "kaputt@example.org", "b@example.org", "c@example.org"]:
        subscribe(network, address)
    issue = make_issue([network])

    sending.send_now(issue)

    assert sorted(smtp.recipients) == ["a@example.org", "b@example.org", "c@example.org"]
    failed = Delivery.objects.get(status=DeliveryStatus.FAILED)
    assert failed.email == "kaputt@example.org" and "550" in failed.error
    issue.refresh_from_db()
    assert (issue.status, issue.sent_count, issue.failed_count) == (IssueStatus.SENT, 3, 1)


@pytest.mark.django_db
def test_unsubscribing_or_a_bounce_after_queueing_stops_the_mail_already_queued(smtp, network, settings):
    settings.TASKS = QUEUED
    for address in ["bleibt@example.org", "geht@example.org", "prallt@example.org"]:
        subscribe(network, address)
    issue = make_issue([network])
    sending.send_now(issue)
    # The recipients are written, the batch waits in the queue.
    (prepare,) = DBTaskResult.objects.ready().filter(task_path__startswith="newsletter_issues.")
    prepare.task.call(*prepare.task_result.args)
    assert Delivery.objects.filter(status=DeliveryStatus.PENDING).count() == 3

    Subscription.objects.filter(email="geht@example.org").update(status=SubscriptionStatus.UNSUBSCRIBED)
    Suppression.objects.create(email="prallt@example.org", reason=SuppressionReason.COMPLAINED)
    run_queue()

    assert smtp.recipients == ["bleibt@example.org"]
    assert set(Delivery.objects.values_list("email", "status")) == {
        ("bleibt@example.org", DeliveryStatus.SENT),
        ("geht@example.org", DeliveryStatus.SKIPPED),
        ("prallt@example.org", DeliveryStatus.SKIPPED),
    }
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT


@pytest.mark.django_db
def test_a_scheduled_issue_waits_for_its_time_and_a_cancelled_one_is_not_sent(smtp, network, settings):
    settings.TASKS = QUEUED
    subscribe(network, "ada@example.org")
    issue = make_issue([network])
    when = timezone.now() + timedelta(hours=2)

    assert sending.schedule(issue, when)

    (task,) = DBTaskResult.objects.filter(task_path__startswith="newsletter_issues.")
    assert task.run_after == when
    run_queue()
    assert smtp.recipients == []  # not due yet
    assert sending.cancel_schedule(issue)
    DBTaskResult.objects.update(run_after=timezone.now())
    run_queue()
    assert smtp.recipients == []
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT

    # Scheduled again: the new time counts, the cancelled task stays without effect.
    assert sending.schedule(issue, timezone.now() + timedelta(minutes=5))
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())
    run_queue()
    assert smtp.recipients == ["ada@example.org"]


@pytest.mark.django_db
def test_resuming_a_broken_chain_sends_only_what_still_waits(smtp, network, settings):
    settings.TASKS = QUEUED
    settings.TASK_ABANDONED_AFTER = 3600
    for address in ["eins@example.org", "zwei@example.org", "drei@example.org"]:
        subscribe(network, address)
    issue = make_issue([network])
    sending.send_now(issue)
    (prepare,) = DBTaskResult.objects.ready().filter(task_path__startswith="newsletter_issues.")
    prepare.task.call(*prepare.task_result.args)
    done, claimed_by_a_failed_task, waiting = Delivery.objects.order_by("email")
    Delivery.objects.filter(pk=done.pk).update(status=DeliveryStatus.SENT)
    Delivery.objects.filter(pk=claimed_by_a_failed_task.pk).update(
        claimed_by="a-task-that-failed", claimed_at=timezone.now() - timedelta(hours=2)
    )
    DBTaskResult.objects.filter(task_path__startswith="newsletter_issues.").delete()  # the chain broke
    issue.refresh_from_db()

    assert sending.resume(issue)
    run_queue()

    assert sorted(smtp.recipients) == sorted([claimed_by_a_failed_task.email, waiting.email])
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT


@pytest.mark.django_db
def test_an_issue_scheduled_from_the_admin_in_local_time_goes_out_when_due(
    client, editor, smtp, network, settings
):
    settings.TASKS = QUEUED
    subscribe(network, "ada@example.org")
    issue = make_issue([network])
    when = timezone.localtime(timezone.now() + timedelta(hours=2))  # Europe/Berlin, as the form gives it
    client.force_login(editor)

    client.post(
        reverse("newsletter_issues_admin_dispatch", args=[issue.pk]),
        {"action": "schedule", "when": when.strftime("%Y-%m-%dT%H:%M")},
    )
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SCHEDULED
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())
    run_queue()

    assert smtp.recipients == ["ada@example.org"]
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT


@pytest.mark.django_db
def test_scheduling_without_a_queue_that_can_wait_is_refused_not_a_crash(network):
    issue = make_issue([network])  # the test settings run tasks at once, as development does
    assert not sending.schedule(issue, timezone.now() + timedelta(hours=1))
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT


@pytest.mark.django_db
def test_an_english_subscriber_gets_english_links_and_a_quote_is_shown_as_text(smtp, network):
    subscribe(network, "ada@example.org", language="en")
    issue = make_issue([network])
    issue.body = body_of(
        issue, [("quote", {"text": "Zusammen geht mehr.\nAuch in Neumarkt.", "attribution": ""})]
    )
    issue.save()

    assert sending.send_now(issue)

    message = smtp.message_to("ada@example.org")
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "<p>Zusammen geht mehr.<br>Auch in Neumarkt.</p>" in html and "&lt;p&gt;" not in html
    assert re.search(r"<http://testserver/en/newsletter/abmelden/\S+/>", message["List-Unsubscribe"])
    assert f"http://testserver/en/newsletter/archiv/{issue.pk}/" in html


@pytest.mark.django_db
def test_a_mail_server_that_is_down_when_a_batch_starts_delays_the_batch(network, settings):
    settings.TASKS = QUEUED
    settings.QUEUED_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    subscribe(network, "ada@example.org")
    issue = make_issue([network])

    assert sending.send_now(issue)
    run_queue()

    later = DBTaskResult.objects.filter(status=TaskResultStatus.READY, task_path__endswith="send_batch")
    assert later.count() == 1 and later.get().run_after > timezone.now()
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENDING
    assert Delivery.objects.get().status == DeliveryStatus.PENDING


@pytest.mark.django_db
def test_an_address_an_editor_suppresses_in_capitals_gets_nothing(smtp, network):
    subscribe(network, "ada@example.org")
    Suppression.objects.create(email="Ada@Example.ORG", reason=SuppressionReason.MANUAL)
    sending.send_now(make_issue([network]))
    assert smtp.recipients == []
