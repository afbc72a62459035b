"""The directory of groups (``/mitmachen/gruppen/``), filtered by region and field of action, and what a card of a
group shows (its region in the visitor's language, its member count) in a fixed number of queries."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from common.params import InvalidParameter
from home.models import FieldOfAction
from regions.models import RegionPage, network_locale_id
from working_groups.models import MembershipStatus, WorkingGroup

NETWORK = "netzwerk"  # the region filter's value for the groups of the whole network


def for_cards(groups):
    """``groups`` with what their cards show: region, field and the member count."""
    return groups.select_related("region", "field_of_action").annotate(
        member_count=Count("memberships", filter=Q(memberships__status=MembershipStatus.MEMBER))
    )


@dataclass
class GroupQuery:
    region: RegionPage | None = None  # the German page
    network_only: bool = False
    field: FieldOfAction | None = None

    @classmethod
    def from_params(cls, params):
        """Raises InvalidParameter for a value nobody could have chosen."""
        region, network_only = None, False
        slug = params.get("region") or ""
        if slug == NETWORK:
            network_only = True
        elif slug:
            page = RegionPage.objects.live().public().filter(slug=slug[:255]).first()
            region = page.network_region() if page else None
            if region is None:
                raise InvalidParameter("region", _("There is no region “%(value)s”.") % {"value": slug[:50]})
        field = None
        field_slug = params.get("field") or ""
        if field_slug:
            field = FieldOfAction.objects.filter(slug=field_slug[:100]).first()
            if field is None:
                raise InvalidParameter(
                    "field", _("There is no field of action “%(value)s”.") % {"value": field_slug[:50]}
                )
        return cls(region=region, network_only=network_only, field=field)

    @property
    def as_params(self):
        params = {
            "region": NETWORK if self.network_only else (self.region.slug if self.region else ""),
            "field": self.field.slug if self.field else "",
        }
        return urlencode({name: value for name, value in params.items() if value})

    def groups(self):
        groups = WorkingGroup.objects.active()
        if self.network_only:
            groups = groups.filter(region__isnull=True)
        elif self.region is not None:
            groups = groups.filter(region=self.region)
        if self.field is not None:
            groups = groups.filter(field_of_action=self.field)
        return for_cards(groups).order_by("name", "pk")

    def choices(self):
        regions = RegionPage.objects.live().public().filter(locale_id=network_locale_id())
        regions = regions.filter(working_groups__active=True).distinct().order_by("title")
        return {
            "regions": list(regions.values_list("slug", "title")),
            "fields": FieldOfAction.objects.all(),
            "network_value": NETWORK,
        }
