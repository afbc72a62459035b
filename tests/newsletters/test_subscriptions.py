"""Subscribing with double opt-in, confirming, one-click unsubscribing, over a real SMTP server."""

import base64
import json
import re
from datetime import timedelta

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from common.one_click import list_headers, make_token
from home.models import FieldOfAction
from newsletters.links import unsubscribe_url
from newsletters.models import (
    ConsentMethod,
    ListKind,
    MailingList,
    Subscription,
    SubscriptionStatus,
    Suppression,
)
from tests.members.factories import PASSWORD
from tests.regions.factories import RegionPageFactory
from tests.regions.helpers import join

SUBSCRIBE = "/newsletter/"
LINK = re.compile(r"http://testserver(/\S*/newsletter/bestaetigen/\S+/|/newsletter/bestaetigen/\S+/)")


@pytest.fixture
def region_list(region):
    return MailingList.objects.get(region=region)


@pytest.fixture
def network_list(db):
    return MailingList.objects.get(kind=ListKind.NETWORK)


def subscribe(client, address, *lists, captured):
    with captured(execute=True):
        return client.post(
            SUBSCRIBE,
            {"email": address, "lists": [mailing_list.pk for mailing_list in lists], "consent": "on"},
        )


def confirmation_path(inbox, address):
    (message,) = inbox.to(address)
    return LINK.search(inbox.text_of(message)).group(1)


def test_every_region_and_field_has_a_list_named_after_it(region, network_list):
    field = FieldOfAction.objects.create(
        name="Ernährung", name_en="Food", slug="ernaehrung", colour="#4C8C2B"
    )
    assert MailingList.objects.get(region=region).name == "Neues aus Neumarkt in der Oberpfalz"
    assert MailingList.objects.get(region=region).name_en == "News from Neumarkt in der Oberpfalz"
    assert MailingList.objects.get(field_of_action=field).name_en == "Field of action: Food"
    region.title = "Neumarkt"
    revision = region.save_revision()
    assert MailingList.objects.get(region=region).name == "Neues aus Neumarkt in der Oberpfalz"  # a draft
    revision.publish()
    assert MailingList.objects.get(region=region).name == "Neues aus Neumarkt"
    assert network_list.name == "Newsletter des Mitmach-Hubs"


def test_nothing_but_the_confirmation_reaches_an_address_before_it_is_confirmed(
    client, smtp, region_list, network_list, django_capture_on_commit_callbacks
):
    response = subscribe(
        client, "Ida@Example.org", region_list, network_list, captured=django_capture_on_commit_callbacks
    )

    assert response.status_code == 200
    assert "Please check your inbox" in response.text or "Bitte schau in dein Postfach" in response.text
    (message,) = smtp.to("ida@example.org")  # one mail for both lists: the link
    text = smtp.text_of(message)
    assert "Neues aus Neumarkt in der Oberpfalz" in text and "Newsletter des Mitmach-Hubs" in text
    rows = Subscription.objects.filter(email="ida@example.org")
    assert {row.status for row in rows} == {SubscriptionStatus.PENDING}
    assert not Subscription.objects.receiving().exists()
    assert all(row.confirmation_hash and row.confirmation_hash not in text for row in rows)


def test_the_link_confirms_once_on_a_click_not_on_opening(
    client, smtp, region_list, django_capture_on_commit_callbacks
):
    subscribe(client, "ida@example.org", region_list, captured=django_capture_on_commit_callbacks)
    path = confirmation_path(smtp, "ida@example.org")

    opened = client.get(path)  # a mail scanner, or the person before clicking
    assert opened.status_code == 200
    assert Subscription.objects.get().status == SubscriptionStatus.PENDING

    assert client.post(path).status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.status == SubscriptionStatus.CONFIRMED
    assert subscription.consent_method == ConsentMethod.EMAIL_LINK
    assert subscription.confirmed_at is not None and subscription.requested_at <= subscription.confirmed_at
    assert "Neues aus Neumarkt in der Oberpfalz" in subscription.consent_text
    assert list(Subscription.objects.receiving()) == [subscription]

    assert client.post(path).status_code == 404  # used
    assert client.get(path).status_code == 404


def test_an_expired_link_confirms_nothing(client, smtp, region_list, django_capture_on_commit_callbacks):
    subscribe(client, "ida@example.org", region_list, captured=django_capture_on_commit_callbacks)
    path = confirmation_path(smtp, "ida@example.org")
    Subscription.objects.update(requested_at=timezone.now() - timedelta(days=7, minutes=1))

    response = client.post(path)

    assert response.status_code == 410
    assert Subscription.objects.get().status == SubscriptionStatus.PENDING


