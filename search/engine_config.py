"""``SEARCH_URL`` and ``SEARCH_REPLICAS``, parsed in one place.

Both the settings (Wagtail's site-search backend) and ``search.engines`` (the action search) read them, so
this module imports nothing from the apps.

``SEARCH_URL`` names one server or the nodes of a cluster::

    opensearch://127.0.0.1:9201
    opensearchs://user:password@search1:9200,search2:9200,search3:9200
    elasticsearch://[::1]:9200/prefix

The scheme picks the engine (``opensearch``/``elasticsearch``; with an ``s`` for HTTPS), user and password
come once, before the first host (percent-encoded when they contain ``@ : / ,``), the hosts are separated
by commas (port 9200 when none is given) and an optional path prefix follows the last host.
"""

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SCHEMES = {
    "opensearch": ("opensearch", "http"),
    "opensearchs": ("opensearch", "https"),
    "elasticsearch": ("elasticsearch", "http"),
    "elasticsearchs": ("elasticsearch", "https"),
}
DEFAULT_PORT = 9200
EXAMPLE = "opensearch://user:password@host1:9200,host2:9200,host3:9200"


@dataclass(frozen=True)
class EngineURL:
    kind: str  # "opensearch" or "elasticsearch"
    hosts: tuple  # one HTTP(S) URL per node, without credentials: ("http://host1:9200", ...)
    auth: tuple | None = None  # (user, password)

    def urls_with_auth(self):
        """The hosts with the credentials in each URL, as Wagtail's search backends take them."""
        if not self.auth:
            return list(self.hosts)
        userinfo = ":".join(quote(part, safe="") for part in self.auth)
        return [host.replace("://", f"://{userinfo}@", 1) for host in self.hosts]


def masked(url):
    """The URL without its credentials, for logs and command output."""
    return re.sub(r"://.*@", "://***@", url)


def _invalid(url, reason):
    return ImproperlyConfigured(f"SEARCH_URL {masked(url)!r}: {reason}. Expected e.g. {EXAMPLE}")


def parse_engine_url(url):
    """The engine, hosts and credentials an URL names; ImproperlyConfigured with the reason otherwise."""
    scheme, separator, _ = url.partition("://")
    if not separator or scheme not in SCHEMES:
        raise _invalid(url, f"the scheme must be one of {', '.join(s + '://' for s in SCHEMES)}")
    kind, http_scheme = SCHEMES[scheme]
    parts = urlsplit(url)
    if parts.query or parts.fragment:
        raise _invalid(url, "no query string or fragment allowed")
    userinfo, at, host_list = parts.netloc.rpartition("@")
    auth = None
    if at:
        user, colon, password = userinfo.partition(":")
        if not user or not colon or "," in userinfo:
            raise _invalid(url, "credentials go once before the first host, as user:password@")
        auth = (unquote(user), unquote(password))
    path = parts.path.rstrip("/")
    hosts = []
    for entry in host_list.split(","):
        entry = entry.strip()
        try:
            node = urlsplit(f"//{entry}")
            hostname, port = node.hostname, node.port or DEFAULT_PORT
        except ValueError as error:
            raise _invalid(url, f"bad host {entry!r} ({error})") from None
        if not entry or not hostname or node.username is not None or node.path:
            raise _invalid(url, f"bad host {entry!r}")
        host = f"[{hostname}]" if ":" in hostname else hostname
        hosts.append(f"{http_scheme}://{host}:{port}{path}")
    if len(set(hosts)) != len(hosts):
        raise _invalid(url, "a host is named twice")
    return EngineURL(kind=kind, hosts=tuple(hosts), auth=auth)


def replica_settings(value):
    """Index settings for ``SEARCH_REPLICAS``: a number of replicas per shard ("0", "1", ...) or an
    ``auto_expand_replicas`` range ("0-1", "0-all") that follows the number of nodes."""
    value = str(value).strip()
    if re.fullmatch(r"\d+", value):
        return {"number_of_replicas": int(value), "auto_expand_replicas": "false"}
    if re.fullmatch(r"\d+-(\d+|all)", value):
        return {"auto_expand_replicas": value}
    raise ImproperlyConfigured(
        f"SEARCH_REPLICAS must be a number of replicas (0 for one node, 1 for three) or a range such as "
        f"0-1 or 0-all, not {value!r}"
    )
