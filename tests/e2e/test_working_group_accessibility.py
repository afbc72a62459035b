"""axe-core in Chromium on a group page with progress reports (one with a picture and a document), as a visitor
and as the group's contact person (join, request, member list and report forms on the page), and on the form for
a new report."""

import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image

from tests.e2e.test_accessibility import AXE_OPTIONS, FAILING_IMPACTS, _describe, _offline
from tests.members.factories import UserFactory
from tests.working_groups.factories import ProgressReportFactory, WorkingGroupFactory, add_member
from working_groups.models import JoinPolicy, Membership, MembershipStatus

PASSWORD = "Sonnenblume-Lastenrad-7"
CONTACT = "clara.kontakt@private.example"


def _picture():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (40, 120, 60)).save(buffer, format="PNG")
    return SimpleUploadedFile("bild.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def group_with_reports(region):
    group = WorkingGroupFactory(
        name="Initiativkreis Energie",
        slug="ik-energie",
        region=region,
        kind="initiative_circle",
        join_policy=JoinPolicy.ON_REQUEST,
        description="Wir treffen uns monatlich.\n\nAlle sind willkommen.",
    )
    contact = UserFactory(verified=True, email=CONTACT, password=PASSWORD, display_name="Clara Kontakt")
    add_member(group, contact, contact=True, show_name=True)
    add_member(group, UserFactory(verified=True, display_name="Olaf Offen"), show_name=True)
    Membership.objects.create(
        group=group,
        user=UserFactory(verified=True, display_name="Rita Request"),
        status=MembershipStatus.REQUESTED,
    )
    ProgressReportFactory(
        group=group,
        author=contact,
        title="Solardach fertig",
        image=_picture(),
        image_alt="Das neue Solardach der Schule",
        document=SimpleUploadedFile("p.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"),
        document_title="Protokoll",
    )
    ProgressReportFactory(group=group, author=contact, title="Erstes Treffen")
    return group


def _check(page, label, failures):
    page.wait_for_load_state("networkidle")
    for violation in Axe().run(page, options=AXE_OPTIONS).response["violations"]:
        if violation["impact"] in FAILING_IMPACTS:
            failures.append(_describe(label, page.url, violation))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_group_page_with_reports_has_no_serious_axe_violations(group_with_reports, new_page, live_server):
    group = group_with_reports
    failures = []
    page = new_page()
    _offline(page, live_server.url)

    page.goto(group.get_absolute_url())
    assert page.get_by_role("heading", name="Solardach fertig").is_visible()
    _check(page, "Gruppe (Gast)", failures)

    page.goto("/konto/login/")
    page.get_by_label("E-Mail", exact=True).fill(CONTACT)
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.locator("form.form--login").get_by_role("button", name=re.compile("^Anmeld")).click()
    page.get_by_role("link", name="Mein Profil").wait_for()

    page.goto(group.get_absolute_url())
    assert page.locator("#anfragen").is_visible() and page.locator("#mitglieder").is_visible()
    _check(page, "Gruppe (Kontaktperson)", failures)

    page.goto(reverse("working_groups:write_report", args=[group.slug]))
    _check(page, "Neuer Fortschrittsbericht", failures)

    assert not failures, "axe-core meldet schwere Verstöße:\n" + "\n".join(failures)
