"""Forum: topics with their posts, written straight to the database (machina's models)."""

from machina.apps.forum_conversation.models import Post, Topic


def make_topic(forum, poster, subject="Ein Thema", content="Der erste Beitrag.", replies=0):
    """A topic with its first post and ``replies`` answers, read back so its counters are current."""
    topic = Topic.objects.create(
        forum=forum, poster=poster, subject=subject, type=Topic.TOPIC_POST, status=Topic.TOPIC_UNLOCKED
    )
    Post.objects.create(topic=topic, poster=poster, subject=subject, content=content)
    for number in range(replies):
        Post.objects.create(topic=topic, poster=poster, subject=f"Re: {subject}", content=f"Antwort {number}")
    topic.refresh_from_db()
    return topic
