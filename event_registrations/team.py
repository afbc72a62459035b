"""Who is an event's team: the one place that decides it.

The team is whoever may edit the event page in Wagtail: editors everywhere, and the moderators of each of the
event's regions (their page permissions on their region, ``regions.roles``, which ``hub_events.permissions``
extends to the events tagged with the region wherever they live).
"""


def is_event_team(user, event):
    """``user`` may manage the registrations of ``event`` (settings, participants, messages, attendance)."""
    if event is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return event.permissions_for_user(user).can_edit()