def test_the_answer_is_the_same_for_an_address_on_the_list_and_it_gets_no_second_mail(
    client, smtp, region_list, django_capture_on_commit_callbacks
):
    Subscription.objects.create(
        mailing_list=region_list, email="ida@example.org", status=SubscriptionStatus.CONFIRMED
    )

    known = subscribe(client, "ida@example.org", region_list, captured=django_capture_on_commit_callbacks)
    unknown = subscribe(client, "bo@example.org", region_list, captured=django_capture_on_commit_callbacks)

    assert known.status_code == unknown.status_code == 200
    assert known.text.replace("ida@example.org", "X") == unknown.text.replace("bo@example.org", "X")
    assert smtp.to("ida@example.org") == []
    assert len(smtp.to("bo@example.org")) == 1


def test_a_suppressed_address_gets_no_confirmation_mail(
    client, smtp, region_list, django_capture_on_commit_callbacks
):
    Suppression.objects.create(email="ida@example.org", reason="bounced")
    response = subscribe(client, "ida@example.org", region_list, captured=django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert smtp.messages == []


def test_a_member_subscribes_their_confirmed_address_at_once(
    client, member, region_list, smtp, django_capture_on_commit_callbacks
):
    client.force_login(member)
    response = subscribe(
        client, member.email.upper(), region_list, captured=django_capture_on_commit_callbacks
    )

    assert response.status_code == 302 and response.url == reverse("newsletters:mine")
    subscription = Subscription.objects.get()
    assert (subscription.status, subscription.consent_method, subscription.user) == (
        SubscriptionStatus.CONFIRMED,
        ConsentMethod.MEMBER,
        member,
    )
    assert smtp.messages == []


def test_a_member_typing_another_address_confirms_it_by_mail(
    client, member, region_list, smtp, django_capture_on_commit_callbacks
):
    client.force_login(member)
    response = subscribe(
        client, "other@example.org", region_list, captured=django_capture_on_commit_callbacks
    )

    assert response.status_code == 200
    assert Subscription.objects.get().status == SubscriptionStatus.PENDING
    assert len(smtp.to("other@example.org")) == 1


def test_an_unconfirmed_account_gets_the_mailed_link_too(
    client, unverified, region_list, smtp, django_capture_on_commit_callbacks
):
    client.force_login(unverified)
    subscribe(client, unverified.email, region_list, captured=django_capture_on_commit_callbacks)

    assert Subscription.objects.get().status == SubscriptionStatus.PENDING
    assert len(smtp.to(unverified.email)) == 1


@pytest.mark.parametrize(
    "data",
    [
        {"email": "ida\x00@example.org", "consent": "on"},
        {"email": "a" * 300 + "@example.org", "consent": "on"},
        {"email": "ida@example.org", "consent": "on", "lists": ["99999999999999999999"]},
        {"email": "ida@example.org", "consent": "on", "lists": ["nix"]},
        {"email": "ida@example.org", "consent": "on", "lists": ["\x00"]},
        {"email": "ida@example.org"},  # no consent
        {"email": "ida@example.org", "consent": "on", "lists": []},
    ],
)
def test_bad_input_is_a_clear_400_and_nothing_is_stored(client, region_list, data):
    data = {"lists": [region_list.pk], **data}
    response = client.post(SUBSCRIBE, data)
    assert response.status_code == 400
    assert Subscription.objects.count() == 0


def test_a_closed_list_takes_no_subscriptions(client, region_list):
    region_list.active = False
    region_list.save()
    response = client.post(
        SUBSCRIBE, {"email": "ida@example.org", "lists": [region_list.pk], "consent": "on"}
    )
    assert response.status_code == 400


def test_the_list_a_region_page_links_to_is_chosen(client, region, region_list):
    page = client.get(region.url)
    link = f"{reverse('newsletters:subscribe')}?liste={region_list.pk}"
    assert link in page.text
    form = client.get(link)
    assert f'value="{region_list.pk}" id="id_lists_' in form.text and "checked" in form.text
    for value in ("nix", "9" * 30, "-1"):
        assert client.get(SUBSCRIBE, {"liste": value}).status_code == 200
    assert client.get(SUBSCRIBE, {"liste": "\x00"}).status_code == 400


def test_many_sign_ups_for_one_address_are_limited(
    client, region_list, smtp, django_capture_on_commit_callbacks
):
    answers = [
        subscribe(
            Client(), "ida@example.org", region_list, captured=django_capture_on_commit_callbacks
        ).status_code
        for _ in range(4)
    ]
    assert answers == [200, 200, 200, 429]
    assert len(smtp.to("ida@example.org")) == 3


# --- unsubscribing ----------------------------------------------------------------------------------


@pytest.fixture
def subscribed(region_list, network_list):
    rows = [
        Subscription.objects.create(
            mailing_list=mailing_list,
            email="ida@example.org",
            status=SubscriptionStatus.CONFIRMED,
            confirmed_at=timezone.now(),
        )
        for mailing_list in (region_list, network_list)
    ]
    return rows


def test_the_headers_offer_a_one_click_post(subscribed):
    url = unsubscribe_url(subscribed[0])
    headers = list_headers(url)
    assert headers["List-Unsubscribe"] == f"<{url}>"
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_one_click_post_without_login_or_csrf_token_unsubscribes(subscribed):
    client = Client(enforce_csrf_checks=True)
    path = unsubscribe_url(subscribed[0]).removeprefix("http://testserver")

    assert client.get(path).status_code == 200  # opening the link changes nothing
    assert Subscription.objects.receiving().count() == 2

    response = client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    ended = Subscription.objects.get(pk=subscribed[0].pk)
    assert ended.status == SubscriptionStatus.UNSUBSCRIBED and ended.unsubscribed_at is not None
    assert list(Subscription.objects.receiving()) == [subscribed[1]]  # the other list goes on
    assert client.post(path).status_code == 200  # twice is fine


def test_the_page_can_end_every_list_of_the_address(client, subscribed):
    path = unsubscribe_url(subscribed[0]).removeprefix("http://testserver")
    client.post(path, {"all": "1"})
    assert not Subscription.objects.receiving().exists()


@pytest.mark.parametrize(
    "token",
    ["nonsense", "x" * 300, "%00", make_token("another-scope", 1), make_token("subscription", "abc")],
)
def test_a_forged_or_damaged_unsubscribe_link_is_a_404_and_changes_nothing(client, subscribed, token):
    expected = 400 if token == "%00" else 404  # the request guard refuses NUL bytes anywhere
    assert client.post(f"/newsletter/abmelden/{token}/").status_code == expected
    assert Subscription.objects.receiving().count() == 2


# --- a member's own lists ---------------------------------------------------------------------------


def test_my_newsletters_needs_a_login_and_a_confirmed_address(client, unverified):
    anonymous = client.get(reverse("newsletters:mine"))
    assert anonymous.status_code == 302 and "/konto/login/" in anonymous.url
    client.force_login(unverified)
    assert client.get(reverse("newsletters:mine")).status_code == 403
    assert client.post(reverse("newsletters:mine"), {"lists": []}).status_code == 403


def test_a_member_changes_their_lists_and_sees_their_regions_list_offered(
    client, member, region, region_list, network_list
):
    join(member, region, agreed=False)
    other = Subscription.objects.create(
        mailing_list=network_list, email="someone@example.org", status=SubscriptionStatus.CONFIRMED
    )
    client.force_login(member)
    page = client.get(reverse("newsletters:mine"))
    assert "eine Region, bei der du mitmachst" in page.text
    assert (
        "Ich möchte die gewählten Newsletter des Mitmach-Hubs per E-Mail erhalten." in page.text
    )  # stored below

    client.post(reverse("newsletters:mine"), {"lists": [region_list.pk, network_list.pk]})
    assert set(
        Subscription.objects.receiving().filter(user=member).values_list("mailing_list", flat=True)
    ) == {
        region_list.pk,
        network_list.pk,
    }
    client.post(reverse("newsletters:mine"), {"lists": [network_list.pk]})
    mine = Subscription.objects.filter(user=member)
    assert mine.get(mailing_list=region_list).status == SubscriptionStatus.UNSUBSCRIBED
    assert mine.get(mailing_list=network_list).status == SubscriptionStatus.CONFIRMED
    assert Subscription.objects.get(pk=other.pk).status == SubscriptionStatus.CONFIRMED  # nobody else's

    closed = MailingList.objects.create(name="Regionallabor 2025", active=False)
    kept = Subscription.objects.create(
        mailing_list=closed, email=member.email.lower(), user=member, status=SubscriptionStatus.CONFIRMED
    )
    client.post(reverse("newsletters:mine"), {"lists": [network_list.pk]})
    assert Subscription.objects.get(pk=kept.pk).status == SubscriptionStatus.CONFIRMED  # not on the form

    for bad in (["nix"], ["\x00"], ["9" * 25]):
        assert client.post(reverse("newsletters:mine"), {"lists": bad}).status_code == 400
    assert mine.get(mailing_list=network_list).status == SubscriptionStatus.CONFIRMED


# --- privacy --------------------------------------------------------------------------------------


def test_export_and_deletion_cover_subscriptions_of_the_member_and_their_address(
    client, member, network_list
):
    Subscription.objects.create(
        mailing_list=network_list,
        email=member.email.lower(),
        status=SubscriptionStatus.CONFIRMED,
        consent_method=ConsentMethod.EMAIL_LINK,
        consent_text="Ja, bitte.",
    )
    someone_else = Subscription.objects.create(
        mailing_list=network_list, email="someone@example.org", status=SubscriptionStatus.CONFIRMED
    )
    client.force_login(member)
    exported = client.get(reverse("members:data_export")).json()
    (row,) = exported["newsletter_subscriptions"]
    assert row["consent_text"] == "Ja, bitte." and row["consent_given_by"] == "email_link"

    response = client.post(reverse("members:account_delete"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert list(Subscription.objects.all()) == [someone_else]


def test_only_editors_manage_lists_in_the_admin(client, editor, member):
    url = reverse("wagtailsnippets_newsletters_mailinglist:list")
    client.force_login(member)
    assert client.get(url).status_code in (302, 403)
    client.force_login(editor)
    assert client.get(url).status_code == 200
    assert client.get(reverse("wagtailsnippets_newsletters_suppression:list")).status_code == 200


# --- the mail provider's reports ------------------------------------------------------------------

POSTMARK_TRACKING = "/newsletter/anymail/postmark/tracking/"


def provider_post(client, payload, secret=None):
    secret = secret or settings.ANYMAIL["WEBHOOK_SECRET"]
    auth = base64.b64encode(secret.encode()).decode()
    return client.post(
        POSTMARK_TRACKING,
        json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Basic {auth}",
    )


def bounce(address, kind="HardBounce"):
    return {
        "RecordType": "Bounce",
        "Type": kind,
        "TypeCode": 1,
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Email": address,
        "Description": "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
        "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
        "BouncedAt": "2026-11-30T10:00:00Z",
    }


def test_a_hard_bounce_reported_by_the_provider_suppresses_the_address(client, subscribed):
    response = provider_post(client, bounce("Ida@example.org"))

    assert response.status_code == 200
    suppression = Suppression.objects.get()
    assert (suppression.email, suppression.reason) == ("ida@example.org", "bounced")
    assert "Postmark" in suppression.detail
    assert not Subscription.objects.receiving().exists()  # both lists stop


def test_a_spam_complaint_suppresses_and_an_unsubscribe_at_the_provider_ends_the_subscriptions(
    client, subscribed
):
    provider_post(client, {**bounce("ida@example.org", "SpamComplaint"), "RecordType": "SpamComplaint"})
    assert Suppression.objects.get().reason == "complained"

    Suppression.objects.all().delete()
    provider_post(
        client,
        {
            "RecordType": "SubscriptionChange",
            "Recipient": "ida@example.org",
            "SuppressSending": True,
            "SuppressionReason": "ManualSuppression",
            "ChangedAt": "2026-11-30T10:00:00Z",
            "MessageID": "x",
        },
    )
    assert set(Subscription.objects.values_list("status", flat=True)) == {SubscriptionStatus.UNSUBSCRIBED}


def test_a_temporary_problem_suppresses_nothing(client, subscribed):
    provider_post(client, bounce("ida@example.org", "Transient"))
    assert not Suppression.objects.exists()


def test_reports_without_the_secret_are_refused(client, subscribed):
    assert provider_post(client, bounce("ida@example.org"), secret="provider:guess").status_code == 400
    assert (
        client.post(
            POSTMARK_TRACKING, json.dumps(bounce("ida@example.org")), content_type="application/json"
        ).status_code
        == 400
    )
    assert not Suppression.objects.exists()


def test_an_unpublished_region_offers_no_list(client, region_index):
    hidden = RegionPageFactory(parent=region_index, title="Geheimregion", slug="geheim", live=False)
    assert MailingList.objects.filter(region=hidden).exists()  # ready for when it is published
    assert "Geheimregion" not in client.get(SUBSCRIBE).text
    response = client.post(
        SUBSCRIBE,
        {"email": "ida@example.org", "lists": [MailingList.objects.get(region=hidden).pk], "consent": "on"},
    )
    assert response.status_code == 400


def test_odd_digits_in_the_list_parameter_are_ignored(client, region_list):
    assert client.get(SUBSCRIBE, {"liste": "²"}).status_code == 200


def test_the_admin_has_no_chooser_listing_subscribers_or_suppressed_addresses(
    client, moderator, editor, subscribed
):
    Suppression.objects.create(email="ida@example.org", reason="bounced")
    for user in (moderator, editor):
        client.force_login(user)
        for model in (
            "newsletters/subscription",
            "newsletters/suppression",
            "newsletter_issues/newsletterissue",
        ):
            response = client.get(f"/admin/snippets/choose/{model}/")
            assert response.status_code == 404
            assert "ida@example.org" not in response.text
