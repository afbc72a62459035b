"""Who may read, post and moderate: anonymous, unverified, member, editor, a region's team."""

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

import pytest
from machina.apps.forum_conversation.models import Topic

from forum import structure
from forum.machina.forum_permission.handler import PermissionHandler
from members.roles import ensure_groups
from regions.roles import team_group
from tests.forum.factories import make_topic
from tests.forum.helpers import create_topic_url, forum_url, post_data, reply_url, topic_url
from tests.members.factories import UserFactory
from tests.regions.factories import RegionPageFactory


@pytest.fixture
def other_region_forum(forums, region_index):
    other = RegionPageFactory(parent=region_index, title="Wendland", slug="wendland")
    return structure.ensure_region_forum(other)[0]


@pytest.fixture
def team_member(region, region_forum):
    user = UserFactory(verified=True)
    user.groups.add(team_group(region))
    return user


def lock_url(topic):
    return reverse("forum_moderation:topic_lock", kwargs={"slug": topic.slug, "pk": topic.pk})


def test_anonymous_reads_but_cannot_post(client, field_forum, member):
    topic = make_topic(field_forum, member)
    assert client.get("/forum/").status_code == 200
    assert client.get(forum_url(field_forum)).status_code == 200
    response = client.get(topic_url(topic))
    assert response.status_code == 200 and "Antworten" not in response.content.decode()
    # Login required for writing: a redirect to the login page, nothing created.
    response = client.post(create_topic_url(field_forum), post_data("Hallo", "Text"))
    assert response.status_code == 302 and "/konto/" in response["Location"]
    assert client.post(reply_url(topic), post_data("Re", "Text")).status_code == 302
    assert Topic.objects.count() == 1


def test_unverified_member_reads_but_cannot_post(client, field_forum, member, unverified):
    topic = make_topic(field_forum, member)
    client.force_login(unverified)
    assert client.get(topic_url(topic)).status_code == 200
    assert client.get(create_topic_url(field_forum)).status_code == 403
    assert client.post(reply_url(topic), post_data("Re", "Text")).status_code == 403
    assert client.post(reverse("forum_member:topic_subscribe", args=[topic.pk])).status_code == 403


def test_verified_member_posts_replies_and_edits_own_posts_only(client, field_forum, member, no_interval):
    client.force_login(member)
    response = client.post(create_topic_url(field_forum), post_data("Lastenräder", "Wer teilt?"))
    assert response.status_code == 302
    topic = Topic.objects.get(subject="Lastenräder")
    assert topic.approved and topic.poster == member
    assert client.post(reply_url(topic), post_data("Re", "Ich!")).status_code == 302
    assert topic.posts.count() == 2
    stranger_topic = make_topic(field_forum, UserFactory(verified=True), subject="Fremd")
    handler = PermissionHandler()
    assert handler.can_edit_post(topic.first_post, member)
    assert not handler.can_edit_post(stranger_topic.first_post, member)
    assert not handler.can_lock_topics(field_forum, member)
    assert client.get(lock_url(stranger_topic)).status_code == 403
    assert handler.can_create_polls(field_forum, member) and handler.can_attach_files(field_forum, member)


def test_editor_moderates_everywhere(client, field_forum, region_forum, member, editor):
    handler = PermissionHandler()
    for forum in (field_forum, region_forum):
        assert handler.can_lock_topics(forum, editor)
        assert handler.can_approve_posts(forum, editor)
        assert handler.can_move_topics(forum, editor)
    topic = make_topic(region_forum, member)
    assert handler.can_edit_post(topic.first_post, editor)
    assert handler.can_delete_post(topic.first_post, editor)
    client.force_login(editor)
    assert client.post(lock_url(topic)).status_code == 302
    topic.refresh_from_db()
    assert topic.is_locked
    assert client.get(reverse("forum_moderation:queue")).status_code == 200


