"""The roles table of DESIGN.md ("Who uses it") as one matrix: six actors against the rights that tell them apart.

Every check goes through the real entry point (admin views, forum views, the initiative review views);
expected allow/deny is spelled out per actor, and removal from a region's team is shown to revoke rights.
"""

from django.test import Client
from django.urls import reverse

from wagtail.models import PagePermissionTester

import pytest
from machina.core.db.models import get_model

from forum import structure
from regions.models import ApprovalStatus, Initiative, InitiativeKind, RegionModerator
from tests.members.factories import UserFactory
from tests.regions.factories import RegionPageFactory

Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")

ACTORS = ["anonymous", "unverified", "member", "moderator_a", "moderator_b", "editor"]

# action → the actors allowed to do it (everyone else must be refused).
EXPECTED = {
    "edit region A in the admin": {"moderator_a", "editor"},
    "publish an event under region A": {"moderator_a", "editor"},
    "moderate region A's forum": {"moderator_a", "editor"},
    "moderate region B's forum": {"moderator_b", "editor"},
    "approve an initiative in A": {"moderator_a", "editor"},
    "approve an initiative in B": {"moderator_b", "editor"},
    "see region A's members": {"moderator_a", "editor"},
    "post in a forum": {"member", "moderator_a", "moderator_b", "editor"},
    "read a public forum": set(ACTORS),
}


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()


@pytest.fixture
def world(region_index, event_index):
    region_a = RegionPageFactory(parent=region_index, title="Region A", slug="region-a")
    region_b = RegionPageFactory(parent=region_index, title="Region B", slug="region-b")
    actors = {
        "anonymous": None,
        "unverified": UserFactory(unverified=True),
        "member": UserFactory(verified=True),
        "moderator_a": UserFactory(verified=True),
        "moderator_b": UserFactory(verified=True),
        "editor": UserFactory(editor=True),
    }
    for region, moderator in ((region_a, actors["moderator_a"]), (region_b, actors["moderator_b"])):
        region.moderators.add(RegionModerator(user=moderator, role="Moderation"))
        publish(region)
    author = UserFactory(verified=True)
    topics = {}
    for key, region in (("a", region_a), ("b", region_b)):
        forum = structure.region_forum(region)
        assert forum is not None, "publishing a region creates its forum"
        topic = Topic.objects.create(
            forum=forum,
            poster=author,
            subject=f"Thema {key}",
            type=Topic.TOPIC_POST,
            status=Topic.TOPIC_UNLOCKED,
        )
        Post.objects.create(topic=topic, poster=author, subject=topic.subject, content="Hallo zusammen")
        topics[key] = topic
    return {"a": region_a, "b": region_b, "actors": actors, "topics": topics}


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def can_edit_in_admin(client, user, region):
    return client.get(reverse("wagtailadmin_pages:edit", args=[region.pk])).status_code == 200


def can_publish_event_under(client, user, region):
    add_form = client.get(reverse("wagtailadmin_pages:add", args=["events", "eventpage", region.pk]))
    if add_form.status_code != 200:
        return False
    return PagePermissionTester(user, region).can_publish_subpage()


def can_moderate_forum(client, user, topic):
    lock_url = reverse(
        "forum_moderation:topic_lock",
        kwargs={
            "slug": topic.slug,
            "pk": topic.pk,
        },
    )
    return client.get(lock_url).status_code == 200


def can_approve_in(client, user, region):
    initiative = Initiative.objects.create(
        name="Repair-Café", kind=InitiativeKind.PROJECT, region=region, approval_status=ApprovalStatus.PENDING
    )
    client.post(reverse("regions:approve_initiative", args=[initiative.pk]))
    initiative.refresh_from_db()
    return initiative.approval_status == ApprovalStatus.APPROVED


def can_see_members_of(client, user, region):
    return client.get(reverse("regions:members", args=[region.pk])).status_code == 200


def can_post(client, user, topic):
    forum = topic.forum
    before = Post.objects.filter(topic=topic).count()
    client.post(
        reverse(
            "forum_conversation:post_create",
            kwargs={
                "forum_slug": forum.slug,
                "forum_pk": forum.pk,
                "topic_slug": topic.slug,
                "topic_pk": topic.pk,
            },
        ),
        {"subject": f"Re: {topic.subject}", "content": "Ich bin dabei!"},
    )
    return Post.objects.filter(topic=topic).count() == before + 1


def can_read_forum(client, user, topic):
    forum_page = client.get(reverse("forum:forum", kwargs={"slug": topic.forum.slug, "pk": topic.forum.pk}))
    topic_page = client.get(
        reverse(
            "forum_conversation:topic",
            kwargs={
                "forum_slug": topic.forum.slug,
                "forum_pk": topic.forum.pk,
                "slug": topic.slug,
                "pk": topic.pk,
            },
        )
    )
    return (
        forum_page.status_code == 200
        and topic_page.status_code == 200
        and b"Hallo zusammen" in topic_page.content
    )


def observed_rights(world, actor):
    user = world["actors"][actor]
    a, b, topics = world["a"], world["b"], world["topics"]
    checks = {
        "edit region A in the admin": lambda c: can_edit_in_admin(c, user, a),
        "publish an event under region A": lambda c: can_publish_event_under(c, user, a),
        "moderate region A's forum": lambda c: can_moderate_forum(c, user, topics["a"]),
        "moderate region B's forum": lambda c: can_moderate_forum(c, user, topics["b"]),
        "approve an initiative in A": lambda c: can_approve_in(c, user, a),
        "approve an initiative in B": lambda c: can_approve_in(c, user, b),
        "see region A's members": lambda c: can_see_members_of(c, user, a),
        "post in a forum": lambda c: can_post(c, user, topics["a"]),
        "read a public forum": lambda c: can_read_forum(c, user, topics["a"]),
    }
    # A fresh client per check: one check's session or messages never influence the next.
    return {action: check(client_for(user)) for action, check in checks.items()}


@pytest.mark.django_db
@pytest.mark.parametrize("actor", ACTORS)
def test_permission_matrix(world, actor):
    expected = {action: actor in allowed for action, allowed in EXPECTED.items()}
    assert observed_rights(world, actor) == expected


@pytest.mark.django_db
def test_removal_from_the_team_revokes_every_region_right(world, settings):
    settings.FORUM_POST_MIN_INTERVAL_SECONDS = 0  # the same person posts in both rounds
    region_a = world["a"]
    assert observed_rights(world, "moderator_a")["edit region A in the admin"]

    region_a.moderators.clear()
    publish(region_a)

    rights = observed_rights(world, "moderator_a")
    for action in (
        "edit region A in the admin",
        "publish an event under region A",
        "moderate region A's forum",
        "approve an initiative in A",
        "see region A's members",
    ):
        assert rights[action] is False, action
    # Still a member: posting and reading stay.
    assert rights["post in a forum"] and rights["read a public forum"]
