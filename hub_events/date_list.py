"""A list of days stored as JSON (ISO dates) and edited as text, one date per line: the exceptions of a series.

A JSON list rather than child rows, so the iCal fingerprint (``ical_sequence``) can compare it like any other
field, on SQLite too. Editors write dates as the help text suggests ("24.12.2030", also "2030-12-24"), in every
admin language, and see them back that way.
"""

import datetime as dt
import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _

MAX_DAYS = 200
SEPARATORS = re.compile(r"[\s,;]+")
# The formats the help text and placeholder suggest, in every language (the admin's own formats differ by
# language: "12/24/2030" in English); days are shown back in the first.
SHOWN_FORMAT = "%d.%m.%Y"
FIXED_FORMATS = (SHOWN_FORMAT, "%Y-%m-%d")


def parse_days(values):
    """Sorted, distinct ``date``s from stored ISO strings (anything else is left out)."""
    days = set()
    for value in values or ():
        try:
            days.add(value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)))
        except ValueError:
            continue
    return sorted(days)


def parse_day(text):
    """The ``date`` an editor wrote (24.12.2030, 2030-12-24 or the active language's format), or None."""
    for pattern in (*FIXED_FORMATS, *formats.get_format("DATE_INPUT_FORMATS")):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


class DateListFormField(forms.Field):
    widget = forms.Textarea(attrs={"rows": 3, "placeholder": "24.12.2030"})
    default_error_messages = {
        "invalid": _("“%(value)s” is not a date. Write one date per line, e.g. 24.12.2030."),
        "too_many": _("At most %(count)s dates."),
    }

    def prepare_value(self, value):
        if isinstance(value, str):  # a redisplayed form keeps what the editor typed
            return value
        return "\n".join(day.strftime(SHOWN_FORMAT) for day in parse_days(value))

    def to_python(self, value):
        days = set()
        for token in SEPARATORS.split((value or "").strip()):
            if not token:
                continue
            day = parse_day(token[:40])
            if day is None:
                raise ValidationError(
                    self.error_messages["invalid"], code="invalid", params={"value": token[:40]}
                )
            days.add(day)
        if len(days) > MAX_DAYS:
            raise ValidationError(
                self.error_messages["too_many"], code="too_many", params={"count": MAX_DAYS}
            )
        return [day.isoformat() for day in sorted(days)]


class DateListField(models.JSONField):
    """A JSON list of ISO dates, edited with ``DateListFormField``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super(models.JSONField, self).formfield(**{"form_class": DateListFormField, **kwargs})
