"""Members submit initiatives; their region's team or the editors approve or reject them."""

from django.core import mail
from django.urls import reverse

import pytest

from home.models import FieldOfAction
from regions.models import ApprovalStatus, Initiative
from tests.members.factories import UserFactory
from tests.regions.factories import InitiativeFactory, RegionPageFactory

pytestmark = pytest.mark.django_db

SUBMIT = reverse("regions:submit_initiative")
MINE = reverse("regions:my_initiatives")
REVIEW = reverse("regions:review_initiatives")

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
]


def approve_url(initiative):
    return reverse("regions:approve_initiative", args=[initiative.pk])


def reject_url(initiative):
    return reverse("regions:reject_initiative", args=[initiative.pk])


def form_data(region, **overrides):
    data = {
        "name": "Repair-Café Neumarkt",
        "kind": "association",
        "region": region.pk,
        "fields_of_action": [FieldOfAction.objects.first().pk],
        "website": "https://repair.example",
        "description": "Wir reparieren jeden ersten Samstag im Monat.",
        "address": "Neumarkt, Marktplatz",
    }
    data.update(overrides)
    return data


def assert_no_executable_markup(html):
    for payload in XSS_PAYLOADS:
        assert payload not in html
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<svg onload" not in html


@pytest.fixture
def submitter(client):
    user = UserFactory(verified=True, display_name="Sina Submit")
    client.force_login(user)
    return user


# --- Submitting -----------------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(SUBMIT)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=" in response["Location"]


def test_unverified_members_get_a_clear_403(client, region):
    client.force_login(UserFactory(unverified=True))

    for response in (client.get(SUBMIT), client.post(SUBMIT, form_data(region))):
        assert response.status_code == 403
        assert "Bitte bestätige deine E-Mail-Adresse" in response.content.decode()
    assert not Initiative.objects.exists()


def test_verified_member_submits_an_initiative_as_pending(client, region, submitter):
    assert client.get(SUBMIT).status_code == 200

    response = client.post(SUBMIT, form_data(region), follow=True)

    initiative = Initiative.objects.get()
    assert initiative.approval_status == ApprovalStatus.PENDING
    assert initiative.submitted_by == submitter
    assert initiative.region == region
    assert list(initiative.fields_of_action.all()) == [FieldOfAction.objects.first()]
    assert response.redirect_chain[-1][0] == MINE
    html = response.content.decode()
    assert "ist eingereicht" in html
    assert "Repair-Café Neumarkt" in html
    assert "Wartet auf Freigabe" in html
    # Not public before approval.
    assert "Repair-Café Neumarkt" not in client.get(region.url).content.decode()


def test_the_region_can_be_preselected_from_the_region_page(client, region, submitter):
    html = client.get(f"{SUBMIT}?region={region.pk}").content.decode()

    assert f'<option value="{region.pk}" selected>' in html


@pytest.mark.parametrize(
    "website",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://x.example",
    ],
)
def test_only_web_links_are_accepted_as_website(client, region, submitter, website):
    response = client.post(SUBMIT, form_data(region, website=website))

    assert response.status_code == 200
    assert "http:// oder https://" in response.content.decode()
    assert not Initiative.objects.exists()


def test_description_is_limited_to_2000_characters(client, region, submitter):
    response = client.post(SUBMIT, form_data(region, description="x" * 2001))

    assert response.status_code == 200
    assert not Initiative.objects.exists()


def test_only_live_regions_can_be_chosen(client, region_index, submitter):
    draft = RegionPageFactory(parent=region_index, live=False)

    response = client.post(SUBMIT, form_data(draft))

    assert response.status_code == 200
    assert not Initiative.objects.exists()


def test_my_initiatives_lists_only_my_own(client, region, submitter):
    InitiativeFactory(region=region, name="Meine", submitted_by=submitter)
    InitiativeFactory(region=region, name="Fremde", submitted_by=UserFactory(verified=True))

    html = client.get(MINE).content.decode()

    assert "Meine" in html
    assert "Fremde" not in html


# --- Moderation -----------------------------------------------------------------------------------------


@pytest.fixture
def pending_here(region, submitter):
    return InitiativeFactory(region=region, name="Hier wartend", submitted_by=submitter)


@pytest.fixture
def pending_there(other_region):
    return InitiativeFactory(
        region=other_region, name="Dort wartend", submitted_by=UserFactory(verified=True)
    )


def test_moderators_see_only_their_regions_pending_initiatives(
    client, moderator, pending_here, pending_there, region
):
    InitiativeFactory(region=region, name="Schon frei", approval_status=ApprovalStatus.APPROVED)
    client.force_login(moderator)

    html = client.get(REVIEW).content.decode()

    assert "Hier wartend" in html
    assert "Dort wartend" not in html
    assert "Schon frei" not in html
    # The submitter's public name, never their e-mail address.
    assert "Sina Submit" in html
    assert pending_here.submitted_by.email not in html


