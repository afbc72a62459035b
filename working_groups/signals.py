"""Group pages, the directory, the region page's section and the API are cached for visitors
(``common.public_cache``): every change of a group, its dates, memberships (the member count) and reports makes
them stale."""

from common import public_cache
from working_groups.models import GroupEvent, Membership, ProgressReport, WorkingGroup

for _model in (WorkingGroup, GroupEvent, Membership, ProgressReport):
    public_cache.track(_model, unseen_fields=("show_name",) if _model is Membership else ())
