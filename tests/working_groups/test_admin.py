"""Groups in the admin: editors manage every group, a region's team only its region's (another's is a 404);
contact persons are chosen among the members by public name; dates are events chosen with a page chooser."""

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from home.models import FieldOfAction
from tests.members.factories import UserFactory
from tests.working_groups.factories import ProgressReportFactory, WorkingGroupFactory, add_member
from working_groups.models import Membership, WorkingGroup

ADD = "wagtailsnippets_working_groups_workinggroup:add"
LIST = "wagtailsnippets_working_groups_workinggroup:list"
EDIT = "wagtailsnippets_working_groups_workinggroup:edit"
DELETE = "wagtailsnippets_working_groups_workinggroup:delete"


def form(region=None, contacts=(), **extra):
    data = {
        "name": "AG Ernährung",
        "name_en": "Food group",
        "slug": "ag-ernaehrung",
        "kind": "working_group",
        "description": "Wir kochen.",
        "region": region.pk if region else "",
        "field_of_action": "",
        "join_policy": "open",
        "forum_access": "public",
        "event_links": inline_formset([]),
        "active": "on",
        **extra,
    }
    return {**nested_form_data(data), "contacts": [user.pk for user in contacts]}


def test_team_creates_a_group_of_its_region_and_makes_itself_its_contact(client, moderator, region):
    client.force_login(moderator)
    response = client.post(reverse(ADD), form(region, make_me_contact="on"))
    assert response.status_code == 302, response.context["form"].errors
    group = WorkingGroup.objects.get(slug="ag-ernaehrung")
    assert group.region == region and group.created_by == moderator
    assert Membership.objects.contacts().filter(group=group, user=moderator).exists()


def test_contacts_are_chosen_among_the_members_by_public_name_without_addresses(
    client, moderator, group, member, region
):
    outsider = UserFactory(verified=True, display_name="Nicht Mitglied")
    add_member(group, member)
    client.force_login(moderator)
    page = client.get(reverse(EDIT, args=[group.pk])).content.decode()
    assert str(member.public_name) in page and member.email not in page
    assert "Nicht Mitglied" not in page and outsider.email not in page

    data = form(region, contacts=[outsider], slug=group.slug, name=group.name)
    response = client.post(reverse(EDIT, args=[group.pk]), data)
    assert "contacts" in response.context["form"].errors
    assert not Membership.objects.filter(group=group, user=outsider).exists()

    data = form(region, contacts=[member], slug=group.slug, name=group.name)
    assert client.post(reverse(EDIT, args=[group.pk]), data).status_code == 302
    assert Membership.objects.contacts().filter(group=group, user=member).exists()


def test_team_cannot_create_a_group_of_another_region_or_of_the_network(client, moderator, other_region):
    client.force_login(moderator)
    assert "region" in client.post(reverse(ADD), form(other_region)).context["form"].errors
    assert "region" in client.post(reverse(ADD), form(None)).context["form"].errors
    assert not WorkingGroup.objects.exists()


def test_team_sees_and_edits_only_its_regions_groups(client, moderator, group, other_region):
    foreign = WorkingGroupFactory(name="Fremde AG", region=other_region)
    network = WorkingGroupFactory(name="Netzwerk-AG")
    client.force_login(moderator)
    listing = client.get(reverse(LIST)).content.decode()
    assert group.name in listing and "Fremde AG" not in listing and "Netzwerk-AG" not in listing
    assert client.get(reverse(EDIT, args=[group.pk])).status_code == 200
    for other in (foreign, network):
        assert client.get(reverse(EDIT, args=[other.pk])).status_code == 404
        assert client.post(reverse(DELETE, args=[other.pk])).status_code == 404
    assert WorkingGroup.objects.filter(pk=foreign.pk).exists()


def test_editor_creates_a_network_group(client, editor):
    client.force_login(editor)
    assert client.post(reverse(ADD), form(None)).status_code == 302
    assert WorkingGroup.objects.get().region is None


