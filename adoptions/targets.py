"""What a member may report an action for: the regions they joined or whose team they are in (every region for
editors), and the approved initiatives they own or whose region's team they are in."""

from django.db.models import Q

from members.rules import is_editor
from regions.models import Initiative, RegionPage, network_locale_id
from regions.rules import moderated_regions


def report_targets(user):
    """{choice key: (label, RegionPage or Initiative)} in the order the form lists them (two queries)."""
    regions = RegionPage.objects.live().filter(locale_id=network_locale_id())
    if not is_editor(user):
        regions = regions.filter(
            Q(memberships__user=user) | Q(pk__in=moderated_regions(user).values("pk"))
        ).distinct()
    initiatives = (
        Initiative.objects.approved()
        .filter(region__isnull=False)
        .filter(
            Q(pk__in=Initiative.objects.owned_by(user).values("pk"))
            | Q(region__in=moderated_regions(user).values("pk"))
        )
    )
    targets = {
        f"region-{region.pk}": (region.title, region)
        for region in regions.defer_streamfields().order_by("title", "pk")
    }
    targets.update(
        {
            f"initiative-{initiative.pk}": (initiative.name, initiative)
            for initiative in initiatives.select_related("region").order_by("name", "pk")
        }
    )
    return targets
