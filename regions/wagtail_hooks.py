from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.sections import HOME_PAGE_SECTIONS, Section
from members.roles import is_editor
from regions.models import Initiative, RegionPage
from regions.roles import is_region_moderator


class InitiativeViewSet(SnippetViewSet):
    """Editors review initiatives here (EDITORS hold the model's change permission).

    Moderators have no snippet rights — Wagtail's snippet permissions are per model, not per region — and
    approve on the front end instead (the menu item below).
    """

    model = Initiative
    icon = "group"
    menu_label = _("Initiativen")
    list_display = ["name", "region", "kind", "approval_status", "created_at"]
    list_filter = ["approval_status", "kind", "region"]
    ordering = ["-created_at"]


register_snippet(InitiativeViewSet)


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return is_editor(user) or is_region_moderator(user)


@hooks.register("register_admin_menu_item")
def register_review_menu_item():
    return ReviewMenuItem(
        _("Initiativen freigeben"),
        reverse("regions:review_initiatives"),
        icon_name="tick",
        order=250,
    )


def _deletes_a_region(request, pages):
    from wagtail.models import Page

    from regions.models import RegionPage

    def is_region(obj):
        return isinstance(obj, Page) and issubclass(obj.specific_class or Page, RegionPage)

    return any(is_region(obj) for obj in pages) and not is_editor(request.user)


@hooks.register("before_delete_page")
def only_editors_delete_regions(request, page):
    """Moderators edit their region page; deleting it (with its team, forum, members) is the editors' call."""
    if _deletes_a_region(request, [page]):
        messages.error(request, _("Nur die Redaktion kann eine Region löschen."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_bulk_action")
def only_editors_bulk_delete_regions(request, action_type, objects, action_class_instance):
    if action_type == "delete" and _deletes_a_region(request, objects):
        messages.error(request, _("Nur die Redaktion kann eine Region löschen."))
        return redirect("wagtailadmin_explore_root")
    return None


@hooks.register(HOME_PAGE_SECTIONS)
def region_count(page, request):
    return Section("region_count", RegionPage.objects.live().public().count())
