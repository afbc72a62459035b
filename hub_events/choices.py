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
