"""A list of days stored as JSON (ISO dates) and edited as text, one date per line: the exceptions of a series.

A JSON list rather than child rows, so the iCal fingerprint (``ical_sequence``) can compare it like any other
field, on SQLite too. Editors write dates as they do everywhere in the admin ("24.12.2030", also "2030-12-24").
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


def parse_days(values):
    """Sorted, distinct ``date``s from stored ISO strings (anything else is left out)."""
    days = set()
    for value in values or ():
        try:
            days.add(value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)))
        except ValueError:
            continue
    return sorted(days)


class DateListFormField(forms.Field):
    widget = forms.Textarea(attrs={"rows": 3, "placeholder": "24.12.2030"})
    default_error_messages = {
        "invalid": _("“%(value)s” is not a date. Write one date per line, e.g. 24.12.2030."),
        "too_many": _("At most %(count)s dates."),
    }

    def prepare_value(self, value):
        if isinstance(value, str):  # a redisplayed form keeps what the editor typed
            return value
        return "\n".join(formats.date_format(day, "SHORT_DATE_FORMAT") for day in parse_days(value))

    def to_python(self, value):
        days = set()
        day_field = forms.DateField()
        for token in SEPARATORS.split((value or "").strip()):
            if not token:
                continue
            try:
                days.add(day_field.to_python(token[:40]))
            except ValidationError:
                raise ValidationError(
                    self.error_messages["invalid"], code="invalid", params={"value": token[:40]}
                ) from None
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
