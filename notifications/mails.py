"""The notification mails: plain text, in the reader's language, each with a one-click unsubscribe.

Every mail names one stream ("immediately", "daily", "weekly", "reports", "applications") in a signed link
(``common.one_click``, scope ``notifications``) that stops that stream without a login: in the body, and in the
``List-Unsubscribe`` and ``List-Unsubscribe-Post`` headers (RFC 2369, RFC 8058), so mail programs show their own
"Unsubscribe" button.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from common.links import absolute
from common.one_click import list_headers, make_token, read_token
from members.language import in_language, language_of

SCOPE = "notifications"
STREAMS = ("immediately", "daily", "weekly", "reports", "applications")


def unsubscribe_token(user, stream):
    return make_token(SCOPE, f"{user.pk}:{stream}")


def read_unsubscribe_token(token):
    """(user id, stream) named by ``token``, or None for a forged or damaged one."""
    value = read_token(SCOPE, token)
    user_id, _sep, stream = (value or "").partition(":")
    if not user_id.isdigit() or stream not in STREAMS:
        return None
    return int(user_id), stream


def send(user, template, context, stream):
    """Render ``notifications/emails/<template>`` (``_subject.txt`` and ``.txt``) for ``user`` and queue it."""
    with in_language(language_of(user)):
        unsubscribe_url = absolute(
            reverse("notifications:unsubscribe", args=[unsubscribe_token(user, stream)])
        )
        context = {
            **context,
            "user": user,
            "unsubscribe_url": unsubscribe_url,
            "settings_url": absolute(reverse("notifications:settings")),
        }
        subject = " ".join(render_to_string(f"notifications/emails/{template}_subject.txt", context).split())
        body = render_to_string(f"notifications/emails/{template}.txt", context)
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
    EmailMessage(f"{prefix}{subject}", body, None, [user.email], headers=list_headers(unsubscribe_url)).send()
