"""The directory ("Mitmacher:innen"): listed cards, searchable by words, filtered by region and field of action.

The regions of a card are the regions its member joined (memberships point to the German region pages; the
titles and links shown are those of the active language).
"""

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Q
from django.utils.translation import gettext as _

from common.language import locale_id
from common.params import InvalidParameter
from home.models import FieldOfAction
from network.models import Card
from regions.models import RegionMembership, RegionPage, attach_shown_regions, network_locale_id

MAX_QUERY_LENGTH = 100


@dataclass
class DirectoryQuery:
    text: str = ""
    region: RegionPage | None = None  # the German page
    field: FieldOfAction | None = None

    @classmethod
    def from_params(cls, params):
        """Raises InvalidParameter for a value nobody could have chosen."""
        text = " ".join((params.get("q") or "").split())
        if len(text) > MAX_QUERY_LENGTH:
            raise InvalidParameter("q", _("At most %(max)d characters, please.") % {"max": MAX_QUERY_LENGTH})
        region = None
        slug = params.get("region") or ""
        if slug:
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
        return cls(text=text, region=region, field=field)

    @property
    def as_params(self):
        """The query as an encoded query string, for the pagination links."""
        params = {
            "q": self.text,
            "region": self.region.slug if self.region else "",
            "field": self.field.slug if self.field else "",
        }
        return urlencode({name: value for name, value in params.items() if value})

    def cards(self):
        cards = Card.objects.listed().select_related("user").order_by("user__display_name", "pk")
        for word in self.text.split():
            cards = cards.filter(
                (Q(user__display_name__icontains=word) & ~Q(user__display_name__contains="@"))
                | Q(place__icontains=word)
                | Q(offer__icontains=word)
                | Q(looking_for__icontains=word)
                | Q(about__icontains=word)
            )
        if self.region is not None:
            cards = cards.filter(user__region_memberships__region=self.region)
        if self.field is not None:
            cards = cards.filter(user__fields_of_action=self.field)
        return cards.distinct()

    def choices(self):
        """The filter form's options: the public regions of the active language, the fields of action."""
        regions = RegionPage.objects.live().public().filter(locale_id=locale_id()).order_by("title")
        region_key = self.region.translation_key if self.region else None
        return {
            "region_choices": [
                (page.slug, page.title, page.translation_key == region_key) for page in regions
            ],
            "field_choices": [(f.slug, f.label, f == self.field) for f in FieldOfAction.objects.all()],
        }


def cards_page(page):
    """The cards of one page of the directory, each with ``regions`` (shown pages) and ``fields``: two queries
    whatever the number of cards (three in English)."""
    cards = list(page)
    users = [card.user_id for card in cards]
    memberships = attach_shown_regions(
        RegionMembership.objects.filter(
            user_id__in=users,
            region__in=RegionPage.objects.live().public().filter(locale_id=network_locale_id()),
        )
        .select_related("region")
        .order_by("region__title")
    )
    regions = defaultdict(list)
    for membership in memberships:
        regions[membership.user_id].append(membership.shown_region)
    through = FieldOfAction.members.through
    fields = defaultdict(list)
    for row in through.objects.filter(user_id__in=users).select_related("fieldofaction"):
        fields[row.user_id].append(row.fieldofaction)
    for card in cards:
        card.regions = regions[card.user_id]
        card.fields = fields[card.user_id]
    page.object_list = cards
    return page
