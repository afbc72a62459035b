"""The languages search knows: which one a search runs in, how each is analysed, and the stems of a text.

Every search runs in one language, the active one (``current_language``) or the one an API call names, and
finds only the pages of that language's tree. Each language is analysed by its own rules:

- OpenSearch and Elasticsearch: their built-in language analyzers (``ANALYZERS``), one sub-field per language;
- the database engine: Wagtail's database backend cannot stem by language (SQLite's FTS5 does not stem at all,
  PostgreSQL applies one configuration to every row), so the indexed pages carry their words as Snowball stems
  of their own language (``stemmed_text``) and a search looks for the stems of its words (``stemmed_query``).
"""

import re
import threading

from django.conf import settings
from django.utils import translation

from wagtail.models import Locale

import snowballstemmer

# Language code -> the engines' built-in analyzer and the Snowball algorithm of that language.
ANALYZERS = {"de": "german", "en": "english"}
STEMMERS = {"de": "german", "en": "english"}
WORD = re.compile(r"\w+")

_local = threading.local()  # Snowball stemmers keep state while they work: one per thread and language
_languages = {}  # Locale id -> language code; locales are created by migrations and editors, rarely


def languages():
    """The content languages, in the order of the settings (German first)."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def current_language():
    """The active language if pages are written in it, else the site's default language."""
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in languages() else settings.LANGUAGE_CODE.split("-")[0]


def language_of(locale_id):
    """The language code of a Wagtail locale, without a query once known."""
    if locale_id not in _languages:
        _languages.clear()
        _languages.update(Locale.objects.values_list("pk", "language_code"))
    return _languages.get(locale_id, settings.LANGUAGE_CODE)


def _stemmer(language):
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        algorithm = STEMMERS.get(language)
        stemmers[language] = snowballstemmer.stemmer(algorithm) if algorithm else None
    return stemmers[language]


def stems(text, language):
    """The words of ``text`` (lower case), each reduced to its stem by the rules of ``language``."""
    words = WORD.findall(text.casefold())
    stemmer = _stemmer(language)
    return stemmer.stemWords(words) if stemmer else words


def stemmed_text(text, language):
    return " ".join(stems(text, language))


def stemmed_query(text, language):
    """The search words as the stems the database index holds; repeated stems once."""
    return " ".join(dict.fromkeys(stems(text, language)))
