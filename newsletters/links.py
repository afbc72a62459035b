"""The link every list mail carries to unsubscribe with one click (its headers: ``common.one_click.list_headers``).

Make the link once per mail and use it in the headers and the footer: each call signs anew.
"""

from django.urls import reverse

from common.links import absolute
from common.one_click import make_token

SCOPE = "subscription"


def unsubscribe_url(subscription):
    """Where one click ends ``subscription``: a page with a button (GET) that also takes RFC 8058's POST."""
    return absolute(reverse("newsletters:unsubscribe", args=[make_token(SCOPE, subscription.pk)]))
