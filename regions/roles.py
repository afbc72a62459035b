"""Region teams → permissions. Being in a RegionPage's team makes a user that region's moderator."""

from django.contrib.auth.models import Group
from django.db import transaction


def team_group(region):
    """The permission group of a region's team, created on first use."""
    from regions.models import RegionTeam

    record = RegionTeam.objects.select_related("group").filter(region=region).first()
    if record:
        return record.group
    with transaction.atomic():
        group = Group.objects.create(name=f"Regionalmoderation #{region.pk}")
        RegionTeam.objects.create(region=region, group=group)
    return group
