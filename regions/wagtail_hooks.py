"""The regions in the Wagtail admin (initiatives, review, who deletes a region), and their parts of a
member's profile, profile form, data export and roles (the hooks of ``members.hooks``)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

import rules

from common.language import locale_id
from common.points import parse_point
from home.sections import HOME_PAGE_SECTIONS, Section
from members import hooks as member_hooks
from members.privacy import absolute_url, iso
from regions.co_owners import hand_over_initiatives
from regions.map import geocoder, places
from regions.models import (
    CoOwnerInvitation,
    Initiative,
    InitiativeCoOwner,
    RegionMembership,
    RegionModerator,
    RegionPage,
    attach_shown_regions,
)
from regions.roles import sync_all_region_teams
from search.sections import SITE_SEARCH_SECTIONS, SearchHit, SearchSection


class InitiativeViewSet(SnippetViewSet):
    """Editors review initiatives here (EDITORS hold the model's change permission).

    Moderators have no snippet rights — Wagtail's snippet permissions are per model, not per region — and
    approve on the front end instead (the menu item below).
    """

    model = Initiative
    icon = "group"
    menu_label = _("Initiatives")
    list_display = ["name", "region", "kind", "approval_status", "created_at"]
    list_filter = ["approval_status", "kind", "region"]
    ordering = ["-created_at"]


register_snippet(InitiativeViewSet)


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return rules.has_perm("regions.review_initiatives", request.user)


@hooks.register("register_admin_menu_item")
def register_review_menu_item():
    return ReviewMenuItem(
        _("Approve initiatives"),
        reverse("regions:review_initiatives"),
        icon_name="tick",
        order=250,
    )


def _deletes_a_region(request, pages):
    def is_region(obj):
        return isinstance(obj, Page) and issubclass(obj.specific_class or Page, RegionPage)

    return any(is_region(obj) for obj in pages) and not rules.has_perm("regions.delete_region", request.user)


@hooks.register("before_delete_page")
def only_editors_delete_regions(request, page):
    """Moderators edit their region page; deleting it (with its team, forum, members) is the editors' call."""
    if _deletes_a_region(request, [page]):
        messages.error(request, _("Only editors can delete a region."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_bulk_action")
def only_editors_bulk_delete_regions(request, action_type, objects, action_class_instance):
    if action_type == "delete" and _deletes_a_region(request, objects):
        messages.error(request, _("Only editors can delete a region."))
        return redirect("wagtailadmin_explore_root")
    return None


@hooks.register(HOME_PAGE_SECTIONS)
def region_count(page, request):
    # One page per region: the English tree holds a page of every German one.
    return Section("region_count", RegionPage.objects.live().public().filter(locale_id=locale_id()).count())


# --- A member's profile, profile form, data export and roles (members.hooks) ----------------------------

hooks.register(member_hooks.SYNC_ROLES, sync_all_region_teams)


@hooks.register(member_hooks.PROFILE_SECTIONS)
def profile_sections(request, user):
    """ "Meine Regionen" (with team places) and "Meine Initiativen" on one's own profile."""
    memberships = (
        RegionMembership.objects.filter(user=user).select_related("region").order_by("region__title")
    )
    teams = RegionModerator.objects.filter(user=user).select_related("region").order_by("region__title")
    initiatives = Initiative.objects.owned_by(user).select_related("region").order_by("-created_at", "pk")
    # Linked in the visitor's language: the memberships point to the German pages.
    return [
        (
            "regions/includes/profile_regions.html",
            {"memberships": attach_shown_regions(memberships), "teams": attach_shown_regions(teams)},
        ),
        ("regions/includes/profile_initiatives.html", {"initiatives": attach_shown_regions(initiatives)}),
    ]


@hooks.register(member_hooks.PROFILE_CONTEXT)
def profile_map_position(request, user):
    """The map card's stored position, as the profile shows it."""
    lat, lng = parse_point(user.map_location) or (None, None)
    return {"map_lat": lat, "map_lng": lng}


@hooks.register(member_hooks.PROFILE_FORM_INIT)
def profile_form_position(form):
    """The form's latitude and longitude start from the stored position of the map card."""
    lat, lng = parse_point(form.instance.map_location) or (None, None)
    form.initial.setdefault("latitude", lat)
    form.initial.setdefault("longitude", lng)
    if geocoder.enabled():
        form.fields["map_place"].help_text = f"{form.fields['map_place'].help_text} {geocoder.notice()}"


@hooks.register(member_hooks.PROFILE_FORM_CLEAN)
def profile_form_place_on_the_map(form, cleaned_data):
    """A card without coordinates is placed at its town's centre: the map must know the town. A town the
    offline extract lacks is looked up online when the operator set up a geocoder; the card then keeps the
    point it found (rounded to about 1 km), as if the member had typed it."""
    if not cleaned_data.get("show_on_map") or "latitude" in form.errors or "longitude" in form.errors:
        return
    place = (cleaned_data.get("map_place") or "").strip()
    if place and cleaned_data.get("latitude") is None and places.find_city(place) is None:
        found = geocoder.geocode(place)
        if found is not None:
            cleaned_data["latitude"], cleaned_data["longitude"] = found.lat, found.lng
            return
        form.add_error(
            "map_place",
            _(
                "We cannot find this place on the map. Please enter a larger town nearby, or the "
                "latitude and longitude."
            ),
        )


hooks.register(member_hooks.BEFORE_ACCOUNT_DELETION, hand_over_initiatives)


@hooks.register(member_hooks.EXPORT_DATA)
def export_region_data(user, request=None):
    """Regions joined, team places, initiatives submitted and co-owned, co-owner invitations sent and
    received (those to one of the member's addresses)."""
    memberships = RegionMembership.objects.filter(user=user).select_related("region").order_by("joined_at")
    teams = RegionModerator.objects.filter(user=user).select_related("region").order_by("region__title")
    initiatives = (
        Initiative.objects.filter(submitted_by=user)
        .select_related("region")
        .prefetch_related("fields_of_action", "sdgs")
        .order_by("created_at", "pk")
    )
    co_ownerships = (
        InitiativeCoOwner.objects.filter(user=user).select_related("initiative").order_by("added_at")
    )
    sent = (
        CoOwnerInvitation.objects.filter(invited_by=user).select_related("initiative").order_by("created_at")
    )
    # Invitations to the member's confirmed addresses only (anyone can add an address without confirming it).
    received = (
        CoOwnerInvitation.objects.filter(
            email__in=user.emailaddress_set.filter(verified=True).values("email")
        )
        .select_related("initiative", "invited_by")
        .order_by("created_at")
    )
    return {
        "region_memberships": [
            {
                "region": membership.region.title,
                "url": absolute_url(request, membership.region.get_url(request=request)),
                "joined_at": iso(membership.joined_at),
                "team_may_contact": membership.team_may_contact,
                "consented_at": iso(membership.consented_at),
            }
            for membership in memberships
        ],
        "region_teams": [
            {
                "region": team.region.title,
                "url": absolute_url(request, team.region.get_url(request=request)),
                "role": team.role,
            }
            for team in teams
        ],
        "initiatives": [
            {
                "name": initiative.name,
                "kind": initiative.get_kind_display(),
                "status": initiative.get_approval_status_display(),
                "region": initiative.region.title if initiative.region else None,
                "profile": absolute_url(request, initiative.get_absolute_url()),
                "website": initiative.website,
                "links": initiative.link_list,
                "description": initiative.description,
                "fields_of_action": [field.label for field in initiative.fields_of_action.all()],
                "sdgs": [sdg.number for sdg in initiative.sdgs.all()],
                "logo": absolute_url(request, initiative.logo.url) if initiative.logo else None,
                "address": initiative.address,
                "position": initiative.coordinates,
                "created_at": iso(initiative.created_at),
                "updated_at": iso(initiative.updated_at),
                "changes_awaiting_approval": initiative.proposed_changes or None,
            }
            for initiative in initiatives
        ],
        "initiative_co_ownerships": [
            {
                "initiative": row.initiative.name,
                "profile": absolute_url(request, row.initiative.get_absolute_url()),
                "since": iso(row.added_at),
            }
            for row in co_ownerships
        ],
        "co_owner_invitations_sent": [
            {
                "initiative": invitation.initiative.name,
                "email": invitation.email,
                "sent_at": iso(invitation.created_at),
                "valid_until": iso(invitation.expires_at),
            }
            for invitation in sent
        ],
        "co_owner_invitations_received": [
            {
                "initiative": invitation.initiative.name,
                "email": invitation.email,
                "from": invitation.invited_by.public_name,
                "sent_at": iso(invitation.created_at),
                "valid_until": iso(invitation.expires_at),
            }
            for invitation in received
        ],
    }


SEARCH_HITS = 10


@hooks.register(SITE_SEARCH_SECTIONS)
def initiatives_in_site_search(query):
    """Approved initiatives whose name or description holds every word, by name."""
    found = Initiative.objects.approved().matching(query).order_by("name", "pk")
    hits = list(found[: SEARCH_HITS + 1])
    if not hits:
        return None
    total = len(hits) if len(hits) <= SEARCH_HITS else found.count()
    return SearchSection(
        heading=str(_("Initiatives")),
        hits=[
            SearchHit(
                title=initiative.name,
                url=initiative.get_absolute_url(),
                kind=str(initiative.get_kind_display()),
                summary=initiative.description,
            )
            for initiative in hits[:SEARCH_HITS]
        ],
        total=total,
    )
