"""Co-owners in Chromium: the owner invites an address on the co-owners page, the invitee follows the link in
the mail, logs in, accepts, and can change the initiative. axe checks the co-owners page and the invitation."""

import re
from urllib.parse import urlsplit

from django.core import mail

import pytest
from playwright.sync_api import expect

from regions.models import ApprovalStatus, InitiativeCoOwner
from tests.e2e.test_accessibility import _offline
from tests.e2e.test_network_journey import PASSWORD, assert_accessible, log_in
from tests.members.factories import UserFactory
from tests.regions.factories import InitiativeFactory, RegionPageFactory

OWNER = "olga.owner@private.example"
INVITEE = "ina.invitee@private.example"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_invite_accept_and_change(new_page, live_server, region_index):
    region = RegionPageFactory(parent=region_index, title="Neumarkt", slug="neumarkt")
    owner = UserFactory(verified=True, email=OWNER, password=PASSWORD, display_name="Olga")
    invitee = UserFactory(verified=True, email=INVITEE, password=PASSWORD, display_name="Ina")
    initiative = InitiativeFactory(
        region=region, name="Repair-Café", submitted_by=owner, approval_status=ApprovalStatus.APPROVED
    )
    failures = []

    page = new_page()
    _offline(page, live_server.url)
    log_in(page, OWNER)
    page.goto(f"/en/mitmachen/initiativen/{initiative.pk}/")
    page.get_by_role("link", name="Co-owners").click()
    assert_accessible(page, "Co-owners", failures)
    page.get_by_label("Email address").fill(INVITEE)
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text(f"We have sent an invitation to {INVITEE}.")).to_be_visible()

    [invitation] = [message for message in mail.outbox if message.to == [INVITEE]]
    link = re.search(r"http://\S+/mitmachen/initiativen/einladung/\S+/", invitation.body).group(0)
    guest = new_page()
    _offline(guest, live_server.url)
    log_in(guest, INVITEE)
    guest.goto(urlsplit(link).path)
    assert_accessible(guest, "Invitation", failures)
    guest.get_by_role("button", name="Accept the invitation").click()
    guest.get_by_role("heading", name="Repair-Café").wait_for()
    assert InitiativeCoOwner.objects.filter(initiative=initiative, user=invitee).exists()
    guest.goto(f"/en/mitmachen/initiativen/{initiative.pk}/bearbeiten/")
    expect(guest.get_by_role("heading", name="Change “Repair-Café”")).to_be_visible()

    assert not failures, "\n".join(failures)
