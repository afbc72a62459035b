"""Template tags for our forum templates."""

from django import template
from django.urls import reverse

from machina.apps.forum_tracking.models import ForumReadTrack

from forum import structure

register = template.Library()


def unread_forums(tree, user):
    """The forums of ``tree`` with posts ``user`` has not read, and their parents in the tree.

    Same rule as machina's ForumReadTrack manager, but the parents come from the tree in memory instead of
    one ``get_ancestors()`` query per unread forum: one query whatever the number of forums.
    """
    if not user.is_authenticated or not tree.nodes:
        return []
    marks = dict(
        ForumReadTrack.objects.filter(user=user, forum__in=[n.obj.pk for n in tree.nodes]).values_list(
            "forum_id", "mark_time"
        )
    )
    unread = {}
    for node in tree.nodes:
        forum = node.obj
        if forum.pk in marks:
            is_unread = bool(node.last_post_on and marks[forum.pk] < node.last_post_on)
        else:
            is_unread = forum.direct_topics_count > 0
        while is_unread and node is not None:
            unread[node.obj.pk] = node.obj
            node = node.parent
    return list(unread.values())


@register.inclusion_tag("forum/forum_list.html", takes_context=True)
def hub_forum_list(context, forum_visibility_contents):
    """machina's ``forum_list`` with a bounded number of queries (see ``unread_forums``)."""
    request = context.get("request")
    return {
        "forum_contents": forum_visibility_contents,
        "unread_forums": unread_forums(forum_visibility_contents, request.user),
        "user": request.user,
        "request": request,
    }


@register.simple_tag
def region_forum_url(region):
    """The URL of a region's open forum, or "" when it has none (yet)."""
    forum = structure.region_forum(region)
    return reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk}) if forum else ""


@register.simple_tag
def group_forum_url(group):
    """The URL of a working group's open forum, or "" when it has none."""
    forum = structure.group_forum(group)
    return reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk}) if forum else ""
