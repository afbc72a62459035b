"""Editors create, rename and describe the forums of the category "Themen & Projekte" in the Wagtail admin;
the forum's part of a member's data export and account deletion (the hooks of ``members.hooks``)."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import BasePermissionPolicy
from wagtail.permissions import policy_registry

import rules

from forum import privacy, structure
from forum.models import ProjectForum
from members import hooks as member_hooks


def _in_projects(forum):
    return forum.parent_id is not None and forum.parent_id == structure.category(structure.PROJECTS).pk


class ProjectForumPolicy(BasePermissionPolicy):
    """Editors only, and only forums inside the category "Themen & Projekte"."""

    def user_has_permission(self, user, action):
        return action in {"add", "change", "view"} and rules.has_perm("hub_forum.manage_project_forums", user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and _in_projects(instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and _in_projects(instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return ProjectForum.objects.none()
        return ProjectForum.objects.filter(parent=structure.category(structure.PROJECTS))


policy_registry.register(ProjectForum, ProjectForumPolicy(ProjectForum))


class ProjectForumIndexView(generic.IndexView):
    def get_base_queryset(self):
        return ProjectForum.objects.filter(parent=structure.category(structure.PROJECTS)).order_by("lft")


class ProjectForumCreateView(generic.CreateView):
    def save_instance(self):
        self.form.instance.parent = structure.category(structure.PROJECTS)
        self.form.instance.type = ProjectForum.FORUM_POST
        return super().save_instance()


class ProjectForumEditView(generic.EditView):
    def get_object(self, queryset=None):
        forum = super().get_object(queryset)
        if not _in_projects(forum):
            raise Http404  # field and region forums follow their taxonomy and pages, not this form
        return forum


class ProjectForumViewSet(ModelViewSet):
    model = ProjectForum
    icon = "comment"
    menu_label = _("Forums: topics & projects")
    add_to_admin_menu = True
    menu_order = 800
    form_fields = ["name", "description"]
    list_display = ["name", "direct_topics_count", "direct_posts_count"]
    index_view_class = ProjectForumIndexView
    add_view_class = ProjectForumCreateView
    edit_view_class = ProjectForumEditView
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_project_forums():
    return ProjectForumViewSet("project_forums")


hooks.register(member_hooks.EXPORT_DATA, privacy.export_forum_data)
hooks.register(member_hooks.BEFORE_ACCOUNT_DELETION, privacy.anonymise_posts)
