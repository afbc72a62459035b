"""What the group page shows: its dates, contact persons, members (for members), requests (for those who decide)
and reports — each a fixed number of queries, whatever the number of rows."""

from django.db.models import Min, Q
from django.utils import timezone

from wagtail.models import Page

from home.models import PublicPageQuerySet
from working_groups.models import GroupEvent, Membership

UPCOMING_DATES = 5


def upcoming_dates(group):
    """The group's next live, public events (the pages as linked in the admin), by their next date.

    As the event listings do (``EventPage.upcoming``): by the event's stored dates (``EventDate``, reached by
    name as ``event__dates``), so a monthly series stays while one of its dates has not ended. Each event
    carries that date's start as ``next_start``.
    """
    public = PublicPageQuerySet(Page).live().public().values("pk")
    links = (
        GroupEvent.objects.filter(group=group, event__in=public)
        .annotate(next_start=Min("event__dates__start", filter=Q(event__dates__end__gte=timezone.now())))
        .filter(next_start__isnull=False)
        .select_related("event")
        .order_by("next_start", "event__pk")
    )
    events = []
    for link in links[:UPCOMING_DATES]:
        link.event.next_start = link.next_start
        events.append(link.event)
    return events


def contacts(group):
    """The contact persons, by their public name only."""
    rows = Membership.objects.contacts().filter(group=group, user__is_active=True).select_related("user")
    return [row.user for row in rows.order_by("joined_at", "pk")]


def named_members(group):
    """The members who agreed to show their name to the group's members; the others are only counted."""
    rows = Membership.objects.members().filter(group=group, show_name=True, user__is_active=True)
    return [row.user for row in rows.select_related("user").order_by("joined_at", "pk")]


def requests(group):
    return list(
        Membership.objects.requests().filter(group=group).select_related("user").order_by("created_at")
    )


def member_count(group):
    return Membership.objects.members().filter(group=group).count()


def membership_of(group, user):
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(group=group, user=user).first()
