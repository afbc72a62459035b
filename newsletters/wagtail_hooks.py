"""Newsletters in the Wagtail admin (lists, subscribers, suppressed addresses; editors only) and their parts of a
region's page, a member's profile, data export and account deletion."""

from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from allauth.account.models import EmailAddress

from common.snippets import WithoutChooser
from home import site_cache
from home.sections import REGION_PAGE_SECTIONS, Section
from members import hooks as member_hooks
from members.privacy import iso
from members.roles import ensure_groups, permissions
from newsletters.models import MailingList, Subscription, Suppression
from newsletters.subscriptions import confirmed_address

EDITOR_PERMISSIONS = [
    ("newsletters", f"{action}_{model}")
    for model in ("mailinglist", "suppression")
    for action in ("add", "change", "delete", "view")
] + [("newsletters", "view_subscription"), ("newsletters", "delete_subscription")]


class MailingListViewSet(SnippetViewSet):
    model = MailingList
    icon = "mail"
    menu_label = _("Lists")
    list_display = ["name", "kind", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "name_en"]


class SubscriptionViewSet(WithoutChooser, SnippetViewSet):
    """Who is on which list and since when, with the proof of consent; subscribers change their lists
    themselves (an editor removes an address, or suppresses it)."""

    model = Subscription
    icon = "user"
    menu_label = _("Subscriptions")
    list_display = ["email", "mailing_list", "status", "confirmed_at", "consent_method"]
    list_filter = ["status", "mailing_list", "consent_method"]
    search_fields = ["email"]
    ordering = ["-requested_at"]

    def get_queryset(self, request):
        return Subscription.objects.select_related("mailing_list")


class SuppressionViewSet(WithoutChooser, SnippetViewSet):
    """Addresses that bounced or complained (the provider's webhooks) or that an editor stopped."""

    model = Suppression
    icon = "warning"
    menu_label = _("Suppressed addresses")
    list_display = ["email", "reason", "detail", "created_at"]
    list_filter = ["reason"]
    search_fields = ["email"]


class NewsletterViewSetGroup(SnippetViewSetGroup):
    items = (MailingListViewSet, SubscriptionViewSet, SuppressionViewSet)
    menu_icon = "mail"
    menu_label = _("Newsletters")
    menu_name = "newsletters"


register_snippet(NewsletterViewSetGroup)


@hooks.register(member_hooks.SYNC_ROLES)
def editors_manage_lists():
    _members, editors = ensure_groups()
    editors.permissions.add(*permissions(*EDITOR_PERMISSIONS))


@hooks.register(REGION_PAGE_SECTIONS)
def region_newsletter(page, request):
    """The region's list, offered on its page (a link to the sign-up with the list chosen)."""
    region_key = page.translation_key

    def compute():
        found = (
            MailingList.objects.open().filter(region__translation_key=region_key).values_list("pk", flat=True)
        )
        return found.first()

    return Section("newsletter_list_id", site_cache.cached(f"region-newsletter:{region_key}", compute))


@hooks.register(member_hooks.PROFILE_SECTIONS)
def profile_newsletters(request, user):
    address = confirmed_address(user)
    lists = (
        MailingList.objects.filter(subscriptions__email=address, subscriptions__status="confirmed")
        if address
        else MailingList.objects.none()
    )
    return [("newsletters/includes/profile_newsletters.html", {"newsletter_lists": list(lists)})]


def subscriptions_of(user):
    """Subscriptions made as this member, and those of their confirmed addresses."""
    confirmed = EmailAddress.objects.filter(user=user, verified=True).annotate(address=Lower("email"))
    return Subscription.objects.filter(Q(user=user) | Q(email__in=confirmed.values("address")))


@hooks.register(member_hooks.EXPORT_DATA)
def export_subscriptions(user, request=None):
    """The lists, and when and how consent was given (and withdrawn)."""
    rows = subscriptions_of(user).select_related("mailing_list").order_by("requested_at", "pk")
    return {
        "newsletter_subscriptions": [
            {
                "list": str(row.mailing_list),
                "email": row.email,
                "status": row.status,
                "language": row.language,
                "requested_at": iso(row.requested_at),
                "confirmed_at": iso(row.confirmed_at),
                "consent_given_by": row.consent_method,
                "consent_text": row.consent_text,
                "unsubscribed_at": iso(row.unsubscribed_at),
            }
            for row in rows
        ]
    }


@hooks.register(member_hooks.BEFORE_ACCOUNT_DELETION)
def delete_subscriptions(user):
    """Every subscription of the member and of their confirmed addresses goes: list mails already queued check
    the subscription when their batch is sent, so they stop too."""
    subscriptions_of(user).delete()
