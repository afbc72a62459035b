"""Co-owners of an initiative: an owner invites an e-mail address, the hub mails a single-use link that expires;
whoever accepts must be logged in with that address confirmed, and then looks after the entry as the submitter
does (changes to an approved entry wait for the team). The submitter and the editors remove co-owners, a
co-owner leaves. Nothing the inviter sees tells whether the address has an account. The data export lists
co-ownerships and invitations; deleting the submitter's account hands the entry to its longest co-owner."""

import re
from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest

from background.mail import QueuedMessage
from members.privacy import delete_account, export_user_data
from regions.co_owners import MAX_PENDING_INVITATIONS
from regions.models import ApprovalStatus, CoOwnerInvitation, Initiative, InitiativeCoOwner
from tests.members.factories import UserFactory
from tests.regions.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

INVITEE = "ina.eingeladen@example.org"
LINK = re.compile(r"http://testserver(/en)?/mitmachen/initiativen/einladung/([A-Za-z0-9_-]+)/")


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """``client.post`` as a real request ends: with its transaction committed (the mails go out then)."""

    def send(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(*args, **kwargs)

    return send


@pytest.fixture
def owner(client):
    user = UserFactory(verified=True, display_name="Olga Owner", email="olga@example.org")
    client.force_login(user)
    return user


@pytest.fixture
def initiative(region, owner):
    entry = InitiativeFactory(
        region=region,
        name="Repair-Café Neumarkt",
        kind="project",
        description="Jeden ersten Samstag.",
        approval_status=ApprovalStatus.APPROVED,
        submitted_by=owner,
    )
    mail.outbox.clear()
    return entry


@pytest.fixture
def invitee(db):
    return UserFactory(verified=True, display_name="Ina Eingeladen", email=INVITEE)


def page_url(initiative):
    return reverse("regions:co_owners", args=[initiative.pk])


def en(url):
    """The English page of ``url`` (after a request to /en/, ``reverse`` already answers in English)."""
    return url if url.startswith("/en/") else f"/en{url}"


def accept_url(token):
    return reverse("regions:accept_co_owner_invitation", args=[token])


def invite(post, initiative, email=INVITEE):
    """Invite ``email`` in English; returns the response and the token from the mail (None without mail)."""
    mail.outbox.clear()
    response = post(en(page_url(initiative)), {"email": email})
    found = [LINK.search(message.body) for message in mail.outbox]
    return response, (found[0].group(2) if found and found[0] else None)


def co_owner_of(initiative, user):
    InitiativeCoOwner.objects.create(initiative=initiative, user=user)
    return user


# --- Inviting ---------------------------------------------------------------------------------------------


def test_the_invitation_is_mailed_through_the_queue_in_the_inviters_language(
    client, owner, initiative, post, settings
):
    settings.EMAIL_BACKEND = "background.mail.QueuedEmailBackend"
    settings.QUEUED_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    response, token = invite(post, initiative, "Ina.Eingeladen@Example.org")

    assert response.status_code == 302
    [message] = mail.outbox
    assert isinstance(message, QueuedMessage)  # sent by the queue's task, not by the request
    assert message.to == [INVITEE]
    # The header as it was queued (the rebuilt message's ``subject`` keeps the folding's leading space).
    assert (
        str(message.message()["Subject"]).strip()
        == "[Mitmach-Hub] Invitation to look after the initiative “Repair-Café Neumarkt”"
    )
    assert "Olga Owner invites you" in message.body
    assert f"http://testserver/en/mitmachen/initiativen/einladung/{token}/" in message.body
    assert "olga@example.org" not in message.body
    # Only a hash of the token is kept.
    invitation = CoOwnerInvitation.objects.get()
    assert invitation.email == INVITEE
    assert token not in invitation.token_hash
    assert invitation.expires_at - timezone.now() > timedelta(days=13)


def test_the_answer_does_not_tell_whether_the_address_has_an_account(
    client, owner, initiative, invitee, post
):
    def answer(email):
        response, token = invite(post, initiative, email)
        assert token is not None  # a mail goes out either way
        page = client.get(en(page_url(initiative)))
        CoOwnerInvitation.objects.all().delete()
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page.content.decode())
        html = re.sub(r"einladungen/\d+/", "einladungen/ID/", html)  # the row's own id
        return response.status_code, response["Location"], html.replace(email, "ADDRESS")

    assert answer(INVITEE) == answer("niemand@example.org")


