"""The issues in the admin (snippet, permission policy, send page, listing button), the data export and account
deletion."""

from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from allauth.account.models import EmailAddress

from common.snippets import WithoutChooser, scoped
from members import hooks as member_hooks
from members.privacy import iso
from newsletter_issues.admin import IssueForm, IssuePermissionPolicy, dispatch_view
from newsletter_issues.models import Delivery, NewsletterIssue
from newsletter_issues.rules import may_see_issue

register_permission_policy(NewsletterIssue, IssuePermissionPolicy(NewsletterIssue))


class IssueViewSet(WithoutChooser, SnippetViewSet):
    model = NewsletterIssue
    icon = "mail"
    menu_label = _("Newsletter")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["subject", "status", "scheduled_for", "sent_at", "recipients_count", "sent_count"]
    list_filter = ["status"]
    edit_handler = ObjectList(
        [
            FieldPanel("subject"),
            FieldPanel("preheader"),
            FieldPanel("lists"),
            FieldPanel("language"),
            FieldPanel("body"),
        ],
        base_form_class=IssueForm,
    )
    edit_view_class = scoped(SnippetViewSet.edit_view_class, may_see_issue)
    delete_view_class = scoped(SnippetViewSet.delete_view_class, may_see_issue)
    usage_view_class = scoped(SnippetViewSet.usage_view_class, may_see_issue)
    history_view_class = scoped(SnippetViewSet.history_view_class, may_see_issue)
    preview_on_edit_view_class = scoped(SnippetViewSet.preview_on_edit_view_class, may_see_issue)

    def get_queryset(self, request):
        return IssuePermissionPolicy(NewsletterIssue).instances_user_has_any_permission_for(
            request.user, ["view"]
        )


register_snippet(IssueViewSet)


@hooks.register("register_admin_urls")
def dispatch_urls():
    return [
        path(
            "newsletter-issues/<int:pk>/send/",
            dispatch_view,
            name="newsletter_issues_admin_dispatch",
        )
    ]


@hooks.register("register_snippet_listing_buttons")
def send_button(snippet, user, next_url=None):
    if isinstance(snippet, NewsletterIssue):
        yield ListingButton(
            _("Test, send, schedule"),
            reverse("newsletter_issues_admin_dispatch", args=[snippet.pk]),
            icon_name="mail",
            priority=5,
        )


def member_addresses(user):
    """The member's confirmed addresses, lower-cased (a subquery): an address added but not confirmed may be
    somebody else's."""
    recorded = (
        EmailAddress.objects.filter(user=user, verified=True).annotate(key=Lower("email")).values("key")
    )
    return Q(email__in=recorded)


@hooks.register(member_hooks.EXPORT_DATA)
def export_newsletters_received(user, request=None):
    """The issues mailed (or to be mailed) to the member's addresses."""
    deliveries = (
        Delivery.objects.filter(member_addresses(user))
        .select_related("issue")
        .only("email", "status", "sent_at", "issue__subject", "issue__sent_at")
        .order_by("issue__created_at", "pk")
    )
    return {
        "newsletter_issues_received": [
            {
                "issue": delivery.issue.subject,
                "email": delivery.email,
                "status": delivery.status,
                "sent_at": iso(delivery.sent_at),
            }
            for delivery in deliveries
        ]
    }


@hooks.register(member_hooks.BEFORE_ACCOUNT_DELETION)
def forget_newsletter_addresses(user):
    """The deliveries stay (an issue's figures) without the address."""
    Delivery.objects.filter(member_addresses(user) | Q(subscription__user=user)).update(
        email="", subscription=None
    )
