"""Filters for event listings, parsed strictly from GET parameters.

The event index, the Videothek, and the events API share them. Parsing is strict so that a wrong link gets a
clear message instead of silently wrong results: an unknown value raises ``InvalidParameter``, which names the
parameter and the values that would have been accepted (the page answers 400 with it, the API a problem body).
Values of one parameter are OR-ed, parameters are AND-ed. An empty value (a select's "All" option) counts as
no value.
"""

import dataclasses
from dataclasses import dataclass
from functools import cached_property

from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.language import locale_id
from common.params import InvalidParameter, values_of
from home.models import FieldOfAction
from hub_events.choices import EventFormat, EventKind
from regions.models import RegionPage

FILTER_PARAMETERS = ("kind", "field", "format", "region")
MAX_VALUES = 20  # per parameter; more is not a real query
MAX_VALUE_LENGTH = 100

LABELS = {
    "kind": gettext_lazy("Type"),
    "field": gettext_lazy("Field of action"),
    "format": gettext_lazy("Format"),
    "region": gettext_lazy("Region"),
}


@dataclass(frozen=True)
class EventFilter:
    """Selected values per parameter (tuples of slugs or choice values), plus the translation keys of the
    selected regions: an English event may point to the German region page (an alias keeps its German
    relations), so regions match across languages by key, not by id."""

    kind: tuple = ()
    field: tuple = ()
    format: tuple = ()
    region: tuple = ()
    region_keys: tuple = dataclasses.field(default=(), compare=False)

    @property
    def active(self):
        return any(getattr(self, name) for name in FILTER_PARAMETERS)

    def selected(self, name):
        return getattr(self, name)

    def apply(self, events):
        """``events`` (an EventPage queryset) narrowed to the selected values."""
        if self.kind:
            events = events.filter(kind__in=self.kind)
        if self.format:
            events = events.filter(format__in=self.format)
        if self.region:
            events = events.of_regions(self.region_keys)  # each event once, however many regions match
        if self.field:
            # A subquery rather than a join: an event in two selected fields must not show up twice.
            tagged = events.model.fields_of_action.through.objects.filter(fieldofaction__slug__in=self.field)
            events = events.filter(pk__in=tagged.values("eventpage_id"))
        return events

    def as_params(self):
        """The filter as (name, value) pairs, for links that keep it (pagination)."""
        return [(name, value) for name in FILTER_PARAMETERS for value in getattr(self, name)]

    def querystring(self):
        return urlencode(self.as_params())


def _values(params, name):
    return values_of(params, name, limit=MAX_VALUES, unique=True, label=LABELS[name])


def _unknown(name, value, valid):
    return InvalidParameter(
        name,
        _("Unknown value “%(value)s” for %(label)s.") % {"value": value[:50], "label": LABELS[name]},
        valid,
    )


def _check_choices(name, values, choices):
    valid = [choice[0] for choice in choices]
    for value in values:
        if value not in valid:
            raise _unknown(name, value, valid)
    return tuple(values)


def regions_for_filter(locale=None):
    """The regions one can filter by: live, public region pages of ``locale`` (a Locale id; default: the
    active language's), by title."""
    return RegionPage.objects.live().public().filter(locale_id=locale or locale_id()).order_by("title")


class FilterChoices:
    """The fields of action and regions to choose from, each loaded once and only when needed.

    Parsing a request and drawing the form share one instance, so a filtered page asks for each list once.
    The regions are those of ``locale`` (a Locale id; default: the active language's).
    """

    def __init__(self, locale=None):
        self.locale = locale

    @cached_property
    def fields(self):
        return [(field.slug, field.label) for field in FieldOfAction.objects.all()]

    @cached_property
    def regions(self):
        return list(regions_for_filter(self.locale).values_list("slug", "title", "translation_key"))


def parse_filters(params, *, allowed_names=None, choices=None):
    """An EventFilter from a QueryDict.

    ``allowed_names``, when given, refuses any other parameter name (the API does; the pages ignore unknown
    names, since links from newsletters carry tracking parameters). Looks up fields of action and regions
    (through ``choices``, a ``FilterChoices``) only when the parameter is present.
    """
    choices = choices or FilterChoices()
    if allowed_names is not None:
        unknown = sorted(set(params.keys()) - set(allowed_names))
        if unknown:
            raise InvalidParameter(
                unknown[0],
                _("Unknown parameter “%(name)s”.") % {"name": unknown[0][:50]},
                list(allowed_names),
            )

    values = {name: _values(params, name) for name in FILTER_PARAMETERS}
    for name, selected in values.items():
        for value in selected:
            if len(value) > MAX_VALUE_LENGTH:
                raise _unknown(name, value, ())

    kind = _check_choices("kind", values["kind"], EventKind.choices)
    format_ = _check_choices("format", values["format"], EventFormat.choices)
    fields = _check_choices("field", values["field"], choices.fields) if values["field"] else ()
    regions = _check_choices("region", values["region"], choices.regions) if values["region"] else ()
    region_keys = tuple(key for slug, _title, key in choices.regions if slug in regions) if regions else ()
    return EventFilter(kind=kind, field=fields, format=format_, region=regions, region_keys=region_keys)


def filter_form(event_filter, choices=None):
    """The GET form of the event index and the Videothek: one select per parameter, selection kept."""
    choices = choices or FilterChoices()

    def options(name, pairs):
        selected = event_filter.selected(name)
        return {
            "name": name,
            "label": LABELS[name],
            "options": [
                {"value": value, "label": label, "selected": value in selected} for value, label in pairs
            ],
        }

    return [
        options("kind", EventKind.choices),
        options("field", choices.fields),
        options("format", EventFormat.choices),
        options("region", [(slug, title) for slug, title, _key in choices.regions]),
    ]
