"""Writing through the hub: to members with a public card, to initiatives and to regional teams. The recipient's
address never reaches the sender; recipients can switch messages off; every mail can be reported; rate limits
per sender and per recipient answer 429."""

from django.core import mail

import pytest

from network.models import Card, ContactMessage
from regions.models import ApprovalStatus
from tests.members.factories import UserFactory
from tests.regions.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

SECRET = "geheim.adresse@private.example"


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    def post(url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post


@pytest.fixture
def recipient(db):
    user = UserFactory(verified=True, display_name="Rita Empfang", email=SECRET, language="en")
    Card.objects.create(user=user, listed=True, place="Münster")
    return user


@pytest.fixture
def sender(client):
    user = UserFactory(verified=True, display_name="Sam Sender", email="sam@sender.example")
    client.force_login(user)
    return user


@pytest.fixture
def initiative(region, recipient):
    return InitiativeFactory(
        region=region, name="Repair-Café", submitted_by=recipient, approval_status=ApprovalStatus.APPROVED
    )


def url(kind, pk):
    return f"/netzwerk/kontakt/{kind}/{pk}/"


MESSAGE = {"subject": "Saatgut-Tausch", "body": "Hallo, habt ihr noch Tomatensamen?"}


def test_a_member_is_written_to_without_seeing_the_address(client, sender, recipient, send):
    page = client.get(url("member", recipient.pk))
    assert page.status_code == 200
    assert SECRET not in page.content.decode()

    response = send(url("member", recipient.pk), MESSAGE)

    assert response.status_code == 302
    followed = client.get(response["Location"]).content.decode()
    assert SECRET not in followed
    assert "Rita Empfang" in followed  # "Deine Nachricht an Rita Empfang ist unterwegs."
    [forwarded] = mail.outbox
    assert forwarded.to == [SECRET]
    assert forwarded.reply_to == []  # the sender did not agree to share their address
    assert "sam@sender.example" not in str(forwarded.message())
    assert "Sam Sender via Mitmach-Hub: Saatgut-Tausch" in forwarded.subject  # in the recipient's language
    assert "Tomatensamen" in forwarded.body
    message = ContactMessage.objects.get()
    assert f"/netzwerk/melden/{message.report_token}/" in forwarded.body
    # Nothing went to the sender: no copy that could carry the recipient's address in its headers.
    assert all("sam@sender.example" not in m.to for m in mail.outbox)


def test_the_sender_may_share_their_address_for_a_reply(sender, recipient, send):
    send(url("member", recipient.pk), {**MESSAGE, "reply_to_sender": "on"})

    assert mail.outbox[0].reply_to == ["sam@sender.example"]


def test_an_initiative_reaches_its_owner(client, sender, initiative, send):
    profile = client.get(initiative.get_absolute_url()).content.decode()
    assert url("initiative", initiative.pk) in profile

    send(url("initiative", initiative.pk), MESSAGE)

    assert mail.outbox[0].to == [SECRET]
    assert "your initiative “Repair-Café”" in mail.outbox[0].body


def test_a_regional_team_is_reached_at_its_team_address(client, sender, region, send):
    assert url("region", region.pk) in client.get(region.url).content.decode()

    send(url("region", region.pk), MESSAGE)

    assert mail.outbox[0].to == [region.contact_email]
    assert region.contact_email not in client.get(url("region", region.pk)).content.decode()


def test_contact_switched_off_means_no_form(client, sender, recipient, initiative):
    Card.objects.filter(user=recipient).update(contact_allowed=False)

    assert client.get(url("member", recipient.pk)).status_code == 404
    assert client.get(url("initiative", initiative.pk)).status_code == 404
    assert url("initiative", initiative.pk) not in client.get(initiative.get_absolute_url()).content.decode()


@pytest.mark.parametrize("visible", ["nowhere", "pending_initiative"])
def test_nobody_without_a_public_card_or_approved_entry_can_be_written_to(client, sender, region, visible):
    hidden = UserFactory(verified=True)
    if visible == "nowhere":
        target = url("member", hidden.pk)
    else:
        pending = InitiativeFactory(
            region=region, submitted_by=hidden, approval_status=ApprovalStatus.PENDING
        )
        target = url("initiative", pending.pk)

    assert client.get(target).status_code == 404
    assert client.post(target, MESSAGE).status_code == 404
    assert mail.outbox == []


def test_anonymous_visitors_log_in_and_unconfirmed_members_get_a_403(client, recipient):
    response = client.get(url("member", recipient.pk))
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]

    client.force_login(UserFactory(unverified=True))
    assert client.get(url("member", recipient.pk)).status_code == 403
    assert client.post(url("member", recipient.pk), MESSAGE).status_code == 403
    assert not ContactMessage.objects.exists()


