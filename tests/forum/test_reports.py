"""Members report posts; moderators see the reports of their forums and resolve them."""

from django.urls import reverse

from forum.models import PostReport
from regions.roles import team_group
from tests.forum.factories import make_topic
from tests.forum.helpers import topic_url
from tests.members.factories import UserFactory


def report(client, post, reason="Beleidigend."):
    return client.post(reverse("hub_forum:report_post", args=[post.pk]), {"reason": reason})


def test_member_reports_a_post_once(client, field_forum, member):
    topic = make_topic(field_forum, UserFactory(verified=True))
    client.force_login(member)
    assert "Melden" in client.get(topic_url(topic)).content.decode()
    assert client.get(reverse("hub_forum:report_post", args=[topic.first_post.pk])).status_code == 200
    assert report(client, topic.first_post).status_code == 302
    assert report(client, topic.first_post, "Nochmal").status_code == 200  # "already reported"
    assert PostReport.objects.count() == 1
    assert PostReport.objects.get().reason == "Beleidigend."


def test_report_needs_a_reason_and_a_verified_member(client, field_forum, member, unverified):
    topic = make_topic(field_forum, member)
    client.force_login(UserFactory(verified=True))
    assert report(client, topic.first_post, "").status_code == 400
    client.force_login(unverified)
    assert report(client, topic.first_post).status_code == 403
    client.logout()
    assert report(client, topic.first_post).status_code == 302  # to the login page
    assert not PostReport.objects.exists()


def test_reports_need_csrf(field_forum, member):
    from django.test import Client

    topic = make_topic(field_forum, UserFactory(verified=True))
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)
    assert report(strict, topic.first_post).status_code == 403


def test_moderators_see_the_reports_of_their_forums(
    client, field_forum, region, region_forum, member, editor
):
    field_topic = make_topic(field_forum, member, subject="Feld")
    region_topic = make_topic(region_forum, member, subject="Regional")
    reporter = UserFactory(verified=True)
    PostReport.objects.create(post=field_topic.first_post, reporter=reporter, reason="Grund A")
    PostReport.objects.create(post=region_topic.first_post, reporter=reporter, reason="Grund B")
    team_member = UserFactory(verified=True)
    team_member.groups.add(team_group(region))

    client.force_login(editor)
    html = client.get("/forum/meldungen/").content.decode()
    assert "Grund A" in html and "Grund B" in html
    assert 'href="/forum/meldungen/"' in client.get("/forum/").content.decode()

    client.force_login(team_member)
    html = client.get("/forum/meldungen/").content.decode()
    assert "Grund B" in html and "Grund A" not in html
    field_report = PostReport.objects.get(reason="Grund A")
    assert client.post(reverse("hub_forum:report_resolve", args=[field_report.pk])).status_code == 403
    region_report = PostReport.objects.get(reason="Grund B")
    assert client.post(reverse("hub_forum:report_resolve", args=[region_report.pk])).status_code == 302
    region_report.refresh_from_db()
    assert region_report.resolved_by == team_member
    assert "Grund B" not in client.get("/forum/meldungen/").content.decode()

    client.force_login(member)
    assert client.get("/forum/meldungen/").status_code == 403
