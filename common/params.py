"""Strict parsing of query parameters, shared by the pages and endpoints that filter (events, the map, search).

A value a user (or a link) got wrong raises ``InvalidParameter``: which parameter, why, and — when it takes
one of a list — the values it accepts. Endpoints answer it with a 400 problem body (``common.problems``), pages
show it with the unfiltered list.
"""

from django.utils.translation import gettext as _


class InvalidParameter(ValueError):
    """A parameter a user (or a link) got wrong; ``valid`` lists what would have been accepted."""

    def __init__(self, parameter, detail, valid=()):
        super().__init__(detail)
        self.parameter = parameter
        self.detail = detail
        self.valid = list(valid)

    @property
    def message(self):
        """The detail, under the name the templates read (``filter_error.message``)."""
        return self.detail


def values_of(params, name, *, limit, unique=False, label=None):
    """The non-empty values of a repeated parameter ``name`` of ``params`` (a QueryDict), stripped.

    ``unique``: a repeated value counts once (first order kept). More than ``limit`` values is not a real
    query: InvalidParameter, naming the parameter as ``label`` (default: its name in quotes).
    """
    found = [value for value in (value.strip() for value in params.getlist(name)) if value]
    if unique:
        found = list(dict.fromkeys(found))
    if len(found) > limit:
        raise InvalidParameter(
            name,
            _("At most %(max)d values for %(label)s.")
            % {"max": limit, "label": label or _("“%(name)s”") % {"name": name}},
        )
    return found


def number_param(params, name, default, low, high):
    """The whole number ``name`` of ``params`` from ``low`` to ``high`` (``default`` when absent)."""
    raw = params.get(name) or str(default)
    if not (raw.isascii() and raw.isdigit()) or not low <= int(raw) <= high:
        raise InvalidParameter(
            name,
            _("%(name)s must be a number from %(low)d to %(high)d.")
            % {"name": name, "low": low, "high": high},
        )
    return int(raw)
