"""Groups in the admin, on region pages and in the profile; the data export and account deletion."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
)
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from common.snippets import WithoutChooser, scoped
from home.sections import REGION_PAGE_SECTIONS, Section
from members import hooks as member_hooks
from members.privacy import iso
from working_groups.admin import GroupForm, GroupPermissionPolicy
from working_groups.directory import for_cards
from working_groups.models import Membership, ProgressReport, WorkingGroup
from working_groups.rules import manages_group

register_permission_policy(WorkingGroup, GroupPermissionPolicy(WorkingGroup))


class GroupViewSet(WithoutChooser, SnippetViewSet):
    model = WorkingGroup
    icon = "group"
    menu_label = _("Working groups")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["name", "kind", "region", "field_of_action", "join_policy", "active"]
    list_filter = ["kind", "active", "join_policy"]
    search_fields = ["name", "name_en"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
            FieldPanel("slug"),
            FieldPanel("kind"),
            FieldPanel("description"),
            MultiFieldPanel([FieldPanel("region"), FieldPanel("field_of_action")], heading=_("Belongs to")),
            FieldPanel("join_policy"),
            FieldPanel("forum_access"),
            MultiFieldPanel(
                [FieldPanel("contacts"), FieldPanel("make_me_contact")], heading=_("Contact persons")
            ),
            InlinePanel(
                "event_links",
                label=_("Dates of the group"),
                panels=[PageChooserPanel("event", page_type="events.EventPage")],
            ),
            FieldPanel("active"),
        ],
        base_form_class=GroupForm,
    )
    edit_view_class = scoped(SnippetViewSet.edit_view_class, manages_group)
    delete_view_class = scoped(SnippetViewSet.delete_view_class, manages_group)
    usage_view_class = scoped(SnippetViewSet.usage_view_class, manages_group)
    history_view_class = scoped(SnippetViewSet.history_view_class, manages_group)

    def get_queryset(self, request):
        return GroupPermissionPolicy(WorkingGroup).instances_user_has_any_permission_for(
            request.user, ["view"]
        )


register_snippet(GroupViewSet)


@hooks.register("register_bulk_action", order=1)  # after Wagtail's own, which it replaces
class DeleteGroupsBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete, whose confirmation page named every group asked for ("you may not delete …"): here
    only the groups the user manages are named at all; the others are left out as if unknown."""

    models = [WorkingGroup]

    @cached_property
    def _actionable_objects(self):
        objects, extra = super()._actionable_objects
        extra["items_with_no_access"] = [
            group for group in extra["items_with_no_access"] if manages_group(self.request.user, group)
        ]
        return objects, extra


@hooks.register(REGION_PAGE_SECTIONS)
def groups_of_region(page, request):
    groups = for_cards(WorkingGroup.objects.active().of_region(page)).order_by("name", "pk")
    return Section("working_groups", list(groups))


@hooks.register(member_hooks.PROFILE_SECTIONS)
def profile_groups(request, user):
    """ "Meine Gruppen" on one's own profile: groups joined, requests waiting."""
    memberships = (
        Membership.objects.filter(user=user, group__active=True)
        .select_related("group")
        .order_by("group__name")
    )
    return [("working_groups/includes/profile_groups.html", {"group_memberships": list(memberships)})]


@hooks.register(member_hooks.EXPORT_DATA)
def export_groups(user, request=None):
    """The member's groups and requests, and the progress reports they wrote."""
    memberships = Membership.objects.filter(user=user).select_related("group").order_by("created_at", "pk")
    reports = ProgressReport.objects.filter(author=user).select_related("group").order_by("created_at", "pk")
    return {
        "working_groups": [
            {
                "group": membership.group.name,
                "status": membership.status,
                "contact_person": membership.is_contact,
                "name_shown_to_members": membership.show_name,
                "requested_at": iso(membership.created_at),
                "joined_at": iso(membership.joined_at),
            }
            for membership in memberships
        ],
        "working_group_reports": [
            {
                "group": report.group.name,
                "date": report.date.isoformat(),
                "title": report.title,
                "text": report.text,
                "picture": report.image.url if report.image else None,
                "document": report.document.url if report.document else None,
                "written_at": iso(report.created_at),
            }
            for report in reports
        ],
    }


@hooks.register(member_hooks.BEFORE_ACCOUNT_DELETION)
def leave_groups(user):
    """Memberships and requests go with the account. Reports are the group's record and stay, without the
    author's name (``author`` is emptied by the deletion)."""
    Membership.objects.filter(user=user).delete()
