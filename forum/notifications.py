"""E-mails to subscribers of a topic (machina's ``Topic.subscribers``) and of a forum (ours) on new posts.

Sent by a task (django_tasks) after the commit. Without ATOMIC_REQUESTS ``on_commit`` runs at once inside
``Post.save()`` — before machina sets ``topic.first_post`` — so "new topic or reply" is decided from the
topic's earliest post, and a failing mail server is logged, never raised into the posting request.
Each subscriber gets the mail in their own language (``members.language``), with links to that language's
forum; the post itself stays as written.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from django_tasks import task
from machina.apps.forum_conversation.models import Post

from forum import permissions
from members.language import in_language, language_of

logger = logging.getLogger(__name__)


def post_url(post):
    """The post's absolute address, in the active language's forum (``/en/forum/…`` in English)."""
    topic = post.topic
    path = reverse(
        "forum_conversation:topic",
        kwargs={
            "forum_slug": topic.forum.slug,
            "forum_pk": topic.forum_id,
            "slug": topic.slug,
            "pk": topic.pk,
        },
    )
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}?post={post.pk}#{post.pk}"


def recipients(post):
    """Subscribers of the post's topic and forum, once each, never the author, only if they may read."""
    topic = post.topic
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .filter(
            pk__in=list(topic.subscribers.values_list("pk", flat=True))
            + list(topic.forum.email_subscriptions.values_list("user_id", flat=True))
        )
    )
    if post.poster_id:
        users = users.exclude(pk=post.poster_id)
    handler = permissions.handler()
    return [user for user in users.order_by("pk") if handler.can_read_forum(topic.forum, user)]


def notify_subscribers(post_id):
    post = Post.objects.select_related("topic__forum", "poster").filter(pk=post_id, approved=True).first()
    if post is None:
        return 0
    author = post.poster.public_name_text() if post.poster else (post.username or "")
    is_topic = is_first_post(post)
    sent = 0
    # One transaction for all the mails queued here: a worker that dies in the middle queues none, so the task
    # run again mails nobody twice.
    with transaction.atomic():
        for user in recipients(post):
            with in_language(language_of(user)):
                context = {
                    "user": user,
                    "post": post,
                    "topic": post.topic,
                    "forum": post.topic.forum,
                    "author": author,
                    "url": post_url(post),
                    "is_topic": is_topic,
                    "subscriptions_url": f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}"
                    f"{reverse('forum_member:user_subscriptions')}",
                }
                subject = " ".join(render_to_string("forum/email/new_post_subject.txt", context).split())
                body = render_to_string("forum/email/new_post.txt", context)
            send_mail(subject, body, None, [user.email])
            sent += 1
    return sent


def is_first_post(post):
    """True if ``post`` opens its topic: the topic's earliest post (``topic.first_post`` may not be set yet)."""
    first = Post.objects.filter(topic_id=post.topic_id).order_by("created", "pk").values_list("pk", flat=True)
    return first.first() == post.pk


@task()
def notify_subscribers_task(post_id):
    return notify_subscribers(post_id)


def _enqueue(post_id):
    try:
        notify_subscribers_task.enqueue(post_id)
    except Exception:  # a task backend that is down must not break posting either
        logger.exception("Could not enqueue the forum notification for post %s", post_id)


def notify_subscribers_on_commit(post):
    post_id = post.pk
    transaction.on_commit(lambda: _enqueue(post_id))
