"""Writing and sending issues in the admin: editors to every list, a region's team only to its region's."""

from datetime import timedelta

from django.core import mail
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from newsletter_issues.models import IssueStatus, NewsletterIssue
from tests.members.factories import UserFactory
from tests.newsletter_issues.helpers import make_issue, subscribe

ADD = "wagtailsnippets_newsletter_issues_newsletterissue:add"
LIST = "wagtailsnippets_newsletter_issues_newsletterissue:list"


def dispatch(issue):
    return reverse("newsletter_issues_admin_dispatch", args=[issue.pk])


@pytest.fixture(autouse=True)
def _mail_through_the_queue(settings):
    settings.EMAIL_BACKEND = "background.mail.QueuedEmailBackend"
    settings.QUEUED_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def form(lists, subject="Neues aus Neumarkt"):
    data = nested_form_data({"subject": subject, "preheader": "", "language": "", "body": streamfield([])})
    return {**data, "lists": [item.pk for item in lists]}


@pytest.mark.django_db
def test_a_moderator_chooses_only_their_regions_list(
    client, moderator, region_news, other_region_news, network
):
    client.force_login(moderator)

    response = client.get(reverse(ADD))

    assert response.status_code == 200
    choices = set(response.context["form"].fields["lists"].queryset)
    assert choices == {region_news}


@pytest.mark.django_db
def test_a_crafted_form_with_another_regions_list_is_refused(
    client, moderator, region_news, other_region_news
):
    client.force_login(moderator)

    response = client.post(reverse(ADD), form([other_region_news]))

    assert response.status_code == 200
    assert "lists" in response.context["form"].errors
    assert not NewsletterIssue.objects.exists()

    response = client.post(reverse(ADD), form([region_news]))
    assert response.status_code == 302
    issue = NewsletterIssue.objects.get()
    assert issue.created_by == moderator and list(issue.lists.all()) == [region_news]


@pytest.mark.django_db
def test_a_moderator_cannot_send_to_another_regions_list(client, moderator, region_news, other_region_news):
    subscribe(other_region_news, "tuebingen@example.org")
    subscribe(region_news, "neumarkt@example.org")
    issue = make_issue([region_news, other_region_news], created_by=moderator)
    client.force_login(moderator)

    for action in ["send", "schedule", "resume"]:
        response = client.post(dispatch(issue), {"action": action, "when": "2099-01-01T10:00"})
        assert response.status_code == 403

    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_moderator_sends_to_their_regions_list(client, moderator, region_news):
    subscribe(region_news, "neumarkt@example.org")
    issue = make_issue([region_news], created_by=moderator)
    client.force_login(moderator)

    page = client.get(dispatch(issue))
    assert page.status_code == 200 and page.context["recipients"] == 1
    response = client.post(dispatch(issue), {"action": "send"})

    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["neumarkt@example.org"]]
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT


@pytest.mark.django_db
def test_a_moderator_neither_sees_nor_sends_issues_of_other_regions(
    client, moderator, editor, other_region_news
):
    issue = make_issue([other_region_news], subject="Aus Tübingen", created_by=editor)
    client.force_login(moderator)

    assert client.get(dispatch(issue)).status_code == 404
    assert client.post(dispatch(issue), {"action": "test"}).status_code == 404
    listing = client.get(reverse(LIST))
    assert listing.status_code == 200 and issue.subject not in listing.content.decode()
    edit = reverse("wagtailsnippets_newsletter_issues_newsletterissue:edit", args=[issue.pk])
    assert client.get(edit).status_code == 404
    delete = reverse("wagtailsnippets_newsletter_issues_newsletterissue:delete", args=[issue.pk])
    assert client.post(delete).status_code == 404
    assert NewsletterIssue.objects.filter(pk=issue.pk).exists()


@pytest.mark.django_db
def test_an_editor_sends_to_any_list(client, editor, network, other_region_news):
    subscribe(network, "netz@example.org")
    subscribe(other_region_news, "tuebingen@example.org")
    issue = make_issue([network, other_region_news])
    client.force_login(editor)

    assert client.post(dispatch(issue), {"action": "send"}).status_code == 302

    assert sorted(message.to[0] for message in mail.outbox) == ["netz@example.org", "tuebingen@example.org"]


