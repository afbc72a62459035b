"""Links that stop mails without a login: signed tokens, and the headers of RFC 2369 and RFC 8058.

A token names what it stops (a ``scope`` such as "newsletter" and a value such as a subscription's id) and is
signed with the secret key, so nobody can forge one for another address. It never expires: a link in a mail
from years ago still works, as the law and the mailbox providers expect.
"""

from django.core import signing

SALT = "mitmach-hub.one-click"


def make_token(scope, value):
    return signing.dumps([scope, str(value)], salt=SALT, compress=True)


def read_token(scope, token):
    """The value a token names for ``scope``; None for a forged, damaged or foreign token."""
    try:
        token_scope, value = signing.loads(token or "", salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return value if token_scope == scope else None


def list_headers(url):
    """``List-Unsubscribe`` with the one-click POST of RFC 8058: mail programs show an "Unsubscribe" button
    that POSTs ``List-Unsubscribe=One-Click`` to ``url``."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
