"""Who reports and who confirms that an action was done: verified members report, the region's team (or an
editor) confirms, and their own reports count at once."""

import rules

from members.rules import is_editor, is_verified_member
from regions.rules import moderated_regions


@rules.predicate
def decides_on_adoption(user, adoption):
    """An editor, or in the team of the report's region (reports point to the German page)."""
    if adoption is None or not user.is_authenticated:
        return False
    return is_editor(user) or moderated_regions(user).filter(pk=adoption.region_id).exists()


rules.add_perm("adoptions.report_adoption", is_verified_member)
rules.add_perm("adoptions.decide_on_adoption", decides_on_adoption)