def test_editors_see_every_pending_initiative(client, pending_here, pending_there):
    client.force_login(UserFactory(editor=True))

    html = client.get(REVIEW).content.decode()

    assert "Hier wartend" in html
    assert "Dort wartend" in html


def test_plain_members_and_visitors_cannot_review(client, pending_here):
    client.logout()
    assert client.get(REVIEW).status_code == 302
    assert client.post(approve_url(pending_here)).status_code == 302

    client.force_login(UserFactory(verified=True))
    assert client.get(REVIEW).status_code == 403
    assert client.post(approve_url(pending_here)).status_code == 403
    assert client.post(reject_url(pending_here)).status_code == 403
    pending_here.refresh_from_db()
    assert pending_here.approval_status == ApprovalStatus.PENDING


def test_a_moderator_cannot_decide_on_another_regions_initiative(client, other_moderator, pending_here):
    client.force_login(other_moderator)

    assert client.post(approve_url(pending_here)).status_code in (403, 404)
    assert client.post(reject_url(pending_here)).status_code in (403, 404)
    pending_here.refresh_from_db()
    assert pending_here.approval_status == ApprovalStatus.PENDING
    assert mail.outbox == []


def test_approving_publishes_the_initiative_and_mails_the_submitter(
    client, moderator, pending_here, region, django_capture_on_commit_callbacks
):
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(approve_url(pending_here), follow=True)

    assert response.status_code == 200
    assert "„Hier wartend“ ist freigegeben." in response.content.decode()
    pending_here.refresh_from_db()
    assert pending_here.approval_status == ApprovalStatus.APPROVED
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [pending_here.submitted_by.email]
    assert "freigegeben" in message.subject
    assert "Hier wartend" in message.subject
    assert "Hallo Sina Submit" in message.body
    assert "/mitmachen/initiativen/meine/" in message.body
    assert "Hier wartend" in client.get(region.url).content.decode()


def test_rejecting_with_a_reason_mails_the_reason(
    client, moderator, pending_here, django_capture_on_commit_callbacks
):
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reject_url(pending_here), {"reason": "Bitte ergänzt eine Beschreibung."})

    pending_here.refresh_from_db()
    assert pending_here.approval_status == ApprovalStatus.REJECTED
    assert pending_here.review_note == "Bitte ergänzt eine Beschreibung."
    [message] = mail.outbox
    assert "nicht freigegeben" in message.subject
    assert "Bitte ergänzt eine Beschreibung." in message.body


def test_a_decided_initiative_cannot_be_decided_again(client, moderator, pending_here):
    client.force_login(moderator)
    client.post(approve_url(pending_here))

    assert client.post(reject_url(pending_here)).status_code == 404
    pending_here.refresh_from_db()
    assert pending_here.approval_status == ApprovalStatus.APPROVED


def test_no_mail_before_the_transaction_commits(client, moderator, pending_here):
    client.force_login(moderator)

    client.post(approve_url(pending_here))  # on_commit callbacks are not run inside the test transaction

    assert mail.outbox == []


def test_editor_changing_the_status_in_the_admin_mails_the_submitter_once(
    client, pending_here, django_capture_on_commit_callbacks
):
    client.force_login(UserFactory(editor=True))
    url = reverse("wagtailsnippets_regions_initiative:edit", args=[pending_here.pk])
    assert client.get(url).status_code == 200
    data = {
        "name": pending_here.name,
        "kind": pending_here.kind,
        "region": pending_here.region_id,
        "website": "",
        "description": "Neu formuliert.",
        "address": "",
        "location": "",
        "approval_status": ApprovalStatus.PENDING,
        "review_note": "",
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    assert mail.outbox == []  # an edit without a decision sends nothing

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data | {"approval_status": ApprovalStatus.APPROVED})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data | {"approval_status": ApprovalStatus.APPROVED, "description": "Nochmal."})

    pending_here.refresh_from_db()
    assert pending_here.approval_status == ApprovalStatus.APPROVED
    assert pending_here.description == "Nochmal."
    assert len(mail.outbox) == 1


def test_editors_have_the_snippet_in_the_admin(client):
    client.force_login(UserFactory(editor=True))

    assert client.get(reverse("wagtailsnippets_regions_initiative:list")).status_code == 200


# --- Escaping -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_submitted_markup_is_escaped_on_every_page(client, region, moderator, submitter, payload):
    client.post(SUBMIT, form_data(region, name=payload[:160], description=f"Vorher {payload} nachher"))
    initiative = Initiative.objects.get()
    assert initiative.name == payload

    mine = client.get(MINE).content.decode()
    client.force_login(moderator)
    review = client.get(REVIEW).content.decode()
    client.post(approve_url(initiative))
    region_page = client.get(region.url).content.decode()

    for html in (mine, review, region_page):
        assert_no_executable_markup(html)
    assert "&lt;" in region_page
    assert "Vorher" in region_page


def test_messages_with_the_initiatives_name_are_escaped(client, region, submitter):
    response = client.post(SUBMIT, form_data(region, name="<script>alert(1)</script>"), follow=True)

    assert_no_executable_markup(response.content.decode())
