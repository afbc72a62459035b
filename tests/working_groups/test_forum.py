"""Each group's forum: created and closed with the group; a members-only forum is invisible outside the group
(reading, the forum index, search, the topic), readable and writable inside it; leaving takes it away."""

from django.urls import reverse

import pytest
from machina.apps.forum_conversation.models import Topic
from machina.apps.forum_permission.models import GroupForumPermission

from forum import structure
from forum.models import ForumSubscription, GroupForum
from tests.forum.factories import make_topic
from tests.forum.helpers import create_topic_url, forum_url, post_data, topic_url
from tests.members.factories import UserFactory
from tests.working_groups.factories import WorkingGroupFactory, add_member
from working_groups.models import ForumAccess, Membership

SEARCH = reverse("forum_search:search")
SUBSCRIPTIONS = reverse("forum_member:user_subscriptions")


@pytest.fixture
def secret(closed_group, contact):
    """A topic in the members-only forum of ``closed_group``."""
    forum = structure.group_forum(closed_group)
    return make_topic(forum, contact, subject="Geheimes Budget", content="Haushaltszahlen Wurmkiste")


@pytest.fixture
def _no_interval(settings):
    settings.FORUM_POST_MIN_INTERVAL_SECONDS = 0


def test_a_group_gets_its_forum_and_it_follows_the_group(region):
    group = WorkingGroupFactory(name="AG Mobilität", region=region)
    forum = structure.group_forum(group)
    assert forum is not None and forum.name == "AG Mobilität"
    assert forum.parent.name == structure.GROUPS

    group.name = "AG Verkehr"
    group.save()
    forum.refresh_from_db()
    assert forum.name == "AG Verkehr"

    group.forum_access = ForumAccess.NONE
    group.save()
    assert structure.group_forum(group) is None
    group.forum_access = ForumAccess.PUBLIC
    group.save()
    assert structure.group_forum(group).pk == forum.pk  # reopened, posts kept (it was never members-only)

    group.delete()
    assert GroupForum.objects.get(forum=forum).closed


def test_public_group_forum_is_read_by_everyone(client, group, contact):
    topic = make_topic(structure.group_forum(group), contact, subject="Offenes Treffen")
    assert client.get(topic_url(topic)).status_code == 200


@pytest.mark.parametrize("who", [None, "member", "unverified", "other_moderator", "other_contact"])
def test_members_only_forum_is_invisible_outside_the_group(client, closed_group, secret, who, request):
    if who:
        client.force_login(request.getfixturevalue(who))
    forum = secret.forum
    assert client.get(forum_url(forum)).status_code in (302, 403, 404)
    assert client.get(topic_url(secret)).status_code in (302, 403, 404)
    assert "Geheimes Budget" not in client.get(reverse("forum:index")).content.decode()
    assert forum.name not in client.get(reverse("forum:index")).content.decode()
    assert "Geheimes Budget" not in client.get(SEARCH, {"q": "Wurmkiste"}).content.decode()
    if who:
        assert client.post(create_topic_url(forum), post_data(subject="Rein")).status_code in (302, 403, 404)
        assert not Topic.objects.filter(subject="Rein").exists()


@pytest.mark.usefixtures("_no_interval")
def test_members_read_and_write_and_leaving_revokes_it(client, closed_group, secret):
    reader = UserFactory(verified=True)
    add_member(closed_group, reader)
    client.force_login(reader)
    forum = secret.forum
    assert client.get(forum_url(forum)).status_code == 200
    assert "Geheimes Budget" in client.get(topic_url(secret)).content.decode()
    assert "Geheimes Budget" in client.get(SEARCH, {"q": "Wurmkiste"}).content.decode()
    response = client.post(create_topic_url(forum), post_data(subject="Nächstes Treffen"))
    assert response.status_code == 302
    assert Topic.objects.filter(forum=forum, subject="Nächstes Treffen").exists()

    client.post(reverse("working_groups:leave", args=[closed_group.slug]))
    assert not Membership.objects.filter(user=reader).exists()
    assert client.get(topic_url(secret)).status_code in (302, 403, 404)
    assert "Geheimes Budget" not in client.get(SEARCH, {"q": "Wurmkiste"}).content.decode()


def test_a_pending_request_gives_no_access(client, closed_group, secret):
    requester = UserFactory(verified=True)
    Membership.objects.create(group=closed_group, user=requester, status="requested")
    client.force_login(requester)
    assert client.get(topic_url(secret)).status_code in (302, 403, 404)


