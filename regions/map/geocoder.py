"""An online geocoder for places the offline extract (``regions.map.places``) does not know, when the operator
sets ``GEOCODER_URL`` (Nominatim's ``/search``: nominatim.openstreetmap.org or their own). Off by default: without
the setting nothing here touches the network.

Used by the initiative form and the member's "place for the map" only after ``places.locate()`` /
``places.find_city()`` found nothing: a town we know is placed without asking anybody, and a street address
keeps being placed at its town's centre, as the help texts promise. The geocoder answers what the extract
lacks (villages under 500 people, districts, a postcode alone, a street in a place we do not know).

Nominatim's usage policy, kept for every process through the shared cache:

- only the typed text goes out (``q``), with the output format, one result and the country codes; a User-Agent
  that names the site (``GEOCODER_USER_AGENT``), no cookies, no referrer;
- at most one request per second for the whole site: ``cache.add()`` of a key that lives one second is the
  turn; a lookup waits for a turn up to ``WAIT_SECONDS`` and otherwise counts as not found;
- answers are cached (found for ``FOUND_SECONDS``, not found for ``NOT_FOUND_SECONDS``), so the same text asks
  once.

A timeout (``GEOCODER_TIMEOUT``, 3 s), an error status, a redirect, a body that is not Nominatim's JSON or too
long: not found, logged, not cached. The point is rounded to ``DECIMALS`` places (about 1 km): a geocoder may
know a house, and what the map shows is a place.
"""

import hashlib
import json
import logging
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

import requests
import urllib3

from common.points import valid_lat_lng
from regions.map.places import MAX_QUERY_LENGTH, Place

logger = logging.getLogger(__name__)

LOCK_KEY = "geocoder-turn"
WAIT_SECONDS = 1.5
FOUND_SECONDS = 30 * 24 * 3600
NOT_FOUND_SECONDS = 24 * 3600
MAX_BYTES = 64 * 1024
DECIMALS = 2


class GeocoderError(Exception):
    """The geocoder gave no usable answer (unreachable, slow, an error or something else than Nominatim's JSON)."""


def enabled():
    return bool(settings.GEOCODER_URL)


def host():
    """The geocoder's host name, to tell people where their text goes ("" when there is none)."""
    return (urlsplit(settings.GEOCODER_URL).hostname or "") if enabled() else ""


def notice():
    """What a form tells about the lookup, next to the place field."""
    return _("A place we do not know is looked up at %(host)s: only the text you type is sent there.") % {
        "host": host()
    }


def _cache_key(text):
    countries = ",".join(settings.GEOCODER_COUNTRY_CODES)
    digest = hashlib.sha256(f"{settings.GEOCODER_URL}\n{countries}\n{text.casefold()}".encode()).hexdigest()
    return f"geocoder-v1:{digest}"


def geocode(text):
    """A ``Place`` for ``text`` from the online geocoder, or None: not enabled, nothing found, or no answer."""
    text = " ".join((text or "").split())
    if not enabled() or not text or len(text) > MAX_QUERY_LENGTH or "\x00" in text:
        return None
    key = _cache_key(text)
    cached = cache.get(key)
    if cached is None:
        if not _take_turn():
            logger.warning("Geocoder: no turn within %s s (more than one lookup per second)", WAIT_SECONDS)
            return None
        try:
            point = _ask(text)
        except GeocoderError as error:
            logger.warning("Geocoder: no usable answer: %s", error)
            return None
        cached = point or ()
        cache.set(key, cached, FOUND_SECONDS if point else NOT_FOUND_SECONDS)
    if not cached:
        return None
    lat, lng = cached
    return Place(name=text, lat=lat, lng=lng, source="geocoder")


def _take_turn():
    """Wait until no other process asked the geocoder within the last second (at most ``WAIT_SECONDS``)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not cache.add(LOCK_KEY, 1, timeout=1):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    return True


def _ask(text):
    """``(lat, lng)`` of Nominatim's first result, None when it found nothing; GeocoderError otherwise."""
    params = {"q": text, "format": "jsonv2", "limit": 1}
    if settings.GEOCODER_COUNTRY_CODES:
        params["countrycodes"] = ",".join(settings.GEOCODER_COUNTRY_CODES)
    headers = {"User-Agent": settings.GEOCODER_USER_AGENT or "Mitmach-Hub", "Accept": "application/json"}
    try:
        with requests.get(
            settings.GEOCODER_URL,
            params=params,
            headers=headers,
            timeout=settings.GEOCODER_TIMEOUT,
            allow_redirects=False,
            stream=True,
        ) as response:
            if response.status_code != 200:
                raise GeocoderError(f"status {response.status_code}")
            body = b""
            for chunk in response.iter_content(8192):
                body += chunk
                if len(body) > MAX_BYTES:
                    raise GeocoderError("answer too long")
        results = json.loads(body)
    except (requests.RequestException, urllib3.exceptions.HTTPError, OSError, ValueError) as error:
        raise GeocoderError(str(error) or type(error).__name__) from error
    if not isinstance(results, list):
        raise GeocoderError("not a list of places")
    if not results:
        return None
    try:
        lat, lng = float(results[0]["lat"]), float(results[0]["lon"])
    except (KeyError, TypeError, ValueError) as error:
        raise GeocoderError("a place without lat/lon") from error
    if not valid_lat_lng(lat, lng):
        raise GeocoderError("coordinates out of range")
    return round(lat, DECIMALS), round(lng, DECIMALS)
