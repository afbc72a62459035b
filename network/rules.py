"""Who may write through the hub: members with a confirmed address (unconfirmed accounts can log in)."""

import rules

from members.rules import is_verified_member

rules.add_perm("network.send_message", is_verified_member)
