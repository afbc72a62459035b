"""Deadlines relative to now and the form data of a valid application (for DEFAULT_FIELDS)."""

import datetime as dt

from region_applications.forms import HONEYPOT_FIELD

UTC = dt.UTC


def future(days=30):
    return dt.datetime.now(UTC) + dt.timedelta(days=days)


def past(days=1):
    return dt.datetime.now(UTC) - dt.timedelta(days=days)


def valid_data(**overrides):
    data = {
        "name": "Erika Muster",
        "e_mail": "erika@example.org",
        "regionort": "Landkreis Neumarkt",
        "warum_jetzt": "Weil die Kommune gerade einen Klimaplan schreibt.",
        "zustimmung_datenschutz": "on",
        HONEYPOT_FIELD: "",
    }
    data.update(overrides)
    return data
