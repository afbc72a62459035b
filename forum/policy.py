"""Posting rules: a minimum interval between two posts and a daily quota of new topics.

Counted from the posts and topics in the database (no cache to lose or to share between processes).
Moderators of the forum (editors, the region's team) are exempt: they often answer several posts in a row.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from machina.apps.forum_conversation.models import Post, Topic


@dataclass
class Refusal:
    message: str
    retry_after: int  # seconds


def _is_moderator(user, forum, handler):
    # Locking topics is a moderators-only right (editors everywhere, a team in its region's forum).
    return handler.can_lock_topics(forum, user)


def check(user, forum, handler, new_topic):
    """A Refusal if ``user`` may not post now (``new_topic``: starting a topic), else None."""
    if not user.is_authenticated or _is_moderator(user, forum, handler):
        return None
    now = timezone.now()
    interval = settings.FORUM_POST_MIN_INTERVAL_SECONDS
    last = Post.objects.filter(poster=user).order_by("-created").values_list("created", flat=True).first()
    if last is not None and now - last < timedelta(seconds=interval):
        wait = interval - int((now - last).total_seconds())
        return Refusal(
            ngettext(
                "Please wait %(wait)d more second before you write your next post. "
                "Your text is still there below.",
                "Please wait %(wait)d more seconds before you write your next post. "
                "Your text is still there below.",
                wait,
            )
            % {"wait": wait},
            max(wait, 1),
        )
    if new_topic:
        new_member = user.date_joined > now - timedelta(days=settings.FORUM_NEW_MEMBER_DAYS)
        quota = settings.FORUM_NEW_MEMBER_TOPICS_PER_DAY if new_member else settings.FORUM_TOPICS_PER_DAY
        since = now - timedelta(days=1)
        started = Topic.objects.filter(poster=user, created__gte=since).order_by("created")
        if started.count() >= quota:
            oldest = started.values_list("created", flat=True).first()
            wait = int((oldest + timedelta(days=1) - now).total_seconds())
            hint = (
                _("New members can start up to %(quota)d topics a day in their first %(days)d days.")
                % {"days": settings.FORUM_NEW_MEMBER_DAYS, "quota": quota}
                if new_member
                else _("You can start up to %(quota)d topics a day.") % {"quota": quota}
            )
            return Refusal(
                _(
                    "You have already started %(count)d new topics today. %(hint)s You can still reply to "
                    "existing topics; your text is still there below."
                )
                % {"count": quota, "hint": hint},
                max(wait, 1),
            )
    return None
