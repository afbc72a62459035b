"""E-mails to subscribers of a topic (machina's ``Topic.subscribers``) and of a forum (ours) on new posts."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from machina.apps.forum_conversation.models import Post

from forum import permissions


def post_url(post):
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
    url = post_url(post)
    author = post.poster.public_name_text() if post.poster else (post.username or "")
    is_topic = post.topic.first_post_id == post.pk
    sent = 0
    for user in recipients(post):
        context = {
            "user": user,
            "post": post,
            "topic": post.topic,
            "forum": post.topic.forum,
            "author": author,
            "url": url,
            "is_topic": is_topic,
            "subscriptions_url": f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}"
            f"{reverse('forum_member:user_subscriptions')}",
        }
        subject = render_to_string("forum/email/new_post_subject.txt", context).strip().replace("\n", " ")
        body = render_to_string("forum/email/new_post.txt", context)
        send_mail(subject, body, None, [user.email])
        sent += 1
    return sent


def notify_subscribers_on_commit(post):
    post_id = post.pk
    transaction.on_commit(lambda: notify_subscribers(post_id))
