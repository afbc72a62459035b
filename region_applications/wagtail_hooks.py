"""The applications in the Wagtail admin (editors only), and their part of a member's data export and account
deletion (the hooks of ``members.hooks``)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from members import hooks as member_hooks
from region_applications import privacy
from region_applications.models import Application
from region_applications.views import ApplicationPolicy, ApplicationViewSet

register_permission_policy(Application, ApplicationPolicy(Application))


@hooks.register("register_admin_viewset")
def register_applications():
    return ApplicationViewSet("region_applications")


hooks.register(member_hooks.EXPORT_DATA, privacy.export_applications)
hooks.register(member_hooks.BEFORE_ACCOUNT_DELETION, privacy.delete_applications)
