"""The kinds and formats of events: plain choices, so the iCal and filter modules need no models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    LIVE_CALL = "live_call", _("Live-Call")
    OFFICE_HOURS = "office_hours", _("Sprechstunde")
    REGIONAL_MEETING = "regional_meeting", _("Regionalgespräch")
    CONFERENCE = "conference", _("Mitmach-Konferenz")
    LAB_MODULE = "lab_module", _("Regionallabor-Modul")
    OTHER = "other", _("Sonstiges")


class EventFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    LIVE = "live", _("Vor Ort")
    HYBRID = "hybrid", _("Hybrid")
