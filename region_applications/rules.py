"""Who may see and decide the applications for new regions: the editors only.

Applications hold the applicants' answers and the editors' notes; regional teams and members never see them
(the submissions themselves need the change permission on the application page, which teams lack).
"""

import rules

from members.rules import is_editor

rules.add_perm("region_applications.manage_applications", is_editor)