def test_inviting_again_replaces_the_link(client, owner, initiative, invitee, post):
    _response, first = invite(post, initiative)
    _response, second = invite(post, initiative)

    assert first != second
    assert CoOwnerInvitation.objects.count() == 1
    client.force_login(invitee)
    assert client.post(accept_url(first)).status_code == 404
    assert client.post(accept_url(second)).status_code == 302


def test_at_most_a_few_invitations_wait_at_a_time(client, owner, initiative, post):
    for number in range(MAX_PENDING_INVITATIONS):
        assert invite(post, initiative, f"person{number}@example.org")[0].status_code == 302

    response, token = invite(post, initiative, "one.more@example.org")

    assert response.status_code == 400
    assert token is None
    assert f"At most {MAX_PENDING_INVITATIONS} invitations can wait" in response.content.decode()
    # An address already invited can still get a new link; an expired invitation frees its place.
    assert invite(post, initiative, "person0@example.org")[0].status_code == 302
    CoOwnerInvitation.objects.filter(email="person1@example.org").update(expires_at=timezone.now())
    assert invite(post, initiative, "one.more@example.org")[0].status_code == 302


def test_invitations_are_rate_limited_per_address(client, owner, initiative, post, settings):
    limit = int(settings.ACCOUNT_RATE_LIMITS["co_owner_invite_address"].split("/")[0])
    for _ in range(limit):
        assert invite(post, initiative)[0].status_code == 302

    response, token = invite(post, initiative)

    assert response.status_code == 429
    assert token is None
    assert "Too many invitations" in response.content.decode()


def test_invitations_are_rate_limited_per_inviter(client, owner, region, post, settings):
    hourly = int(settings.ACCOUNT_RATE_LIMITS["co_owner_invite"].split(",")[0].split("/")[0])
    entries = [InitiativeFactory(region=region, submitted_by=owner) for _ in range(3)]
    for number in range(hourly):
        assert invite(post, entries[number % 3], f"p{number}@example.org")[0].status_code == 302

    assert invite(post, entries[0], "last@example.org")[0].status_code == 429


def test_ones_own_address_is_refused(client, owner, initiative, post):
    response, token = invite(post, initiative, "OLGA@example.org")

    assert response.status_code == 400
    assert token is None


# --- Accepting --------------------------------------------------------------------------------------------


def test_the_invitee_accepts_once_and_becomes_co_owner(client, owner, initiative, invitee, post):
    _response, token = invite(post, initiative)
    client.force_login(invitee)

    shown = client.get(en(accept_url(token)))  # a link checker's GET changes nothing
    assert shown.status_code == 200
    assert "Olga Owner invites you to look after “Repair-Café Neumarkt”" in shown.content.decode()
    assert not InitiativeCoOwner.objects.exists()

    accepted = client.post(en(accept_url(token)))

    assert accepted.status_code == 302
    assert InitiativeCoOwner.objects.get().user == invitee
    assert not CoOwnerInvitation.objects.exists()
    again = client.post(en(accept_url(token)))
    assert again.status_code == 404
    assert "no longer valid" in again.content.decode()
    mine = client.get(en(reverse("regions:my_initiatives"))).content.decode()
    assert "Repair-Café Neumarkt" in mine
    assert "Co-owner" in mine


def test_an_expired_link_is_refused(client, owner, initiative, invitee, post):
    _response, token = invite(post, initiative)
    CoOwnerInvitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    client.force_login(invitee)

    assert client.post(accept_url(token)).status_code == 404
    assert not InitiativeCoOwner.objects.exists()


def test_a_visitor_is_sent_to_log_in_first(client, owner, initiative, post):
    _response, token = invite(post, initiative)
    client.logout()

    response = client.get(accept_url(token))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "einladung" in response["Location"]


def test_an_unconfirmed_account_cannot_accept(client, owner, initiative, post):
    unconfirmed = UserFactory(unverified=True, email=INVITEE)
    _response, token = invite(post, initiative)
    client.force_login(unconfirmed)

    assert client.post(accept_url(token)).status_code == 403
    assert not InitiativeCoOwner.objects.exists()
    assert CoOwnerInvitation.objects.exists()


