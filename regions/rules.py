"""Who may do what in the regions: region teams, initiatives, the team's contact address.

The predicates build on ``members.rules``; the permissions are asked as ``rules.has_perm("regions.…", user)``
(see ``members.rules`` for why not ``user.has_perm``). Who is *in* a team (the groups and their Wagtail
rights) is ``regions.roles``.

This module imports no model of its own app: ``regions.models`` builds its admin forms
(``regions.admin_forms``) from the answers here, so the region pages are looked up by name.
"""

from django.apps import apps

import rules

from members.rules import acts_without_user, is_editor, is_verified_member


def moderated_regions(user):
    """The RegionPages whose team ``user`` is in (through the team groups, i.e. the synced rights): German
    pages only, the team of a region is kept on its German page (``regions.roles``)."""
    region_pages = apps.get_model("regions", "RegionPage")._default_manager
    if not user.is_authenticated:
        return region_pages.none()
    return region_pages.filter(team_record__group__user=user)


@rules.predicate
def is_region_moderator(user):
    """In at least one region's team."""
    return moderated_regions(user).exists()


@rules.predicate
def is_in_team_of(user, region):
    """In the team of ``region`` (a RegionPage, German or English: the team is the German page's, and pages of
    one region in both languages share a ``translation_key``)."""
    if region is None:
        return False
    return moderated_regions(user).filter(translation_key=region.translation_key).exists()


# Editors and superusers everywhere, a team in its own region.
can_moderate_region = is_editor | is_in_team_of

# Who decides a region's team: editors and superusers, or code acting without a user. The team grants admin
# rights, so it is guarded on every path a page takes, not only in the admin form: ``RegionPage.save_revision``
# and ``RegionPage.save`` keep the saved team for everyone else (see ``regions.models.RegionPage``).
may_change_team = acts_without_user | is_editor

# Who sees the members of a region who let its team see and contact them (name, e-mail address, …): editors,
# and the region's team while their own address is confirmed — it is other people's data.
may_see_region_members = is_editor | (is_verified_member & is_in_team_of)

# Editors see every pending initiative, a team its regions' (``regions.views.reviewable_initiatives``).
may_review_initiatives = is_editor | is_region_moderator


@rules.predicate
def is_initiative_submitter(user, initiative):
    """The member who submitted ``initiative`` (or took it over when its submitter left, see
    ``regions.co_owners.hand_over_initiatives``)."""
    return initiative is not None and user.is_authenticated and initiative.submitted_by_id == user.pk


@rules.predicate
def is_initiative_co_owner(user, initiative):
    """A member who accepted an invitation to share ``initiative`` (``InitiativeCoOwner``)."""
    if initiative is None or initiative.pk is None or not user.is_authenticated:
        return False
    return initiative.co_owners.filter(user=user).exists()


# Owners: the submitter and the co-owners, with the same rights over the entry.
is_initiative_owner = is_initiative_submitter | is_initiative_co_owner


@rules.predicate
def reviews_initiative(user, initiative):
    """An editor, or in the team of the initiative's region (initiatives point to the German page)."""
    if initiative is None or not user.is_authenticated:
        return False
    if is_editor(user):
        return True
    return (
        initiative.region_id is not None and moderated_regions(user).filter(pk=initiative.region_id).exists()
    )


# Submitting an initiative and joining a region need a confirmed address (unconfirmed accounts can log in).
rules.add_perm("regions.join_region", is_verified_member)
rules.add_perm("regions.submit_initiative", is_verified_member)
rules.add_perm("regions.review_initiatives", may_review_initiatives)
rules.add_perm("regions.moderate_region", can_moderate_region)
rules.add_perm("regions.see_region_members", may_see_region_members)
# An initiative's page before approval, its edit form, withdrawing and deleting it: its owner (a verified
# member: edits go out to the team) and whoever decides on it. The team's and editors' edits need no review.
rules.add_perm("regions.manage_initiative", (is_initiative_owner & is_verified_member) | reviews_initiative)
rules.add_perm("regions.decide_on_initiative", reviews_initiative)
# Any owner may invite co-owners by e-mail: they can already change and delete the entry, which is more. Taking
# someone's place away is another matter: only the submitter (who answers for the entry) and the editors remove
# co-owners or revoke any invitation; an owner revokes the invitations they sent, a co-owner leaves.
rules.add_perm("regions.invite_co_owner", is_initiative_owner & is_verified_member)
rules.add_perm("regions.remove_co_owner", (is_initiative_submitter & is_verified_member) | is_editor)
rules.add_perm("regions.change_team", may_change_team)
# Only the editors delete a region page (with its team, forum and members).
rules.add_perm("regions.delete_region", is_editor)
# The team's contact address is for verified members: never public, never for unconfirmed accounts.
rules.add_perm("regions.see_team_contact", is_verified_member)
