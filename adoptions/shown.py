"""What pages show of reports: the action page ("done in N regions / M initiatives", with a small map), the
region page and the initiative profile (the actions done there), the review queue (reports waiting for the team).

Reports point to the German pages; what is shown is the page of the active language, found by ``translation_key``.
"""

from dataclasses import dataclass, field

from actions.models import ActionPage
from adoptions.models import Adoption
from common.language import locale_id
from home import site_cache
from members.rules import is_editor
from regions.map.page import point_map_config
from regions.models import RegionPage, attach_shown_regions, network_locale_id
from regions.rules import moderated_regions

REVIEW_LIMIT = 50


@dataclass
class DoneIn:
    """The confirmed reports of one action, as its page shows them."""

    regions: list = field(default_factory=list)  # reports of a region as a whole, with ``shown_region``
    initiatives: list = field(default_factory=list)  # reports of approved initiatives, with ``shown_region``
    region_count: int = 0
    initiative_count: int = 0
    map_config: dict = field(default_factory=dict)  # what static/map/point.js needs, when there are points

    @property
    def points(self):
        """Whether any report has a position for the small map."""
        return any(a.point for a in (*self.regions, *self.initiatives))


def _public_region_ids():
    return set(
        RegionPage.objects.live().public().filter(locale_id=network_locale_id()).values_list("pk", flat=True)
    )


def done_in(page):
    """The regions and approved initiatives where ``page``'s action has been done (three queries)."""
    adoptions = (
        Adoption.objects.confirmed()
        .filter(action__translation_key=page.translation_key)
        .select_related("region", "initiative")
        .defer("region__body")
    )
    public = _public_region_ids()
    shown = [
        a
        for a in adoptions
        if a.region_id in public and (a.initiative is None or a.initiative.approval_status == "approved")
    ]
    attach_shown_regions(shown)
    done = DoneIn()
    for adoption in shown:
        located = (
            adoption.initiative
            if adoption.initiative and adoption.initiative.coordinates
            else adoption.region
        )
        adoption.point = located.coordinates
        adoption.point_label = (
            adoption.initiative.name if adoption.initiative else adoption.shown_region.title
        )
        (done.initiatives if adoption.initiative else done.regions).append(adoption)
    done.regions.sort(key=lambda a: a.shown_region.title)
    done.initiatives.sort(key=lambda a: a.initiative.name)
    done.region_count = len({a.region_id for a in shown})
    done.initiative_count = len({a.initiative_id for a in done.initiatives})
    if done.points:
        done.map_config = point_map_config()
    return done


@dataclass(frozen=True)
class ActionDone:
    """An action as a region page or an initiative profile lists it: plain values, kept in the shared cache."""

    title: str
    url: str
    initiatives: tuple = ()  # (name, profile address) of the initiatives that did it (on region pages)
    month: object = None  # when it was done (on initiative profiles)


def _actions_of(adoptions, with_initiatives):
    """The live, public actions of ``adoptions`` in the active language, by title."""
    by_key = {}
    for adoption in adoptions:
        by_key.setdefault(adoption.action.translation_key, []).append(adoption)
    if not by_key:
        return []
    pages = (
        ActionPage.objects.live()
        .public()
        .filter(locale_id=locale_id(), translation_key__in=by_key)
        .defer_streamfields()
        .order_by("title")
    )
    return [
        ActionDone(
            title=page.title,
            url=page.url,
            initiatives=tuple(
                (a.initiative.name, a.initiative.get_absolute_url())
                for a in by_key[page.translation_key]
                if with_initiatives and a.initiative is not None
            ),
            month=max((a.month for a in by_key[page.translation_key] if a.month), default=None),
        )
        for page in pages
    ]


def _done_in_region(translation_key):
    adoptions = (
        Adoption.objects.confirmed()
        .filter(region__translation_key=translation_key)
        .select_related("action", "initiative")
        .only("action__translation_key", "initiative__name", "initiative__approval_status", "month")
    )
    shown = [a for a in adoptions if a.initiative is None or a.initiative.approval_status == "approved"]
    return _actions_of(shown, with_initiatives=True)


def done_in_region(page):
    """The actions done in the region ``page`` (German or English), with the initiatives that did them there.

    From the shared cache until public content changes (a report confirmed or declined changes it): the region
    page keeps within its query budget."""
    key = f"actions-done-in-region:{page.translation_key}"
    return site_cache.cached(key, lambda: _done_in_region(page.translation_key), per_language=True)


def done_by(initiative):
    """The actions the initiative has done (confirmed reports)."""
    adoptions = (
        Adoption.objects.confirmed()
        .filter(initiative=initiative)
        .select_related("action")
        .only("action__translation_key", "month", "initiative_id")
    )
    return _actions_of(adoptions, with_initiatives=False)


def to_review(user):
    """Reports waiting for ``user``'s decision: their regions' (every region's for editors), oldest first."""
    pending = (
        Adoption.objects.pending()
        .select_related("action", "region", "initiative", "reported_by")
        .defer("region__body")
    )
    if not is_editor(user):
        pending = pending.filter(region__in=moderated_regions(user).values("pk"))
    pending = attach_shown_regions(pending.order_by("created_at", "pk")[:REVIEW_LIMIT])
    keys = {adoption.action.translation_key for adoption in pending}
    shown = ActionPage.objects.filter(locale_id=locale_id(), translation_key__in=keys).defer_streamfields()
    shown = {page.translation_key: page for page in shown} if keys else {}
    for adoption in pending:
        adoption.shown_action = shown.get(adoption.action.translation_key, adoption.action)
    return pending
