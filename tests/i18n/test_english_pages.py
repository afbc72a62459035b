"""Every page type of the demo in English: ``lang="en"``, no German interface string of our catalogue, and the
switch back to the same German page.

German content shown on an English page (a page nobody has translated yet, marked ``lang="de"``) is content,
not interface: those parts are left out of the check.
"""

import re
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import Client

from wagtail.models import Locale, get_page_models

import polib
import pytest

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "de" / "LC_MESSAGES" / "django.po"
SKIPPED_TAGS = {"script", "style", "template"}
VOID_TAGS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
SHOWN_ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")


def german_interface_strings():
    """The German texts of our catalogue that differ from their English source, as whole texts.

    A German text that is also an English source text of the catalogue ("Region", "Filter") says nothing about
    the language of the page and is left out.
    """
    catalogue = polib.pofile(str(CATALOGUE))
    english = {" ".join(entry.msgid.split()).casefold() for entry in catalogue}
    english |= {" ".join(entry.msgid_plural.split()).casefold() for entry in catalogue if entry.msgid_plural}
    strings = set()
    for entry in catalogue:
        texts = [entry.msgstr] if entry.msgstr else list(entry.msgstr_plural.values())
        for text in texts:
            text = " ".join(text.split())
            if text and text.casefold() not in english and "%" not in text and "{" not in text:
                strings.add(text)
    return strings


class InterfaceText(HTMLParser):
    """The text nodes and shown attributes of a page, leaving out what is marked as German content."""

    def __init__(self):
        super().__init__()
        self.stack = []  # (tag, German content or skipped)
        self.texts = []

    def _hidden(self):
        return any(hidden for _tag, hidden in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hidden = tag in SKIPPED_TAGS or attrs.get("lang", "").startswith("de")
        if not self._hidden() and not hidden:
            self.texts += [attrs[name] for name in SHOWN_ATTRIBUTES if attrs.get(name)]
        if tag not in VOID_TAGS:
            self.stack.append((tag, hidden))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self._hidden() and data.strip():
            self.texts.append(data)


def interface_texts(html):
    parser = InterfaceText()
    parser.feed(html)
    return {" ".join(text.split()) for text in parser.texts}


@pytest.fixture
def demo(db):
    call_command("load_demo_content", stdout=StringIO())


def english_page_of_each_type():
    """One live English page per page type: a translation where the demo has one, else an alias."""
    english = Locale.objects.get(language_code="en")
    chosen = {}
    for model in get_page_models():
        pages = model.objects.live().filter(locale=english).order_by("alias_of_id", "path")
        first = pages.first()
        if first is not None:
            chosen[model.__name__] = first
    return chosen


@pytest.mark.django_db
def test_every_page_type_renders_in_english_without_german_interface_strings(demo, subtests):
    german_strings = german_interface_strings()
    pages = english_page_of_each_type()
    assert len(pages) >= 10, sorted(pages)
    client = Client()
    for name, page in pages.items():
        with subtests.test(page_type=name, url=page.url):
            response = client.get(page.url)
            assert response.status_code == 200
            html = response.content.decode()
            assert re.search(r'<html lang="en">', html)
            found = sorted(interface_texts(html) & german_strings)
            assert not found, f"German interface strings on {page.url}: {found}"
            german = page.get_translation(Locale.objects.get(language_code="de"))
            nav = re.search(r'<nav class="language-nav".*?</nav>', html, re.S).group(0)
            assert f'<a href="{german.url}" hreflang="de"' in nav
