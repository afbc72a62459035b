"""Owners keep their initiatives: changes to an approved one wait for the regional team (the page shows the
approved version until then), rejected or withdrawn ones go back to review, and the team is told by e-mail.
The region's team and the editors change entries (positions included) directly."""

import io

from django.core import mail
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from PIL import Image

from home.models import FieldOfAction
from regions.models import ApprovalStatus, Initiative, MapPoint
from tests.helpers import fresh
from tests.members.factories import UserFactory
from tests.regions.factories import InitiativeFactory, RegionPageFactory
from tests.regions.helpers import set_team

pytestmark = pytest.mark.django_db

REVIEW = reverse("regions:review_initiatives")


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """``client.post`` as a real request ends: with its transaction committed (the mails go out then)."""

    def send(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(*args, **kwargs)

    return send


def edit_url(initiative):
    return reverse("regions:edit_initiative", args=[initiative.pk])


def profile(initiative):
    return f"/mitmachen/initiativen/{initiative.pk}/"


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "red").save(buffer, format="PNG")
    return SimpleUploadedFile("neu.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def owner(client):
    user = UserFactory(verified=True, display_name="Olga Owner", language="de")
    client.force_login(user)
    return user


@pytest.fixture
def approved(region, owner, moderator):
    initiative = InitiativeFactory(
        region=region,
        name="Repair-Café Neumarkt",
        kind="project",
        description="Jeden ersten Samstag.",
        address="Neumarkt",
        location="SRID=4326;POINT(11.4589 49.2781)",
        approval_status=ApprovalStatus.APPROVED,
        submitted_by=owner,
    )
    initiative.fields_of_action.set([FieldOfAction.objects.get(slug="finanzen-und-wirtschaft")])
    mail.outbox.clear()
    return initiative


def edit_data(initiative, **overrides):
    data = {
        "name": initiative.name,
        "kind": initiative.kind,
        "region": initiative.region_id,
        "fields_of_action": list(initiative.fields_of_action.values_list("pk", flat=True)),
        "description": initiative.description,
        "address": initiative.address,
        "latitude": "49.2781",
        "longitude": "11.4589",
    }
    data.update(overrides)
    return data


# --- An owner's change waits for review -----------------------------------------------------------------


def test_changes_to_an_approved_initiative_wait_for_the_team(
    client, owner, approved, moderator, region, post
):
    response = post(
        edit_url(approved), edit_data(approved, name="Repair-Café Neumarkt-Süd", address="Berngau")
    )

    assert response.status_code == 302
    # The public version is still the approved one, everywhere.
    visitor = client.__class__()
    assert "Repair-Café Neumarkt-Süd" not in visitor.get(profile(approved)).content.decode()
    assert visitor.get("/api/v3/initiatives/").json()["results"][0]["name"] == "Repair-Café Neumarkt"
    approved.refresh_from_db()
    assert approved.name == "Repair-Café Neumarkt"
    assert approved.proposed_changes["name"] == "Repair-Café Neumarkt-Süd"
    assert approved.proposed_changes["location"] == "SRID=4326;POINT(11.4 49.25)"  # Berngau
    # The team is told, in the reviewer's language, with a link to the queue.
    assert [message.to for message in mail.outbox] == [[moderator.email]]
    assert "Änderungen zu prüfen" in mail.outbox[0].subject
    assert REVIEW in mail.outbox[0].body

    client.force_login(moderator)
    queue = client.get(REVIEW).content.decode()
    assert "Repair-Café Neumarkt-Süd" in queue
    assert "Berngau" in queue
    mail.outbox.clear()

    post(reverse("regions:approve_changes", args=[approved.pk]))

    approved.refresh_from_db()
    assert (approved.name, approved.address, approved.proposed_changes) == (
        "Repair-Café Neumarkt-Süd",
        "Berngau",
        {},
    )
    assert round(approved.latitude, 2) == 49.25
    assert "Repair-Café Neumarkt-Süd" in visitor.get(profile(approved)).content.decode()
    assert MapPoint.objects.get(layer="initiatives", object_id=approved.pk).latitude == approved.latitude
    assert [message.to for message in mail.outbox] == [[owner.email]]
    assert "freigegeben" in mail.outbox[0].subject


def test_editing_again_starts_from_the_waiting_changes(client, owner, approved, post):
    post(edit_url(approved), edit_data(approved, description="Neu: auch sonntags."))

    form = client.get(edit_url(approved)).context["form"]

    assert form.initial["description"] == "Neu: auch sonntags."
    assert "warten noch auf Freigabe" in client.get(edit_url(approved)).content.decode()


def test_nothing_changed_sends_nothing(client, owner, approved, post):
    post(edit_url(approved), edit_data(approved))

    approved.refresh_from_db()
    assert approved.proposed_changes == {}
    assert mail.outbox == []


def test_rejected_changes_leave_the_approved_version_and_drop_a_proposed_logo(
    client, owner, approved, moderator, post
):
    post(edit_url(approved), edit_data(approved, name="Spam GmbH", logo=png()))
    approved.refresh_from_db()
    proposed_logo = approved.proposed_changes["logo"]
    assert default_storage.exists(proposed_logo)
    client.force_login(moderator)
    mail.outbox.clear()

    post(reverse("regions:reject_changes", args=[approved.pk]), {"reason": "Bitte kein Spam."})

    approved.refresh_from_db()
    assert (approved.name, approved.proposed_changes, approved.logo.name) == ("Repair-Café Neumarkt", {}, "")
    assert not default_storage.exists(proposed_logo)
    assert "Bitte kein Spam." in mail.outbox[0].body


def test_pending_entries_change_at_once(client, owner, region, post):
    pending = InitiativeFactory(region=region, submitted_by=owner, approval_status=ApprovalStatus.PENDING)

    post(edit_url(pending), edit_data(pending, name="Gleich geändert", address="", latitude="", longitude=""))

    pending.refresh_from_db()
    assert (pending.name, pending.proposed_changes, pending.location) == ("Gleich geändert", {}, "")


@pytest.mark.parametrize("status", [ApprovalStatus.REJECTED, ApprovalStatus.WITHDRAWN])
def test_saving_a_rejected_or_withdrawn_entry_sends_it_to_review_again(
    client, owner, region, moderator, status, post
):
    entry = InitiativeFactory(region=region, submitted_by=owner, approval_status=status)
    mail.outbox.clear()

    post(edit_url(entry), edit_data(entry, address="", latitude="", longitude=""))

    entry.refresh_from_db()
    assert entry.approval_status == ApprovalStatus.PENDING
    assert [message.to for message in mail.outbox] == [[moderator.email]]
    assert "Neue Initiative zu prüfen" in mail.outbox[0].subject


# --- The team and the editors change directly -----------------------------------------------------------


def test_the_regional_team_corrects_a_position_at_once(client, approved, moderator, post):
    client.force_login(moderator)

    post(edit_url(approved), edit_data(approved, latitude="49.3", longitude="11.5"))

    approved.refresh_from_db()
    assert (approved.latitude, approved.longitude, approved.proposed_changes) == (49.3, 11.5, {})
    assert MapPoint.objects.get(layer="initiatives", object_id=approved.pk).latitude == 49.3
    assert mail.outbox == []


# --- Who may not ----------------------------------------------------------------------------------------


def test_strangers_may_not_change_withdraw_or_delete(client, approved, region, other_moderator, post):
    pending = InitiativeFactory(region=region, approval_status=ApprovalStatus.PENDING)
    for user in (UserFactory(verified=True), other_moderator):
        client.force_login(user)
        for initiative, status in ((approved, 403), (pending, 404)):
            assert client.get(edit_url(initiative)).status_code == status
            assert post(edit_url(initiative), edit_data(initiative, name="Übernommen")).status_code == status
            assert post(reverse("regions:withdraw_initiative", args=[initiative.pk])).status_code == status
            assert post(reverse("regions:delete_initiative", args=[initiative.pk])).status_code == status
    assert post(reverse("regions:approve_changes", args=[approved.pk])).status_code == 404
    approved.refresh_from_db()
    assert approved.name == "Repair-Café Neumarkt"
    assert Initiative.objects.count() == 2


def test_anonymous_visitors_are_sent_to_log_in(client, approved):
    client.logout()

    response = client.get(edit_url(approved))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_an_owner_whose_address_is_unconfirmed_cannot_change(client, owner, approved):
    owner.groups.clear()  # what losing the confirmed address does (members.roles)

    assert client.get(edit_url(approved)).status_code == 403


@pytest.mark.parametrize("pk", ["2147483648", "99999999999999999999999"])
def test_absurd_ids_are_404(client, owner, pk):
    assert client.get(f"/mitmachen/initiativen/{pk}/bearbeiten/").status_code in (400, 404)


def test_bad_input_keeps_the_form(client, owner, approved, post):
    response = post(edit_url(approved), edit_data(approved, name="x" * 500))

    assert response.status_code == 200
    approved.refresh_from_db()
    assert approved.proposed_changes == {}


# --- Withdraw and delete --------------------------------------------------------------------------------


def test_withdrawing_takes_it_off_the_site(client, owner, approved, post):
    post(reverse("regions:withdraw_initiative", args=[approved.pk]))

    approved.refresh_from_db()
    assert approved.approval_status == ApprovalStatus.WITHDRAWN
    visitor = client.__class__()
    assert visitor.get(profile(approved)).status_code == 404
    assert visitor.get("/api/v3/initiatives/").json()["count"] == 0
    assert not MapPoint.objects.filter(layer="initiatives", object_id=approved.pk).exists()
    assert "zurückgezogen" in client.get(profile(approved)).content.decode()


def test_deleting_asks_first_then_removes_it_with_its_logo(client, owner, approved, post):
    post(edit_url(approved), edit_data(approved, logo=png()))
    approved.refresh_from_db()
    proposed_logo = approved.proposed_changes["logo"]

    assert (
        "Endgültig löschen"
        in client.get(reverse("regions:delete_initiative", args=[approved.pk])).content.decode()
    )
    assert Initiative.objects.filter(pk=approved.pk).exists()

    post(reverse("regions:delete_initiative", args=[approved.pk]))

    assert not Initiative.objects.filter(pk=approved.pk).exists()
    assert not default_storage.exists(proposed_logo)


# --- The team hears of submissions; the header links the queue -----------------------------------------


def test_a_submission_mails_the_team_in_their_language(client, owner, region, moderator, post):
    moderator.language = "en"
    moderator.save()

    post(
        reverse("regions:submit_initiative"),
        {"name": "Neue Tafel", "kind": "project", "region": region.pk, "address": "Neumarkt"},
    )

    assert [message.to for message in mail.outbox] == [[moderator.email]]
    assert mail.outbox[0].subject.endswith("New initiative to review: “Neue Tafel”")
    assert "/en/mitmachen/initiativen/freigabe/" in mail.outbox[0].body


def test_without_a_team_the_editors_are_told(client, owner, other_region, editor, post):
    post(
        reverse("regions:submit_initiative"),
        {"name": "Neue Tafel", "kind": "project", "region": other_region.pk, "address": "Köln"},
    )

    assert [message.to for message in mail.outbox] == [[editor.email]]


def test_the_header_links_the_review_queue_for_reviewers_only(client, owner, moderator):
    assert REVIEW not in client.get("/mitmachen/initiativen/meine/").content.decode()

    client.force_login(moderator)

    assert f'href="{REVIEW}"' in client.get("/mitmachen/initiativen/meine/").content.decode()


def test_a_move_to_another_region_is_decided_by_the_team_it_leaves_and_told_to_the_other(
    client, owner, approved, moderator, other_region, other_moderator, post
):
    post(edit_url(approved), edit_data(approved, region=other_region.pk, name="Repair-Café Bergisch"))

    to = {message.to[0]: message for message in mail.outbox}
    assert set(to) == {moderator.email, other_moderator.email}
    assert "Änderungen zu prüfen" in to[moderator.email].subject
    notice = to[other_moderator.email]
    assert "Bergisches Land" in notice.subject and "Neumarkt in der Oberpfalz" in notice.body
    assert "/freigabe/" not in notice.body  # nothing for them to decide
    # The receiving team cannot decide the whole proposal (name, texts, logo …) by itself.
    client.force_login(other_moderator)
    assert "Repair-Café Bergisch" not in client.get(REVIEW).content.decode()
    assert post(reverse("regions:approve_changes", args=[approved.pk])).status_code == 404
    client.force_login(moderator)
    assert post(reverse("regions:approve_changes", args=[approved.pk])).status_code == 302
    approved.refresh_from_db()
    assert (approved.region, approved.name) == (other_region, "Repair-Café Bergisch")


def test_a_third_regions_team_neither_sees_nor_decides_a_move(
    client, owner, approved, other_region, region_index, post
):
    third = RegionPageFactory(parent=region_index, title="Lausitz", slug="lausitz")
    outsider = UserFactory(verified=True)
    set_team(third, [outsider])
    post(edit_url(approved), edit_data(approved, region=other_region.pk))

    client.force_login(fresh(outsider))
    assert "Repair-Café Neumarkt" not in client.get(REVIEW).content.decode()
    assert post(reverse("regions:approve_changes", args=[approved.pk])).status_code == 404
    approved.refresh_from_db()
    assert approved.proposed_changes