def test_region_team_moderates_only_its_own_region(
    client, region_forum, other_region_forum, field_forum, member, team_member
):
    own = make_topic(region_forum, member, subject="Hier")
    foreign = make_topic(other_region_forum, member, subject="Dort")
    handler = PermissionHandler()
    assert handler.can_lock_topics(region_forum, team_member)
    assert handler.can_edit_post(own.first_post, team_member)
    assert not handler.can_lock_topics(other_region_forum, team_member)
    assert not handler.can_edit_post(foreign.first_post, team_member)
    assert not handler.can_lock_topics(field_forum, team_member)
    client.force_login(team_member)
    assert client.post(lock_url(own)).status_code == 302
    assert client.post(lock_url(foreign)).status_code == 403
    # Still an ordinary member elsewhere: reads and writes.
    assert handler.can_add_topic(other_region_forum, team_member)


def test_leaving_the_team_removes_the_rights(region_forum, team_member, region):
    team_member.groups.remove(team_group(region))
    assert not PermissionHandler().can_lock_topics(region_forum, team_member)


def test_closed_forum_is_hidden_except_for_editors(client, region_forum, region, member, editor):
    topic = make_topic(region_forum, member)
    structure.close_region_forum(region)
    assert not PermissionHandler().can_read_forum(region_forum, AnonymousUser())
    assert not PermissionHandler().can_add_topic(region_forum, member)
    assert client.get(topic_url(topic)).status_code == 302  # to the login page
    client.force_login(member)
    assert client.get(topic_url(topic)).status_code == 403
    assert region_forum.name not in client.get("/forum/").content.decode()
    client.force_login(editor)
    assert client.get(topic_url(topic)).status_code == 200


def test_permissions_are_not_cached_across_requests(client, field_forum, member, unverified):
    """machina caches per handler; a handler lives for one request, so a new right counts at once."""
    client.force_login(unverified)
    assert client.get(create_topic_url(field_forum)).status_code == 403
    unverified.groups.add(ensure_groups()[0])
    assert client.get(create_topic_url(field_forum)).status_code == 200


def test_closing_a_forum_keeps_every_other_forum_for_members(
    client, region_forum, other_region_forum, field_forum, region, member, no_interval
):
    """Regression: per-forum "not granted" rows made machina drop the global grants for every later forum."""
    from machina.apps.forum.models import Forum

    structure.close_region_forum(region)
    closed_pk = region_forum.pk
    # The closed forum is neither the last forum of the tree nor of the id order.
    assert Forum.objects.filter(pk__gt=closed_pk, type=Forum.FORUM_POST).exists()
    assert other_region_forum.pk > closed_pk
    open_forums = list(Forum.objects.filter(type=Forum.FORUM_POST).exclude(pk=closed_pk))
    assert len(open_forums) >= 5

    client.force_login(member)
    page = client.get("/forum/").content.decode()
    for forum in open_forums:
        assert forum_url(forum) in page, forum.name
    assert forum_url(region_forum) not in page

    handler = PermissionHandler()
    readable = set(handler.get_readable_forums(Forum.objects.all(), member).values_list("pk", flat=True))
    assert {f.pk for f in open_forums} <= readable
    assert closed_pk not in readable
    for forum in (other_region_forum, field_forum):
        assert client.get(forum_url(forum)).status_code == 200
        response = client.post(create_topic_url(forum), post_data(subject=f"Neu in {forum.name}"))
        assert response.status_code == 302, forum.name
        topic = Topic.objects.get(forum=forum, subject=f"Neu in {forum.name}")
        assert client.get(topic_url(topic)).status_code == 200
        assert client.post(reply_url(topic), post_data(subject="Antwort")).status_code == 302
        assert topic.posts.count() == 2
    assert client.get(forum_url(region_forum)).status_code == 403


def test_reopening_a_forum_gives_it_back(client, region_forum, region, member, team_member):
    structure.close_region_forum(region)
    assert not PermissionHandler().can_lock_topics(region_forum, team_member)
    structure.ensure_region_forum(region)
    assert PermissionHandler().can_read_forum(region_forum, member)
    assert PermissionHandler().can_lock_topics(region_forum, team_member)
