"""The forum's URLs and the form data machina's post and topic forms expect."""

from django.urls import reverse

from forum.views import topic_url

__all__ = ["create_topic_url", "forum_url", "post_data", "reply_url", "topic_url"]


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
