"""Keep what the action pool knows about adoptions true: ``ActionPage.regions`` of every language's page of an
action holds the (German) regions of its confirmed reports, and the search engine hears about it.

``ActionPage.regions`` is a plain many-to-many relation (not part of page revisions), so publishing an older
revision of an action never undoes a confirmation.
"""

from django.db.models import Q

from actions.models import ActionPage
from adoptions.models import Adoption
from regions.models import ApprovalStatus
from search.sync import queue_changes


def refresh_action(action_id):
    """Set the regions of the confirmed reports (of regions, and of approved initiatives: what the pages count) on
    the action's pages in every language; queue them for the search engine."""
    key = ActionPage.objects.filter(pk=action_id).values_list("translation_key", flat=True).first()
    if key is None:
        return  # the action was deleted: its reports went with it
    # Locked first: two decisions at once must not each set the regions from their own snapshot.
    pages = list(ActionPage.objects.select_for_update().filter(translation_key=key).only("pk"))
    counted = Q(initiative__isnull=True) | Q(initiative__approval_status=ApprovalStatus.APPROVED)
    region_ids = set(
        Adoption.objects.confirmed()
        .filter(counted, action__translation_key=key)
        .values_list("region_id", flat=True)
    )
    for page in pages:
        page.regions.set(region_ids)
    queue_changes(page.pk for page in pages)