@pytest.mark.django_db
def test_the_test_mail_goes_only_to_the_editor_herself(client, editor, network):
    subscribe(network, "netz@example.org")
    issue = make_issue([network], subject="Entwurf")
    client.force_login(editor)

    response = client.post(
        dispatch(issue), {"action": "test", "to": "netz@example.org", "email": "x@example.org"}
    )

    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [editor.email]
    assert message.subject == "[Test] Entwurf"
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT and not issue.deliveries.exists()


@pytest.mark.django_db
def test_scheduling_asks_for_a_time_in_the_future(client, editor, network, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    issue = make_issue([network])
    client.force_login(editor)

    for bad in ["", "gestern", "2001-01-01T10:00", "9999-12-31T23:59", "2099-01-01T10:00\x00", "9" * 5000]:
        response = client.post(dispatch(issue), {"action": "schedule", "when": bad})
        assert 400 <= response.status_code < 500, bad
    when = timezone.localtime() + timedelta(days=3)
    response = client.post(dispatch(issue), {"action": "schedule", "when": when.strftime("%Y-%m-%dT%H:%M")})
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SCHEDULED and issue.scheduled_for.date() == when.date()
    assert client.post(dispatch(issue), {"action": "cancel"}).status_code == 302
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT and issue.scheduled_for is None


@pytest.mark.django_db
def test_bad_actions_and_unknown_issues(client, editor, network):
    issue = make_issue([network])
    client.force_login(editor)

    assert client.post(dispatch(issue), {"action": "launch"}).status_code == 400
    assert client.post(dispatch(issue), {"action": "send\x00"}).status_code == 400
    assert client.get(reverse("newsletter_issues_admin_dispatch", args=[999999])).status_code == 404
    assert client.get(f"/admin/newsletter-issues/{2**70}/send/").status_code in (400, 404)


@pytest.mark.django_db
def test_only_editors_and_teams_reach_the_issues(client, network, member, unverified):
    issue = make_issue([network])
    assert client.get(dispatch(issue)).status_code == 302  # to the login
    for user in (member, unverified, UserFactory()):
        client.force_login(user)
        assert client.get(dispatch(issue)).status_code in (302, 403)
        assert client.post(dispatch(issue), {"action": "send"}).status_code in (302, 403)
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT


@pytest.mark.django_db
def test_a_sent_issue_is_not_changed_any_more(client, editor, network):
    issue = make_issue([network], status=IssueStatus.SENT)
    client.force_login(editor)
    edit = reverse("wagtailsnippets_newsletter_issues_newsletterissue:edit", args=[issue.pk])

    client.post(edit, form([network], subject="Nachträglich geändert"))

    issue.refresh_from_db()
    assert issue.subject == "Neues aus dem Netzwerk"


@pytest.mark.django_db
def test_the_preview_shows_the_mail(network, editor):
    issue = make_issue([network], subject="Vorschau", preheader="Kurz gesagt")
    request = RequestFactory().get("/")
    request.user, request.LANGUAGE_CODE = editor, "de"

    html = issue.serve_preview(request, "").content.decode()

    assert "Vorschau" in html and "Kurz gesagt" in html and "Mitmach-Hub" in html


@pytest.mark.django_db
@pytest.mark.parametrize("view", ["history", "usage"])
def test_history_and_usage_open_for_whoever_sees_the_issue(
    client, moderator, editor, region_news, other_region_news, view
):
    own = make_issue([region_news], subject="Aus Neumarkt", created_by=moderator)
    foreign = make_issue([other_region_news], subject="Aus Tübingen", created_by=editor)
    name = f"wagtailsnippets_newsletter_issues_newsletterissue:{view}"
    client.force_login(moderator)
    assert client.get(reverse(name, args=[own.pk])).status_code == 200
    assert client.get(reverse(name, args=[foreign.pk])).status_code == 404
    client.force_login(editor)
    assert client.get(reverse(name, args=[foreign.pk])).status_code == 200