def test_nobody_writes_to_themselves(client, recipient):
    client.force_login(recipient)

    assert client.get(url("member", recipient.pk)).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/netzwerk/kontakt/alien/1/",
        "/netzwerk/kontakt/member/0/",
        "/netzwerk/kontakt/member/99999999999999999999/",
        "/netzwerk/kontakt/region/2147483648/",
    ],
)
def test_unknown_kinds_and_ids_are_404(client, sender, path):
    assert client.get(path).status_code in (400, 404)


@pytest.mark.parametrize(
    "data",
    [
        {"subject": "", "body": "Hallo"},
        {"subject": "x" * 151, "body": "Hallo"},
        {"subject": "Hallo", "body": "x" * 4001},
    ],
)
def test_bad_messages_come_back_with_the_form(client, sender, recipient, data):
    response = client.post(url("member", recipient.pk), data)

    assert response.status_code == 200
    assert not ContactMessage.objects.exists()


def test_a_nul_byte_is_a_400(client, sender, recipient):
    assert client.post(url("member", recipient.pk), {"subject": "a\x00b", "body": "x"}).status_code == 400


def test_user_text_in_the_mail_and_the_page_is_not_markup(client, sender, recipient, send):
    send(url("member", recipient.pk), {"subject": "<b>Hi</b>", "body": "<script>alert(1)</script>"})

    assert "<script>alert(1)</script>" in mail.outbox[0].body  # plain text mail: shown as typed
    assert mail.outbox[0].content_subtype == "plain"


def test_rate_limit_per_sender_answers_429_and_keeps_the_text(client, sender, send, db):
    targets = []
    for _number in range(6):
        user = UserFactory(verified=True)
        Card.objects.create(user=user, listed=True)
        targets.append(user)

    statuses = [send(url("member", user.pk), MESSAGE).status_code for user in targets]

    assert statuses == [302] * 5 + [429]
    refused = send(url("member", targets[-1].pk), MESSAGE)
    assert "Tomatensamen" in refused.content.decode()
    assert len(mail.outbox) == 5


def test_rate_limit_per_recipient_answers_429(client, recipient, send):
    statuses = []
    for _number in range(21):
        client.force_login(UserFactory(verified=True))
        statuses.append(send(url("member", recipient.pk), MESSAGE).status_code)

    assert statuses == [302] * 20 + [429]


def test_one_sender_cannot_use_up_a_recipients_allowance(client, sender, recipient, send):
    statuses = [send(url("member", recipient.pk), MESSAGE).status_code for _number in range(4)]
    client.force_login(UserFactory(verified=True))

    assert statuses == [302] * 3 + [429]
    assert send(url("member", recipient.pk), MESSAGE).status_code == 302  # someone else still gets through


def test_the_report_link_reaches_the_editors_without_login(client, sender, recipient, editor, send):
    send(url("member", recipient.pk), MESSAGE)
    message = ContactMessage.objects.get()
    mail.outbox.clear()
    client.logout()
    report = f"/netzwerk/melden/{message.report_token}/"

    assert "Saatgut-Tausch" in client.get(report).content.decode()
    response = send(report, {"reason": "Werbung"})
    send(report, {"reason": "noch einmal"})  # a second report does not mail again

    assert response.status_code == 200
    [to_editors] = mail.outbox
    assert to_editors.to == [editor.email]
    assert "Werbung" in to_editors.body
    assert "sam@sender.example" in to_editors.body  # the editors need to know who sent it
    message.refresh_from_db()
    assert message.reported_at is not None


def test_unknown_report_tokens_are_404(client):
    assert client.get("/netzwerk/melden/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert client.get("/netzwerk/melden/not-a-uuid/").status_code == 404


def test_export_and_account_deletion_cover_cards_and_messages(client, sender, recipient, send):
    send(url("member", recipient.pk), MESSAGE)

    exported = client.get("/mitglied/daten/export/").json()
    assert exported["messages_sent"][0]["subject"] == "Saatgut-Tausch"
    client.force_login(recipient)
    exported = client.get("/mitglied/daten/export/").json()
    assert exported["directory_card"]["place"] == "Münster"
    assert exported["messages_received"][0]["from"] == "Sam Sender"

    recipient.delete()  # deletion cascades the card; the hook removes what was sent to them
    assert not Card.objects.filter(user_id=recipient.pk).exists()
