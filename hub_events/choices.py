"""The kinds and formats of events: plain choices, so the iCal and filter modules need no models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    LIVE_CALL = "live_call", _("Live call")
    OFFICE_HOURS = "office_hours", _("Office hours")
    REGIONAL_MEETING = "regional_meeting", _("Regional meeting")
    CONFERENCE = "conference", _("Mitmach conference")
    LAB_MODULE = "lab_module", _("Regionallabor module")
    OTHER = "other", _("Other")


class EventFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    LIVE = "live", _("On site")
    HYBRID = "hybrid", _("Hybrid")


class Repeat(models.TextChoices):
    """How often an event repeats; ``hub_events.recurrence`` turns the choice into a dateutil rule."""

    NEVER = "", _("Does not repeat")
    DAILY = "daily", _("Every day")
    WEEKLY = "weekly", _("Every week")
    BIWEEKLY = "biweekly", _("Every two weeks")
    MONTHLY_WEEKDAY = "monthly_weekday", _("Every month on the same weekday (e.g. every first Tuesday)")
    MONTHLY_DAY = "monthly_day", _("Every month on the same day (e.g. every 15th)")
