"""Who may do what with registrations; the event's team is decided in ``team.py``."""

import rules

from event_registrations.team import is_event_team
from members.rules import is_verified_member


@rules.predicate
def manages_event(user, event):
    return is_event_team(user, event)


rules.add_perm("event_registrations.manage", manages_event)
# A member registers in one click only with a confirmed address; everyone else registers as a guest.
rules.add_perm("event_registrations.register_as_member", is_verified_member)
