"""When an event's iCal SEQUENCE goes up: a fingerprint of what a calendar shows, compared on publishing.

``EventPage.save`` reads the stored row and asks ``next_sequence`` for the new counter and fingerprint (see
docs/events.md, "SEQUENCE").
"""

import datetime as dt
import hashlib
import json

from django.utils import timezone

REPETITION_FIELDS = ("repeat", "repeat_until", "repeat_count", "repeat_exceptions")

# What a calendar shows of an event. When one of these changes on publishing, the event's iCal SEQUENCE
# goes up, so calendar clients replace their copy instead of keeping a stale one.
ICAL_TRACKED_FIELDS = (
    "title",
    "slug",
    "start",
    "end",
    "venue",
    "address",
    "location",
    "format",
    "kind",
    "summary",
    "registration_url",
    "recording_url",
    # The repetition (RRULE and EXDATE): a changed rule or a new exception moves dates in calendars.
    *REPETITION_FIELDS,
)


def ical_fingerprint(values):
    """A digest of the calendar-relevant values (a mapping of ``ICAL_TRACKED_FIELDS``)."""

    def normalise(value):
        if isinstance(value, dt.datetime):
            if timezone.is_naive(value):
                value = timezone.make_aware(value)
            return value.astimezone(dt.UTC).isoformat()
        if isinstance(value, list | tuple):
            return ",".join(sorted(str(item) for item in value))
        return "" if value is None else str(value)

    data = [normalise(values[name]) for name in ICAL_TRACKED_FIELDS if name not in REPETITION_FIELDS]
    repetition = [normalise(values[name]) for name in REPETITION_FIELDS]
    # A single event leaves the repetition out, so fingerprints stored before repetition existed still match.
    if any(repetition):
        data += repetition
    return hashlib.sha256(json.dumps(data).encode()).hexdigest()


def next_sequence(event, stored):
    """``(ical_sequence, ical_fingerprint)`` for saving ``event`` in full.

    ``stored`` is the event's row as in the database (``live``, ``ical_sequence``, ``ical_fingerprint`` and the
    tracked fields), or None for a new event. A live event whose fingerprint differs from the one last published
    counts up; a draft keeps both.
    """
    sequence, published = 0, ""
    if stored:
        sequence = stored["ical_sequence"]
        # Pages published before the fingerprint existed: the live row is what was last published.
        published = stored["ical_fingerprint"] or (ical_fingerprint(stored) if stored["live"] else "")
    if event.live:
        current = ical_fingerprint({name: getattr(event, name) for name in ICAL_TRACKED_FIELDS})
        if published and current != published:
            sequence += 1
        published = current
    return sequence, published