def test_someone_else_with_the_link_cannot_accept(client, owner, initiative, invitee, member, post):
    _response, token = invite(post, initiative)
    client.get(page_url(initiative))  # the inviter reads the confirmation
    client.force_login(member)

    response = client.post(en(accept_url(token)))

    assert response.status_code == 403
    assert "not a confirmed address of your account" in response.content.decode()
    assert INVITEE not in response.content.decode()
    assert not InitiativeCoOwner.objects.exists()
    # The invitation still waits for the right person.
    client.force_login(invitee)
    assert client.post(accept_url(token)).status_code == 302


@pytest.mark.parametrize(
    ("token", "status"),
    [
        ("x", 404),
        ("z" * 5000, 404),
        ("%F0%9F%98%80", 404),
        ("..%2F..%2Fetc", 404),
        ("a%00b", 400),
        ("%00", 400),
    ],
)
def test_unknown_tokens_are_not_found(client, member, token, status):
    client.force_login(member)

    assert client.get(f"/mitmachen/initiativen/einladung/{token}/").status_code == status


# --- What co-owners may do ----------------------------------------------------------------------------------


def edit_data(initiative, **overrides):
    return {"name": initiative.name, "kind": initiative.kind, "region": initiative.region_id, **overrides}


def test_a_co_owners_change_waits_for_the_team_as_the_submitters_does(
    client, initiative, invitee, moderator, post
):
    co_owner_of(initiative, invitee)
    client.force_login(invitee)

    response = post(
        reverse("regions:edit_initiative", args=[initiative.pk]),
        edit_data(initiative, name="Repair-Café Süd", description="Neu."),
    )

    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.name == "Repair-Café Neumarkt"
    assert initiative.proposed_changes["name"] == "Repair-Café Süd"
    assert [message.to for message in mail.outbox] == [[moderator.email]]
    assert "Repair-Café Süd" not in client.__class__().get(initiative.get_absolute_url()).content.decode()

    # The team's decision reaches every owner, each by a mail of their own.
    mail.outbox.clear()
    client.force_login(moderator)
    post(reverse("regions:approve_changes", args=[initiative.pk]))
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [initiative.submitted_by.email, invitee.email]
    )


def test_a_co_owner_withdraws_and_deletes(client, initiative, invitee, post):
    co_owner_of(initiative, invitee)
    client.force_login(invitee)
    profile = client.get(en(initiative.get_absolute_url())).content.decode()
    assert reverse("regions:co_owners", args=[initiative.pk]) in profile

    post(reverse("regions:withdraw_initiative", args=[initiative.pk]))
    initiative.refresh_from_db()
    assert initiative.approval_status == ApprovalStatus.WITHDRAWN

    post(reverse("regions:delete_initiative", args=[initiative.pk]))
    assert not Initiative.objects.filter(pk=initiative.pk).exists()
    assert not InitiativeCoOwner.objects.exists()


def test_a_co_owner_invites_and_withdraws_only_their_own_invitations(
    client, owner, initiative, invitee, post
):
    co_owner_of(initiative, invitee)
    invite(post, initiative, "von.olga@example.org")
    olgas = CoOwnerInvitation.objects.get()
    client.force_login(invitee)

    assert invite(post, initiative, "von.ina@example.org")[1] is not None
    inas = CoOwnerInvitation.objects.get(email="von.ina@example.org")
    revoke = "regions:revoke_co_owner_invitation"
    assert post(reverse(revoke, args=[initiative.pk, olgas.pk])).status_code == 403
    assert post(reverse(revoke, args=[initiative.pk, inas.pk])).status_code == 302
    assert list(CoOwnerInvitation.objects.values_list("email", flat=True)) == ["von.olga@example.org"]
    # The submitter withdraws any invitation.
    client.force_login(owner)
    assert post(reverse(revoke, args=[initiative.pk, olgas.pk])).status_code == 302
    assert not CoOwnerInvitation.objects.exists()


