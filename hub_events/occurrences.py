"""The dates of an event: one for a single event, the expanded rule for a recurring one."""

import datetime as dt
from typing import NamedTuple


class Occurrence(NamedTuple):
    start: dt.datetime
    end: dt.datetime
