"""The links every list mail carries: one-click unsubscribe (a link, and the headers of RFC 2369 and 8058)."""

from django.conf import settings
from django.urls import reverse

from common.one_click import list_headers, make_token

SCOPE = "subscription"


def absolute(path):
    """An address with the site's host, for mails."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def unsubscribe_url(subscription):
    """Where one click ends ``subscription``: a page with a button (GET) that also takes RFC 8058's POST."""
    return absolute(reverse("newsletters:unsubscribe", args=[make_token(SCOPE, subscription.pk)]))


def unsubscribe_headers(subscription):
    return list_headers(unsubscribe_url(subscription))