def test_the_submitter_or_an_editor_removes_co_owners_and_a_co_owner_leaves(
    client, owner, initiative, invitee, member, editor, post
):
    ina = InitiativeCoOwner.objects.create(initiative=initiative, user=invitee)
    other = InitiativeCoOwner.objects.create(initiative=initiative, user=member)
    remove = "regions:remove_co_owner"

    client.force_login(invitee)  # a co-owner cannot remove another
    assert post(reverse(remove, args=[initiative.pk, other.pk])).status_code == 403
    client.force_login(owner)
    assert post(reverse(remove, args=[initiative.pk, other.pk])).status_code == 302
    assert post(reverse(remove, args=[initiative.pk, other.pk])).status_code == 404  # gone already
    client.force_login(editor)
    assert client.get(page_url(initiative)).status_code == 200
    assert post(reverse(remove, args=[initiative.pk, ina.pk])).status_code == 302
    assert not InitiativeCoOwner.objects.exists()

    InitiativeCoOwner.objects.create(initiative=initiative, user=invitee)
    client.force_login(invitee)
    assert post(reverse("regions:leave_initiative", args=[initiative.pk])).status_code == 302
    assert not InitiativeCoOwner.objects.exists()
    assert client.get(reverse("regions:edit_initiative", args=[initiative.pk])).status_code == 403
    assert post(reverse("regions:leave_initiative", args=[initiative.pk])).status_code == 404


def test_strangers_and_teams_cannot_invite_or_remove(
    client, initiative, invitee, member, unverified, moderator, other_moderator, post
):
    row = InitiativeCoOwner.objects.create(initiative=initiative, user=invitee)
    invitation = CoOwnerInvitation.objects.create(
        initiative=initiative,
        email="x@example.org",
        invited_by=initiative.submitted_by,
        token_hash="0" * 64,
        created_at=timezone.now(),
        expires_at=timezone.now() + timedelta(days=1),
    )
    urls = [
        page_url(initiative),
        reverse("regions:remove_co_owner", args=[initiative.pk, row.pk]),
        reverse("regions:revoke_co_owner_invitation", args=[initiative.pk, invitation.pk]),
    ]
    # The region's own team reviews the entry but does not decide who owns it.
    for user in (member, unverified, moderator, other_moderator):
        client.force_login(user)
        assert client.get(urls[0]).status_code == 403
        for url in urls:
            assert post(url, {"email": "neu@example.org"}).status_code == 403
    client.logout()
    for url in urls:
        response = post(url, {"email": "neu@example.org"})
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert mail.outbox == []
    assert InitiativeCoOwner.objects.count() == 1
    assert CoOwnerInvitation.objects.count() == 1


def test_a_pending_initiative_is_not_found_by_strangers(client, region, owner, member, post):
    pending = InitiativeFactory(region=region, submitted_by=owner, approval_status=ApprovalStatus.PENDING)
    client.force_login(member)

    assert client.get(page_url(pending)).status_code == 404
    assert post(page_url(pending), {"email": "x@example.org"}).status_code == 404


# --- Bad input ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "email",
    ["ina\x00@example.org", "a" * 250 + "@example.org", "", "keine-adresse", "x@" + "a" * 300 + ".org"],
)
def test_bad_addresses_are_refused(client, owner, initiative, post, email):
    response, token = invite(post, initiative, email)

    assert response.status_code == 400
    assert token is None
    assert not CoOwnerInvitation.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/mitmachen/initiativen/999999/mitverantwortliche/",
        "/mitmachen/initiativen/99999999999999999999999/mitverantwortliche/",
        "/mitmachen/initiativen/{pk}/mitverantwortliche/999999/entfernen/",
        "/mitmachen/initiativen/{pk}/mitverantwortliche/99999999999999999999999/entfernen/",
        "/mitmachen/initiativen/{pk}/mitverantwortliche/einladungen/999999/zurueckziehen/",
        "/mitmachen/initiativen/{pk}/mitverantwortliche/einladungen/99999999999999999999999/zurueckziehen/",
        "/mitmachen/initiativen/99999999999999999999999/mitverantwortliche/verlassen/",
    ],
)
def test_unknown_and_huge_ids_are_not_found(client, owner, initiative, post, path):
    response = post(path.format(pk=initiative.pk), {"email": "x@example.org"})

    assert 400 <= response.status_code < 500


def test_the_co_owners_page_has_a_bounded_number_of_queries(
    client, owner, initiative, post, django_assert_max_num_queries
):
    def add_rows(count):
        for _ in range(count):
            co_owner_of(initiative, UserFactory(verified=True))
            invite(post, initiative, f"p{CoOwnerInvitation.objects.count()}@example.org")

    add_rows(1)
    with django_assert_max_num_queries(16) as one_row:
        client.get(page_url(initiative))
    one_row = len(one_row)  # now: the next request empties the connection's query log
    add_rows(3)

    # None per co-owner or invitation.
    with django_assert_max_num_queries(one_row):
        response = client.get(page_url(initiative))
    assert len(response.context["co_owners"]) == 4
    assert len(response.context["invitations"]) == 4