@pytest.mark.parametrize("value", ["999999", "x", "1\x00", str(2**63)])
def test_unknown_contact_values_are_refused(client, editor, value):
    client.force_login(editor)
    response = client.post(reverse(ADD), {**form(None), "contacts": [value]})
    if "\x00" in value:
        assert response.status_code == 400  # the request guard (hub/request_guards.py)
    else:
        assert response.status_code == 200 and "contacts" in response.context["form"].errors
    assert not WorkingGroup.objects.exists()


def test_region_and_field_together_are_refused(client, editor, region):
    client.force_login(editor)
    response = client.post(reverse(ADD), form(region, field_of_action=FieldOfAction.objects.first().pk))
    assert response.context["form"].errors
    assert not WorkingGroup.objects.exists()


@pytest.mark.parametrize("who", ["member", "unverified"])
def test_members_have_no_group_admin(client, who, request, group):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse(ADD)).status_code in (302, 403)
    assert client.get(reverse(EDIT, args=[group.pk])).status_code in (302, 403, 404)


def test_removing_a_contact_person_keeps_the_membership(client, editor, group, contact):
    client.force_login(editor)
    data = form(group.region, slug=group.slug, name=group.name)
    assert client.post(reverse(EDIT, args=[group.pk]), data).status_code == 302
    membership = Membership.objects.get(group=group, user=contact)
    assert not membership.is_contact


@pytest.mark.parametrize("view", ["history", "usage"])
def test_history_and_usage_open_for_the_groups_managers_only(
    client, moderator, editor, group, other_region, view
):
    foreign = WorkingGroupFactory(name="Fremde AG", region=other_region)
    name = f"wagtailsnippets_working_groups_workinggroup:{view}"
    client.force_login(moderator)
    assert client.get(reverse(name, args=[group.pk])).status_code == 200
    assert client.get(reverse(name, args=[foreign.pk])).status_code == 404
    client.force_login(editor)
    assert client.get(reverse(name, args=[foreign.pk])).status_code == 200


def _report_with_files(group):
    picture = SimpleUploadedFile("a.png", b"\x89PNG fake", content_type="image/png")
    document = SimpleUploadedFile("a.pdf", b"%PDF-1.4 fake", content_type="application/pdf")
    report = ProgressReportFactory(group=group, image=picture, image_alt="x", document=document)
    return [report.image.name, report.document.name]


def test_deleting_a_group_in_the_admin_deletes_its_report_files(
    client, editor, group, django_capture_on_commit_callbacks
):
    names = _report_with_files(group)
    assert all(default_storage.exists(name) for name in names)
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse(DELETE, args=[group.pk])).status_code == 302
    assert not WorkingGroup.objects.filter(pk=group.pk).exists()
    assert not any(default_storage.exists(name) for name in names)


def test_a_team_deactivates_but_does_not_delete_its_groups(client, moderator, group):
    client.force_login(moderator)
    assert client.post(reverse(DELETE, args=[group.pk])).status_code in (302, 403)
    assert WorkingGroup.objects.filter(pk=group.pk).exists()


def test_the_bulk_delete_page_shows_a_team_no_other_regions_group(client, moderator, group, other_region):
    foreign = WorkingGroupFactory(name="Fremde Geheim-AG", region=other_region)
    client.force_login(moderator)
    url = reverse("wagtail_bulk_action", args=["working_groups", "workinggroup", "delete"])
    response = client.get(url, {"id": [foreign.pk, group.pk]})
    assert "Fremde Geheim-AG" not in response.content.decode()
    client.post(url + f"?id={foreign.pk}&id={group.pk}")
    assert WorkingGroup.objects.filter(pk__in=[foreign.pk, group.pk]).count() == 2


def test_a_deleted_regions_groups_are_kept_inactive_with_their_reports(
    group, region, django_capture_on_commit_callbacks
):
    names = _report_with_files(group)
    with django_capture_on_commit_callbacks(execute=True):
        region.delete()
    group.refresh_from_db()
    assert group.region is None and not group.active
    assert group.reports.count() == 1 and all(default_storage.exists(name) for name in names)
