"""The language a mail goes out in: the recipient's (``User.language``), whoever sends it.

Every sender of the hub (allauth through ``members.adapter``, regions, region applications, the forum) renders
subject and body inside ``in_language(...)`` before the message is queued (``background.mail`` freezes the
finished message), and builds its links there too, so that ``reverse`` and ``Page.localized`` give the
recipient's version of the site (``/en/…`` for English members). A mail to an address without an account goes
out in the language active at the time, i.e. that of the request that caused it (the worker's default when
there is none).
"""

from django.conf import settings
from django.db.models.functions import Lower
from django.urls import translate_url
from django.utils import translation

from allauth.account.models import EmailAddress

from members.models import User

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def supported(code):
    """``code`` as one of ``settings.LANGUAGES`` (``"en-gb"`` -> ``"en"``), or the default language."""
    code = (code or "").lower()
    if code in LANGUAGE_CODES:
        return code
    base = code.split("-")[0]
    return base if base in LANGUAGE_CODES else settings.LANGUAGE_CODE


def active():
    """The active language (the request's, in a request), as one of ``settings.LANGUAGES``."""
    return supported(translation.get_language())


def language_of(user):
    """The language ``user`` reads their mails in; the active language for nobody (``None``)."""
    if user is None:
        return active()
    return supported(getattr(user, "language", None) or settings.LANGUAGE_CODE)


def addresses_by_language(addresses):
    """``{language: [address, …]}``: each address under its account's language (found by the account's address
    or one of its allauth addresses, ignoring case), an address without an account under the active language.
    Addresses keep their order within a language; two queries at most."""
    addresses = [address for address in addresses if address]
    wanted = {address.lower() for address in addresses}
    known = {}
    if wanted:
        known = dict(
            User.objects.annotate(address=Lower("email"))
            .filter(address__in=wanted)
            .values_list("address", "language")
        )
        rest = wanted - known.keys()
        if rest:
            for address, language in (
                EmailAddress.objects.annotate(address=Lower("email"))
                .filter(address__in=rest)
                .values_list("address", "user__language")
            ):
                known.setdefault(address, language)
    grouped = {}
    for address in addresses:
        language = known.get(address.lower())
        grouped.setdefault(supported(language) if language else active(), []).append(address)
    return grouped


def language_of_address(address):
    """The language of the account ``address`` belongs to, or the active language."""
    return next(iter(addresses_by_language([address])), active())


def in_language(language):
    """``with in_language(language_of(user)):`` render a mail (subject, body and links) for that reader."""
    return translation.override(supported(language))


def url_in(url, language):
    """``url`` of the site (built in the active language) in ``language``: ``/konto/…`` -> ``/en/konto/…``.

    Call it before switching to ``language``: the address is read in the language it was made in.
    """
    return translate_url(url, supported(language)) if url else url