@pytest.mark.parametrize("who", ["moderator", "editor"])
def test_the_regions_team_and_editors_read_the_members_only_forum(client, secret, who, request):
    client.force_login(request.getfixturevalue(who))
    assert "Geheimes Budget" in client.get(topic_url(secret)).content.decode()


def test_other_forums_keep_their_rights_next_to_a_members_only_one(client, closed_group, secret, region):
    """Hiding one forum must not take the global grants away from the forums listed after it."""
    other = WorkingGroupFactory(name="AG Offen", region=region)
    topic = make_topic(structure.group_forum(other), secret.poster, subject="Alle willkommen")
    assert client.get(topic_url(topic)).status_code == 200
    assert "Alle willkommen" in client.get(SEARCH, {"q": "Der erste Beitrag"}).content.decode()


def test_the_group_page_links_its_forum(client, group):
    assert forum_url(structure.group_forum(group)) in client.get(group.get_absolute_url()).content.decode()


def test_leaving_ends_the_subscriptions_to_a_members_only_forum(client, closed_group, secret, contact):
    reader = UserFactory(verified=True)
    add_member(closed_group, reader)
    secret.subscribers.add(reader)
    ForumSubscription.objects.create(user=reader, forum=secret.forum)
    client.force_login(reader)
    assert "Geheimes Budget" in client.get(SUBSCRIPTIONS).content.decode()

    client.post(reverse("working_groups:leave", args=[closed_group.slug]))
    page = client.get(SUBSCRIPTIONS)
    assert page.status_code == 200 and "Geheimes Budget" not in page.content.decode()
    assert not secret.subscribers.filter(pk=reader.pk).exists()
    assert not ForumSubscription.objects.filter(user=reader).exists()


def test_the_subscription_list_shows_only_readable_forums(client, closed_group, secret, member):
    """A subscription left over (say, from when the forum was still public) shows no title."""
    secret.subscribers.add(member)
    client.force_login(member)
    page = client.get(SUBSCRIPTIONS)
    assert page.status_code == 200 and "Geheimes Budget" not in page.content.decode()


def test_a_members_only_forum_turned_public_is_archived_and_a_new_one_opens(client, closed_group, secret):
    closed_group.forum_access = ForumAccess.PUBLIC
    closed_group.save()
    new = structure.group_forum(closed_group)
    assert new is not None and new.pk != secret.forum_id
    assert GroupForum.objects.get(forum=secret.forum).closed
    assert client.get(topic_url(secret)).status_code in (302, 403, 404)
    assert client.get(forum_url(new)).status_code == 200
    assert "Geheimes Budget" not in client.get(forum_url(new)).content.decode()

    # The long way round (no forum first, then public) reopens nothing private either.
    other = WorkingGroupFactory(forum_access=ForumAccess.MEMBERS)
    private = structure.group_forum(other)
    other.forum_access = ForumAccess.NONE
    other.save()
    other.forum_access = ForumAccess.PUBLIC
    other.save()
    assert structure.group_forum(other).pk != private.pk
    assert GroupForum.objects.get(forum=private).closed


def test_a_members_only_forum_is_marked_private_for_good(closed_group, secret):
    """Posts written while members-only are private for good, even if the group goes public again."""
    assert GroupForum.objects.get(forum=secret.forum).members_only


def _team_rows(forum):
    return set(
        GroupForumPermission.objects.filter(forum=forum, group__region_team__isnull=False).values_list(
            "group__region_team__region_id", flat=True
        )
    )


def test_moving_a_group_moves_the_moderation_of_its_forum(group, region, other_region):
    forum = structure.group_forum(group)
    assert _team_rows(forum) == {region.pk}
    group.region = other_region
    group.save()
    assert _team_rows(forum) == {other_region.pk}
    group.region = None
    group.save()
    assert _team_rows(forum) == set()


def test_the_old_team_no_longer_moderates_a_moved_groups_forum(client, group, moderator, other_region):
    topic = make_topic(structure.group_forum(group), moderator, subject="Thema")
    group.region = other_region
    group.save()
    client.force_login(moderator)
    lock = reverse("forum_moderation:topic_lock", kwargs={"slug": topic.slug, "pk": topic.pk})
    assert client.post(lock).status_code in (302, 403) and not Topic.objects.get(pk=topic.pk).is_locked
