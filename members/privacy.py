"""A member's own data: how they are named to others, the export (Art. 15/20 GDPR) and account deletion (Art. 17).

Forum posts are not deleted with an account: a discussion would lose its context. They stay, anonymised,
under the name ``DELETED_MEMBER_NAME``; everything that identifies the person goes.
"""

import logging

from django.db import transaction
from django.utils import timezone

from machina.core.db.models import get_model

logger = logging.getLogger(__name__)

# Shown in the forum in place of a deleted member's name (machina shows ``Post.username`` without a poster).
DELETED_MEMBER_NAME = "gelöschtes Mitglied"


def user_display(user):
    """allauth's ``ACCOUNT_USER_DISPLAY``: the public name, never the username or e-mail address."""
    return str(user.public_name)


def _iso(value):
    return value.isoformat() if value else None


def _absolute(request, url):
    if not url:
        return None
    return request.build_absolute_uri(url) if request is not None else url


def export_user_data(user, request=None):
    """Everything the hub stores about ``user``, as a JSON-serialisable dict (only this user's data)."""
    from allauth.account.models import EmailAddress

    from regions.models import Initiative, RegionMembership, RegionModerator

    Post = get_model("forum_conversation", "Post")
    Topic = get_model("forum_conversation", "Topic")

    memberships = RegionMembership.objects.filter(user=user).select_related("region").order_by("joined_at")
    teams = RegionModerator.objects.filter(user=user).select_related("region").order_by("region__title")
    initiatives = (
        Initiative.objects.filter(submitted_by=user).select_related("region").order_by("created_at", "pk")
    )
    posts = Post.objects.filter(poster=user).select_related("topic", "topic__forum").order_by("created", "pk")
    subscriptions = Topic.objects.filter(subscribers=user).select_related("forum").order_by("subject", "pk")
    forum_subscriptions = user.forum_subscriptions.select_related("forum").order_by("forum__name", "pk")
    reports = user.forum_reports.select_related("post__topic").order_by("created_at", "pk")

    return {
        "exported_at": _iso(timezone.now()),
        "profile": {
            "username": user.get_username(),
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "display_name": user.display_name,
            "organisation": user.organisation,
            "bio": user.bio,
            "avatar_url": _absolute(request, user.avatar.url) if user.avatar else None,
            "show_on_map": user.show_on_map,
            "map_place": user.map_place,
            "map_location": user.map_location,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        "fields_of_action": [field.name for field in user.fields_of_action.all()],
        "email_addresses": [
            {"email": address.email, "primary": address.primary, "verified": address.verified}
            for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
        ],
        "region_memberships": [
            {
                "region": membership.region.title,
                "url": _absolute(request, membership.region.get_url(request=request)),
                "joined_at": _iso(membership.joined_at),
            }
            for membership in memberships
        ],
        "region_teams": [
            {
                "region": team.region.title,
                "url": _absolute(request, team.region.get_url(request=request)),
                "role": team.role,
            }
            for team in teams
        ],
        "initiatives": [
            {
                "name": initiative.name,
                "kind": initiative.get_kind_display(),
                "status": initiative.get_approval_status_display(),
                "region": initiative.region.title if initiative.region else None,
                "website": initiative.website,
                "description": initiative.description,
                "address": initiative.address,
                "created_at": _iso(initiative.created_at),
            }
            for initiative in initiatives
        ],
        "forum_posts": [
            {
                "topic": post.topic.subject,
                "forum": post.topic.forum.name,
                "subject": post.subject,
                "created": _iso(post.created),
                "updated": _iso(post.updated),
                "content": post.content.raw if post.content else "",
            }
            for post in posts
        ],
        "forum_topic_subscriptions": [
            {"topic": topic.subject, "forum": topic.forum.name} for topic in subscriptions
        ],
        "forum_subscriptions": [
            {"forum": subscription.forum.name, "since": _iso(subscription.created_at)}
            for subscription in forum_subscriptions
        ],
        "forum_reports": [
            {
                "topic": report.post.topic.subject,
                "reason": report.reason,
                "created": _iso(report.created_at),
                "resolved": _iso(report.resolved_at),
            }
            for report in reports
        ],
    }


def delete_account(user):
    """Delete ``user`` for good; their forum posts and topics stay, anonymised.

    One transaction: either everything below happens or nothing does. machina's ``poster`` foreign keys
    cascade, so posts and topics are detached from the user *before* the user row goes. Memberships,
    team places, e-mail addresses, subscriptions and read marks cascade with the user; initiatives stay
    without a submitter (SET_NULL). The avatar file is removed once the deletion is committed.
    """
    Post = get_model("forum_conversation", "Post")
    Topic = get_model("forum_conversation", "Topic")

    avatar_name = user.avatar.name if user.avatar else ""
    storage = user.avatar.storage
    with transaction.atomic():
        # update() rather than save(): no tracker updates, no "edited" marks, and one query each.
        # anonymous_key "" (not None) keeps machina's "poster or anonymous key" rule valid, and matches
        # no visitor's forum key, so nobody can edit the anonymised posts as their own.
        Post.objects.filter(poster=user).update(poster=None, username=DELETED_MEMBER_NAME, anonymous_key="")
        Topic.objects.filter(poster=user).update(poster=None)
        user.delete()
        if avatar_name:
            transaction.on_commit(lambda: _delete_file(storage, avatar_name))


def _delete_file(storage, name):
    try:
        storage.delete(name)
    except OSError:
        # The account is gone either way; a stray file is logged for the operators to remove.
        logger.warning("Could not delete avatar file %s of a deleted account", name)
