"""The forum's part of a member's data: in their export, and what happens to their posts when they go.

Registered in ``forum.wagtail_hooks`` for the hooks of ``members.hooks``. Posts and topics are not deleted
with an account: a discussion would lose its context. They stay, anonymised, under ``DELETED_MEMBER_NAME``.
"""

from machina.apps.forum_conversation.models import Post, Topic

from members.privacy import DELETED_MEMBER_NAME, iso


def export_forum_data(user, request=None):
    """The member's posts, subscriptions and reports (``members_export_data``)."""
    posts = Post.objects.filter(poster=user).select_related("topic", "topic__forum").order_by("created", "pk")
    subscriptions = Topic.objects.filter(subscribers=user).select_related("forum").order_by("subject", "pk")
    forum_subscriptions = user.forum_subscriptions.select_related("forum").order_by("forum__name", "pk")
    reports = user.forum_reports.select_related("post__topic").order_by("created_at", "pk")
    return {
        "forum_posts": [
            {
                "topic": post.topic.subject,
                "forum": post.topic.forum.name,
                "subject": post.subject,
                "created": iso(post.created),
                "updated": iso(post.updated),
                "content": post.content.raw if post.content else "",
            }
            for post in posts
        ],
        "forum_topic_subscriptions": [
            {"topic": topic.subject, "forum": topic.forum.name} for topic in subscriptions
        ],
        "forum_subscriptions": [
            {"forum": subscription.forum.name, "since": iso(subscription.created_at)}
            for subscription in forum_subscriptions
        ],
        "forum_reports": [
            {
                "topic": report.post.topic.subject,
                "reason": report.reason,
                "created": iso(report.created_at),
                "resolved": iso(report.resolved_at),
            }
            for report in reports
        ],
    }


def anonymise_posts(user):
    """Detach the member's posts and topics before the account goes (``members_before_account_deletion``).

    machina's ``poster`` foreign keys cascade, so this must run before the user row is deleted.
    update() rather than save(): no tracker updates, no "edited" marks, and one query each. anonymous_key ""
    (not None) keeps machina's "poster or anonymous key" rule valid, and matches no visitor's forum key, so
    nobody can edit the anonymised posts as their own.
    """
    Post.objects.filter(poster=user).update(poster=None, username=DELETED_MEMBER_NAME, anonymous_key="")
    Topic.objects.filter(poster=user).update(poster=None)