# --- Export and account deletion ------------------------------------------------------------------------------


def test_the_export_lists_co_ownerships_and_invitations_sent_and_received(
    client, owner, initiative, invitee, region, post
):
    co_owner_of(initiative, invitee)
    invite(post, initiative, "neu@example.org")
    other = InitiativeFactory(region=region, name="Saatgut-Tausch", submitted_by=owner)
    invite(post, other, INVITEE.upper())

    olga, ina = export_user_data(owner), export_user_data(invitee)

    assert [row["email"] for row in olga["co_owner_invitations_sent"]] == ["neu@example.org", INVITEE]
    assert olga["initiative_co_ownerships"] == []
    assert [row["initiative"] for row in ina["initiative_co_ownerships"]] == ["Repair-Café Neumarkt"]
    assert [(row["initiative"], row["from"]) for row in ina["co_owner_invitations_received"]] == [
        ("Saatgut-Tausch", "Olga Owner")
    ]
    assert "neu@example.org" not in str(ina)


def test_deleting_the_submitter_hands_the_entry_to_the_longest_co_owner(
    client, owner, initiative, invitee, member, post
):
    co_owner_of(initiative, invitee)
    co_owner_of(initiative, member)
    invite(post, initiative, "neu@example.org")
    alone = InitiativeFactory(region=initiative.region, submitted_by=owner)

    delete_account(owner)

    initiative.refresh_from_db()
    assert initiative.submitted_by == invitee
    assert list(initiative.co_owners.values_list("user", flat=True)) == [member.pk]
    assert not CoOwnerInvitation.objects.exists()  # the ones the deleted account sent
    alone.refresh_from_db()
    assert alone.submitted_by is None  # nobody to hand it to: the regional team looks after it
    client.force_login(invitee)
    assert client.get(page_url(initiative)).status_code == 200
    assert client.get(reverse("regions:edit_initiative", args=[initiative.pk])).status_code == 200


def test_deleting_a_co_owner_removes_their_part_and_invitations_to_them(
    client, owner, initiative, invitee, region, post
):
    co_owner_of(initiative, invitee)
    other = InitiativeFactory(region=region, submitted_by=owner)
    invite(post, other)
    invite(post, other, "bleibt@example.org")

    delete_account(invitee)

    initiative.refresh_from_db()
    assert initiative.submitted_by == owner
    assert not InitiativeCoOwner.objects.exists()
    assert list(CoOwnerInvitation.objects.values_list("email", flat=True)) == ["bleibt@example.org"]


def test_invitations_of_a_co_owner_who_leaves_or_is_removed_stop_working(
    client, owner, initiative, member, post
):
    """Otherwise a co-owner could invite a second account of their own and come back after being removed."""
    co_owner_of(initiative, member)
    client.force_login(member)
    _response, token = invite(post, initiative, "zweitkonto@example.org")
    assert token
    second = UserFactory(verified=True, email="zweitkonto@example.org")

    client.force_login(owner)
    row = initiative.co_owners.get(user=member)
    post(reverse("regions:remove_co_owner", args=[initiative.pk, row.pk]))

    assert not CoOwnerInvitation.objects.exists()
    client.force_login(second)
    assert post(accept_url(token)).status_code == 404
    assert not initiative.co_owners.filter(user=second).exists()


def test_an_invitation_from_someone_no_longer_owner_is_refused_on_accepting(
    client, owner, initiative, member, invitee, post
):
    co_owner_of(initiative, member)
    client.force_login(member)
    _response, token = invite(post, initiative)
    InitiativeCoOwner.objects.filter(initiative=initiative, user=member).delete()  # e.g. removed in the admin

    client.force_login(invitee)
    assert post(accept_url(token)).status_code == 404
    assert not initiative.co_owners.filter(user=invitee).exists()


def test_an_unconfirmed_address_shows_no_invitations_in_the_export(owner, initiative, member, post, client):
    client.force_login(owner)
    invite(post, initiative)  # to INVITEE
    member.emailaddress_set.create(email=INVITEE, verified=False, primary=False)

    assert export_user_data(member)["co_owner_invitations_received"] == []
    delete_account(member)
    assert CoOwnerInvitation.objects.filter(email=INVITEE).exists()  # not theirs to delete
