from django.urls import reverse

import pytest
from machina.apps.forum_conversation.models import Post, Topic

from forum import structure
from home.models import FieldOfAction
from tests.factories import make_editor, make_member


@pytest.fixture
def forums(db):
    """The whole forum structure (categories, permissions, one forum per field of action)."""
    structure.ensure_structure()
    return structure


@pytest.fixture
def field_forum(forums):
    return structure.field_forum(FieldOfAction.objects.order_by("order", "name").first())


@pytest.fixture
def region_forum(forums, region):
    forum, _created = structure.ensure_region_forum(region)
    return forum


@pytest.fixture
def member(db):
    return make_member(verified=True)


@pytest.fixture
def unverified(db):
    return make_member(verified=False)


@pytest.fixture
def editor(db):
    return make_editor()


@pytest.fixture
def no_interval(settings):
    settings.FORUM_POST_MIN_INTERVAL_SECONDS = 0
    settings.FORUM_NEW_MEMBER_TOPICS_PER_DAY = 1000
    settings.FORUM_TOPICS_PER_DAY = 1000


def make_topic(forum, poster, subject="Ein Thema", content="Der erste Beitrag.", replies=0):
    """A topic with its first post and ``replies`` answers, written straight to the database."""
    topic = Topic.objects.create(
        forum=forum, poster=poster, subject=subject, type=Topic.TOPIC_POST, status=Topic.TOPIC_UNLOCKED
    )
    Post.objects.create(topic=topic, poster=poster, subject=subject, content=content)
    for number in range(replies):
        Post.objects.create(topic=topic, poster=poster, subject=f"Re: {subject}", content=f"Antwort {number}")
    topic.refresh_from_db()
    return topic


def topic_url(topic):
    from forum.views import topic_url as url

    return url(topic)


def forum_url(forum):
    return reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk})


def create_topic_url(forum):
    return reverse("forum_conversation:topic_create", kwargs={"forum_slug": forum.slug, "forum_pk": forum.pk})


def reply_url(topic):
    return reverse(
        "forum_conversation:post_create",
        kwargs={
            "forum_slug": topic.forum.slug,
            "forum_pk": topic.forum_id,
            "topic_slug": topic.slug,
            "topic_pk": topic.pk,
        },
    )


def post_data(subject="Ein Thema", content="Ein Text.", **extra):
    """The form data of machina's post and topic forms, with empty attachment and poll formsets."""
    data = {
        "subject": subject,
        "content": content,
        "enable_signature": "on",
        "topic_type": "0",
        "poll_question": "",
        "poll_max_options": "1",
        "poll_duration": "0",
        "attachment-TOTAL_FORMS": "0",
        "attachment-INITIAL_FORMS": "0",
        "attachment-MIN_NUM_FORMS": "0",
        "attachment-MAX_NUM_FORMS": "3",
        "poll-TOTAL_FORMS": "0",
        "poll-INITIAL_FORMS": "0",
        "poll-MIN_NUM_FORMS": "0",
        "poll-MAX_NUM_FORMS": "30",
    }
    data.update(extra)
    return data
