"""Reports on the pages of apps below this one (action and region pages), copies of actions, the data export and
account deletion."""

from wagtail import hooks

from actions.models import ActionPage
from adoptions import shown
from adoptions.done_in import refresh_action
from adoptions.models import Adoption, AdoptionStatus
from home.sections import ACTION_PAGE_SECTIONS, REGION_PAGE_SECTIONS, Section
from members import hooks as member_hooks
from members.privacy import iso


@hooks.register(ACTION_PAGE_SECTIONS)
def done_in(page, request):
    return Section("done_in", shown.done_in(page))


@hooks.register(REGION_PAGE_SECTIONS)
def actions_done_here(page, request):
    return Section("actions_done_here", shown.done_in_region(page))


@hooks.register("after_copy_page")
def copied_action_has_no_reports(request, page, new_page):
    """A copy of an action is another action: Wagtail copies its regions, but the reports stay with the original
    (the copy has a translation key of its own)."""
    if isinstance(new_page.specific, ActionPage):
        refresh_action(new_page.pk)


@hooks.register(member_hooks.EXPORT_DATA)
def export_adoption_reports(user, request=None):
    """The reports the member sent that an action was done."""
    reports = (
        Adoption.objects.filter(reported_by=user)
        .select_related("action", "region", "initiative")
        .defer("action__body", "region__body")
        .order_by("created_at", "pk")
    )
    return {
        "actions_reported_as_done": [
            {
                "action": report.action.title,
                "region": report.region.title,
                "initiative": report.initiative.name if report.initiative else None,
                "month": report.month.strftime("%Y-%m") if report.month else None,
                "note": report.note,
                "status": report.status,
                "reported_at": iso(report.created_at),
            }
            for report in reports
        ]
    }


@hooks.register(member_hooks.BEFORE_ACCOUNT_DELETION)
def delete_adoption_reports(user):
    """Reports not confirmed go with the account. A confirmed one is the region's fact and stays, without the
    member's note and without their name (``reported_by`` is emptied by the deletion)."""
    Adoption.objects.filter(reported_by=user).exclude(status=AdoptionStatus.CONFIRMED).delete()
    Adoption.objects.filter(reported_by=user, status=AdoptionStatus.CONFIRMED).update(note="")
