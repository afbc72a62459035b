"""Joining and leaving, requests and the contact persons' decisions, the member list and its opt-in."""

from django.urls import reverse

import pytest

from tests.members.factories import UserFactory
from tests.working_groups.factories import WorkingGroupFactory, add_member
from working_groups.models import JoinPolicy, Membership, MembershipStatus


def url(name, group, *args):
    return reverse(f"working_groups:{name}", args=[group.slug, *args])


def test_anonymous_sees_the_group_and_is_asked_to_log_in(client, group, contact):
    response = client.get(group.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Initiativkreis Energie" in html
    assert "Clara Kontakt" in html  # the contact person by their public name
    assert contact.email not in html
    assert client.post(url("join", group)).status_code == 302  # to the login
    assert not Membership.objects.filter(group=group).exclude(user=contact).exists()


def test_unverified_member_cannot_join(client, group, unverified):
    client.force_login(unverified)
    response = client.post(url("join", group))
    assert response.status_code == 403
    assert not Membership.objects.filter(user=unverified).exists()


def test_member_joins_an_open_group_and_leaves_it(client, group, member):
    client.force_login(member)
    assert client.post(url("join", group)).status_code == 302
    membership = Membership.objects.get(group=group, user=member)
    assert membership.status == MembershipStatus.MEMBER and membership.joined_at
    assert url("leave", group) in client.get(group.get_absolute_url()).content.decode()
    assert client.post(url("join", group)).status_code == 302  # twice: still one membership
    assert Membership.objects.filter(group=group, user=member).count() == 1
    client.post(url("leave", group))
    assert not Membership.objects.filter(group=group, user=member).exists()


def test_join_needs_post(client, group, member):
    client.force_login(member)
    assert client.get(url("join", group)).status_code == 405


def test_request_is_mailed_to_the_contacts_and_accepted(client, closed_group, contact, member, post, smtp):
    client.force_login(member)
    post(url("join", closed_group))
    request_row = Membership.objects.get(group=closed_group, user=member)
    assert request_row.status == MembershipStatus.REQUESTED
    (message,) = smtp.to(contact.email)
    assert closed_group.name in message["Subject"]
    assert member.email not in smtp.text_of(message)

    # The requester is no member yet: no member list, no forum.
    assert "group-members-heading" not in client.get(closed_group.get_absolute_url()).content.decode()

    client.force_login(contact)
    page = client.get(closed_group.get_absolute_url()).content.decode()
    assert "group-requests-heading" in page
    post(url("accept", closed_group, request_row.pk))
    request_row.refresh_from_db()
    assert request_row.status == MembershipStatus.MEMBER
    (welcome,) = smtp.to(member.email)
    assert closed_group.name in welcome["Subject"]


def test_declined_request_is_removed_and_the_requester_told(
    client, closed_group, contact, member, post, smtp
):
    request_row = Membership.objects.create(
        group=closed_group, user=member, status=MembershipStatus.REQUESTED
    )
    client.force_login(contact)
    post(url("decline", closed_group, request_row.pk))
    assert not Membership.objects.filter(pk=request_row.pk).exists()
    assert len(smtp.to(member.email)) == 1


@pytest.mark.parametrize("who", ["moderator", "editor"])
def test_team_and_editors_decide_on_requests(client, closed_group, member, who, request):
    decider = request.getfixturevalue(who)
    request_row = Membership.objects.create(
        group=closed_group, user=member, status=MembershipStatus.REQUESTED
    )
    client.force_login(decider)
    assert client.post(url("accept", closed_group, request_row.pk)).status_code == 302
    request_row.refresh_from_db()
    assert request_row.status == MembershipStatus.MEMBER


@pytest.mark.parametrize("who", ["member", "other_moderator", "other_contact", "unverified"])
def test_others_cannot_decide_on_requests(client, closed_group, who, request):
    requester = UserFactory(verified=True, display_name="Anfragende Anja")
    request_row = Membership.objects.create(
        group=closed_group, user=requester, status=MembershipStatus.REQUESTED
    )
    client.force_login(request.getfixturevalue(who))
    assert client.post(url("accept", closed_group, request_row.pk)).status_code == 404
    assert client.post(url("decline", closed_group, request_row.pk)).status_code == 404
    request_row.refresh_from_db()
    assert request_row.status == MembershipStatus.REQUESTED
    page = client.get(closed_group.get_absolute_url()).content.decode()
    assert requester.public_name not in page


@pytest.mark.parametrize("pk", [0, 999_999, 2**40])
def test_unknown_or_huge_request_ids_are_404(client, closed_group, contact, pk):
    client.force_login(contact)
    assert client.post(url("accept", closed_group, pk)).status_code == 404


def test_member_list_shows_only_names_members_chose_to_show_and_only_to_members(client, group, contact):
    shy = UserFactory(verified=True, display_name="Scheue Sabine")
    open_ = UserFactory(verified=True, display_name="Offener Olaf")
    add_member(group, shy)
    add_member(group, open_, show_name=True)
    outsider = UserFactory(verified=True)

    client.force_login(outsider)
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Offener Olaf" not in page and "Scheue Sabine" not in page
    assert "3 members" in page or "3 Mitglieder" in page

    client.force_login(shy)
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Offener Olaf" in page and "Scheue Sabine" not in page

    client.post(url("show_name", group), {"show_name": "1"})
    assert Membership.objects.get(group=group, user=shy).show_name
    client.force_login(outsider)
    assert client.post(url("show_name", group), {"show_name": "1"}).status_code == 404


def test_unknown_group_and_odd_slugs_are_404(client, member):
    client.force_login(member)
    assert client.get("/mitmachen/gruppen/gibt-es-nicht/").status_code == 404
    assert client.get("/mitmachen/gruppen/" + "a" * 300 + "/").status_code == 404
    assert client.post("/mitmachen/gruppen/gibt-es-nicht/beitreten/").status_code == 404
    assert client.get("/mitmachen/gruppen/ag%00x/").status_code in (400, 404)


def test_inactive_group_is_hidden_but_its_managers_see_it(client, group, member, moderator):
    group.active = False
    group.save()
    client.force_login(member)
    assert client.get(group.get_absolute_url()).status_code == 404
    assert client.post(url("join", group)).status_code == 404
    client.force_login(moderator)
    assert client.get(group.get_absolute_url()).status_code == 200


def test_the_anonymous_cache_drops_the_page_when_the_member_count_changes(client, group, member):
    first = client.get(group.get_absolute_url()).content.decode()
    assert "0 members" in first or "0 Mitglieder" in first
    add_member(group, member)
    second = client.get(group.get_absolute_url()).content.decode()
    assert "1 member" in second or "1 Mitglied" in second


def test_mails_are_not_html_escaped(client, region, member, post, smtp):
    group = WorkingGroupFactory(
        name="AG Energie & Klima", slug="ag-energie-klima", region=region, join_policy=JoinPolicy.ON_REQUEST
    )
    leader = UserFactory(verified=True, display_name="Lea O'Brien")
    add_member(group, leader, contact=True)
    member.display_name = "Mo O'Brien"
    member.save()
    client.force_login(member)
    post(url("join", group))
    (message,) = smtp.to(leader.email)
    text = smtp.text_of(message)
    assert "AG Energie & Klima" in message["Subject"]
    assert "Mo O'Brien" in text and "Lea O'Brien" in text and "AG Energie & Klima" in text
    assert "&amp;" not in text + message["Subject"] and "&#x27;" not in text
    client.force_login(leader)
    post(url("accept", group, Membership.objects.get(group=group, user=member).pk))
    (welcome,) = smtp.to(member.email)
    assert "AG Energie & Klima" in welcome["Subject"] and "&amp;" not in smtp.text_of(welcome)
