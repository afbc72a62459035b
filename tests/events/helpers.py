"""Slugs of the fields of action the event tests filter by (from the taxonomy migration), and the admin's edit
form of an event as posted."""

from zoneinfo import ZoneInfo

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

BERLIN = ZoneInfo("Europe/Berlin")

ENERGY = "energie-und-verkehr"
FOOD = "ernaehrungssystem"
SOCIAL = "sozialer-zusammenhalt"


def form_data(event, **changes):
    fields = {
        "title": event.title,
        "slug": event.slug,
        "summary": event.summary,
        "kind": event.kind,
        "format": event.format,
        "start": event.start.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M"),
        "end": event.end.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M"),
        "module_number": "",
        "registration_url": "",
        "venue": "",
        "address": "",
        "location": "",
        "region": "",
        "speakers": inline_formset([]),
        "body": streamfield([]),
        "recording_url": "",
        "materials": inline_formset([]),
        "comments": inline_formset([]),
        # A posted sequence is ignored: the field is not in the form.
        "ical_sequence": "99",
    }
    fields.update(changes)
    return nested_form_data(fields)
