"""Who may do what around the forums that machina's own permissions do not cover.

Reading, posting and moderating inside a forum are machina forum permissions (``forum.permissions`` writes
them, ``request.forum_permission_handler`` asks them). The rules here are ours: subscriptions, reports,
starting an action's discussion, closed forums and the project forums in the Wagtail admin. Asked as
``rules.has_perm("hub_forum.…", user)`` (the app label is ``hub_forum``; see ``members.rules``).
"""

import rules

from members.rules import is_editor, is_verified_member

# Confirmed members only: an account whose address is unconfirmed can log in but is no member yet.
rules.add_perm("hub_forum.subscribe", is_verified_member)
rules.add_perm("hub_forum.report_post", is_verified_member)
rules.add_perm("hub_forum.start_action_discussion", is_verified_member)
# A closed forum (its region unpublished or deleted) stays visible to editors (forum.machina handler).
rules.add_perm("hub_forum.see_closed_forums", is_editor)
# The forums of "Themen & Projekte" are created and renamed by editors in the Wagtail admin.
rules.add_perm("hub_forum.manage_project_forums", is_editor)
