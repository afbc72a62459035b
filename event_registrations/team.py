"""Who is an event's team: the one place that decides it.

The team is whoever may edit the event page in Wagtail — editors everywhere, a region's moderators for the pages
below their region (their page permissions, ``regions.roles``). Events of several regions only need to give the
moderators of each region edit rights; this function follows.
"""


def is_event_team(user, event):
    """``user`` may manage the registrations of ``event`` (settings, participants, messages, attendance)."""
    if event is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return event.permissions_for_user(user).can_edit()
