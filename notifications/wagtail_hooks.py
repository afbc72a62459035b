"""The notifications' part of a member's profile page, data export and account deletion (``members.hooks``)."""

from wagtail import hooks

from members import hooks as member_hooks
from members.privacy import iso
from notifications.models import DEFAULT_REGION_FREQUENCY, Follow, Preferences
from regions.models import RegionMembership


@hooks.register(member_hooks.PROFILE_SECTIONS)
def profile_section(request, user):
    preferences = Preferences.objects.filter(user=user).first()
    return [
        (
            "notifications/includes/profile_section.html",
            {"all_off": bool(preferences and preferences.all_off)},
        )
    ]


@hooks.register(member_hooks.EXPORT_DATA)
def export_notifications(user, request=None):
    """How often the member hears about each region they joined (the weekly default included) and each field
    they chose, their switches and until when their last digests reached."""
    joined = dict(RegionMembership.objects.filter(user=user).values_list("region_id", "region__title"))
    follows = Follow.objects.filter(user=user).select_related("region", "field").order_by("pk")
    chosen = {row.region_id: row.frequency for row in follows if row.region_id}
    preferences = Preferences.objects.filter(user=user).first() or Preferences(user=user)
    regions = [
        {"region": title, "frequency": chosen.get(pk, DEFAULT_REGION_FREQUENCY), "joined": True}
        for pk, title in joined.items()
    ]
    # Choices kept for regions the member left count for nothing until they join again, but are theirs.
    regions += [
        {"region": row.region.title, "frequency": row.frequency, "joined": False}
        for row in follows
        if row.region_id and row.region_id not in joined
    ]
    fields = [{"field": row.field.label, "frequency": row.frequency} for row in follows if row.field_id]
    return {
        "notifications": {
            "regions": sorted(regions, key=lambda row: (not row["joined"], row["region"])),
            "fields_of_action": sorted(fields, key=lambda row: row["field"]),
            "all_off": preferences.all_off,
            "reports": preferences.reports,
            "applications": preferences.applications,
            "last_daily_digest_until": iso(preferences.daily_until),
            "last_weekly_digest_until": iso(preferences.weekly_until),
        }
    }


@hooks.register(member_hooks.BEFORE_ACCOUNT_DELETION)
def delete_notifications(user):
    """Would cascade with the account; deleted here at once, so no task still sees a choice of the member."""
    Follow.objects.filter(user=user).delete()
    Preferences.objects.filter(user=user).delete()
