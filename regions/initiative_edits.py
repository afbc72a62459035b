"""Owners change their initiative; an approved one stays as approved until its regional team approves the change.

Every field waits for review: the name, texts, links, logo and position are what visitors see, and any of
them could be changed into something the team would not have approved. The change is kept as JSON on the
initiative (``proposed_changes``, only the fields that differ); a new logo is stored at once under a name of
its own, so approving it is a rename of nothing and rejecting it deletes one file.
"""

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.points import parse_point
from home.models import SDG, FieldOfAction
from regions.models import Initiative, RegionPage, network_locale_id

TEXT_FIELDS = ("name", "kind", "website", "links", "description", "address", "location")
RELATIONS = {"fields_of_action": FieldOfAction, "sdgs": SDG}


def proposal_from(form, stored):
    """The differences between a valid ``InitiativeForm`` and ``stored`` (the initiative as saved), as JSON.

    A new logo is re-encoded and stored now; the proposal holds its file name ("" when the logo is removed).
    """
    data = form.cleaned_data
    proposal = {}
    for name in TEXT_FIELDS:
        if name == "location":
            value = form.location_value()
            changed = _rounded(value) != _rounded(stored.location)
        else:
            value = data.get(name, "")
            changed = value != getattr(stored, name)
        if changed:
            proposal[name] = value
    region = data.get("region")
    if region is not None and region.pk != stored.region_id:
        proposal["region"] = region.pk
    for name in RELATIONS:
        new = sorted(obj.pk for obj in data.get(name) or ())
        if new != sorted(getattr(stored, name).values_list("pk", flat=True)):
            proposal[name] = new
    logo = form.new_logo()
    if logo is not None:
        proposal["logo"] = default_storage.save(f"initiatives/logos/{logo.name}", logo)
    elif data.get("logo") is False and stored.logo:
        proposal["logo"] = ""
    elif "logo" in stored.proposed_changes:  # the form cannot show a waiting logo: it stays as proposed
        proposal["logo"] = stored.proposed_changes["logo"]
    return proposal


def _rounded(location):
    """A position as the form stores it (five decimals), for comparing: positions set in the admin have more."""
    point = parse_point(location)
    return (round(point[0], 5), round(point[1], 5)) if point else None


def proposed_initial(initiative):
    """The edit form's starting values when changes wait for review: those changes."""
    changes = initiative.proposed_changes
    initial = {name: changes[name] for name in (*TEXT_FIELDS, "region", *RELATIONS) if name in changes}
    if "location" in changes:
        position = Initiative(location=changes["location"]).coordinates or {}
        initial["latitude"], initial["longitude"] = position.get("lat"), position.get("lng")
    return initial


def propose(initiative, proposal):
    """Keep ``proposal`` for review (replacing an earlier one); an empty proposal withdraws the earlier one."""
    with transaction.atomic():
        locked = Initiative.objects.select_for_update().get(pk=initiative.pk)
        _forget_logo(locked.proposed_changes, keep=proposal.get("logo"))
        locked.proposed_changes = proposal
        locked.changes_submitted_at = timezone.now() if proposal else None
        locked.save(update_fields=["proposed_changes", "changes_submitted_at", "updated_at"])
    return locked


def apply_proposal(initiative):
    """Make the proposed changes the public version (the caller holds the row lock)."""
    changes = initiative.proposed_changes
    for name in TEXT_FIELDS:
        if name in changes:
            setattr(initiative, name, changes[name])
    region = changes.get("region")
    if region and RegionPage.objects.filter(pk=region, locale_id=network_locale_id()).exists():
        initiative.region_id = region
    replaced = None
    if "logo" in changes:
        replaced = initiative.logo.name or None
        initiative.logo = changes["logo"]
    initiative.proposed_changes = {}
    initiative.changes_submitted_at = None
    initiative.save()
    for name, model in RELATIONS.items():
        if name in changes:
            getattr(initiative, name).set(model.objects.filter(pk__in=changes[name]))
    if replaced:
        transaction.on_commit(lambda: default_storage.delete(replaced))
    return initiative


def discard_proposal(initiative):
    """Drop the proposed changes (the caller holds the row lock); a proposed logo file goes too."""
    _forget_logo(initiative.proposed_changes)
    initiative.proposed_changes = {}
    initiative.changes_submitted_at = None
    initiative.save(update_fields=["proposed_changes", "changes_submitted_at"])
    return initiative


def _forget_logo(changes, keep=None):
    name = (changes or {}).get("logo")
    if name and name != keep:
        transaction.on_commit(lambda: default_storage.delete(name))


def described_changes(initiative):
    """``[(label, before, after)]`` of the proposed changes, as text for the review page."""
    changes = initiative.proposed_changes
    rows = []
    for name in (*TEXT_FIELDS, "region", *RELATIONS, "logo"):
        if name not in changes:
            continue
        if name in RELATIONS:
            model = RELATIONS[name]
            before = ", ".join(str(obj) for obj in getattr(initiative, name).all())
            after = ", ".join(str(obj) for obj in model.objects.filter(pk__in=changes[name]))
        elif name == "region":
            before = initiative.region.title if initiative.region else ""
            after = RegionPage.objects.filter(pk=changes[name]).values_list("title", flat=True).first() or ""
        elif name == "logo":
            before = _("a picture") if initiative.logo else ""
            after = _("a new picture") if changes[name] else _("no picture")
        elif name == "location":
            before = _position_text(initiative.coordinates)
            after = _position_text(Initiative(location=changes[name]).coordinates)
        elif name == "kind":
            before = initiative.get_kind_display()
            after = str(
                dict(Initiative._meta.get_field("kind").flatchoices).get(changes[name], changes[name])
            )
        else:
            before, after = getattr(initiative, name), changes[name]
        label = _("Position") if name == "location" else Initiative._meta.get_field(name).verbose_name
        rows.append((label, before, after))
    return rows


def _position_text(point):
    return f"{point['lat']:.5f}, {point['lng']:.5f}" if point else _("none")
