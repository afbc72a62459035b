"""The registration box on event pages, the team's admin pages and buttons, "My registrations" in the profile,
the data export and account deletion."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button

from event_registrations import admin_views, privacy
from event_registrations.box import box_for, original_event_id
from event_registrations.dates import with_cancel_state
from event_registrations.models import ACTIVE, Registration
from event_registrations.team import is_event_team
from home.sections import EVENT_PAGE_SECTIONS, Section
from hub_events.models import EventPage
from members import hooks as member_hooks


@hooks.register(EVENT_PAGE_SECTIONS)
def registration_box(page, request):
    return Section("registration_box", box_for(page, request))


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path(
            "event-registrations/<int:event_id>/settings/",
            admin_views.settings_view,
            name="event_registrations_admin_settings",
        ),
        path(
            "event-registrations/<int:event_id>/participants/",
            admin_views.participants_view,
            name="event_registrations_admin_participants",
        ),
        path(
            "event-registrations/<int:event_id>/participants.csv",
            admin_views.participants_csv,
            name="event_registrations_admin_csv",
        ),
        path(
            "event-registrations/<int:event_id>/message/",
            admin_views.message_view,
            name="event_registrations_admin_message",
        ),
    ]


def _buttons(page, user, priority, original):
    """The buttons to the settings and participants of ``page`` (an event), or nothing for others.

    A translation's settings and participants are its original's (shared by every language). The page's header
    links to the original; a listing links each row to its own page, whose admin views find the original, so
    that a listing of many events asks nothing more per row."""
    if not issubclass(page.specific_class or object, EventPage) or not is_event_team(user, page):
        return
    event_id = original_event_id(page) if original else page.pk
    yield Button(
        _("Registration"),
        reverse("event_registrations_admin_settings", args=[event_id]),
        icon_name="form",
        priority=priority,
    )
    yield Button(
        _("Participants"),
        reverse("event_registrations_admin_participants", args=[event_id]),
        icon_name="group",
        priority=priority + 1,
    )


@hooks.register("register_page_header_buttons")
def header_buttons(page, user, view_name=None, next_url=None):
    yield from _buttons(page, user, 62, original=True)


@hooks.register("register_page_listing_more_buttons")
def listing_buttons(page, user, next_url=None):
    yield from _buttons(page, user, 62, original=False)


@hooks.register(member_hooks.PROFILE_SECTIONS)
def my_registrations(request, user):
    registrations = (
        Registration.objects.filter(user=user, status__in=ACTIVE)
        .select_related("event")
        .order_by("occurrence", "requested_at")
    )
    return [
        (
            "event_registrations/includes/profile_registrations.html",
            {"event_registrations": with_cancel_state(registrations)},
        )
    ]


@hooks.register(member_hooks.EXPORT_DATA)
def export_registrations(user, request=None):
    return {"event_registrations": privacy.export_rows(user)}


@hooks.register(member_hooks.BEFORE_ACCOUNT_DELETION)
def forget_registrations(user):
    privacy.forget_member(user)
