"""The German catalogue is complete and in step with the code: every string a German visitor or editor meets is
translated, none is fuzzy, ``make messages`` would not change the catalogue, and the committed ``django.mo`` is the
``django.po`` compiled (the hub reads the .mo; a fresh machine has no gettext to compile it).
"""

import shutil
import subprocess

import polib
import pytest

from tests.helpers import require
from tools import catalogue


@pytest.fixture(scope="module")
def german():
    return polib.pofile(str(catalogue.CATALOGUE))


def describe(keys):
    return "\n".join(
        f"  {'[' + context + '] ' if context else ''}{msgid!r}{' / ' + repr(plural) if plural else ''}"
        for context, msgid, plural in sorted(keys)
    )


def test_every_german_entry_is_translated_and_none_is_fuzzy(german):
    untranslated = [catalogue.key(entry) for entry in german.untranslated_entries()]
    fuzzy = [catalogue.key(entry) for entry in german.fuzzy_entries()]
    assert not untranslated, f"Untranslated in {catalogue.CATALOGUE.name}:\n{describe(untranslated)}"
    assert not fuzzy, f"Fuzzy (check the German, then drop the flag):\n{describe(fuzzy)}"
    assert catalogue.statistics(german)["messages"] > 700  # the real catalogue, not an empty file


def test_plural_entries_have_every_german_form(german):
    incomplete = [
        catalogue.key(entry)
        for entry in german
        if entry.msgid_plural and not entry.obsolete and not all(entry.msgstr_plural.get(n) for n in (0, 1))
    ]
    assert not incomplete, f"Plural entries without both German forms:\n{describe(incomplete)}"


def test_the_committed_mo_is_the_po_compiled(german):
    compiled = catalogue.compiled_messages(polib.mofile(str(catalogue.COMPILED)))
    expected = catalogue.compiled_messages(german)
    missing = expected.keys() - compiled.keys()
    stale = compiled.keys() - expected.keys()
    differing = {key for key in expected.keys() & compiled.keys() if expected[key] != compiled[key]}
    assert not (missing or stale or differing), (
        "django.mo is not django.po compiled; run `make messages` (or compilemessages -l de) and commit both.\n"
        f"Missing from the .mo:\n{describe(missing)}\nOnly in the .mo:\n{describe(stale)}\n"
        f"Translated differently:\n{describe(differing)}"
    )


@pytest.fixture(scope="module")
def extracted():
    missing = catalogue.gettext_missing()
    require(not missing, f"GNU gettext is not installed (missing: {', '.join(missing)})")
    return catalogue.extract()


def test_make_messages_would_not_change_the_catalogue(german, extracted):
    """Every gettext string of the code and templates is in the catalogue, and nothing else is."""
    committed = [catalogue.key(entry) for entry in german]
    current = [catalogue.key(entry) for entry in extracted]
    not_extracted = set(current) - set(committed)
    gone = set(committed) - set(current)
    assert not not_extracted and not gone, (
        "`make messages` would change locale/de/LC_MESSAGES/django.po: run it, translate, commit.\n"
        f"Strings in the code but not in the catalogue:\n{describe(not_extracted)}\n"
        f"Entries no code uses any more:\n{describe(gone)}"
    )
    assert current == committed, "`make messages` would reorder the catalogue: run it and commit the result."


def test_german_placeholders_match_the_english_ones(extracted):
    """msgfmt --check: a German translation that drops or renames a %(name)s would break at run time."""
    result = subprocess.run(  # noqa: S603 (GNU msgfmt on our own catalogue)
        [shutil.which("msgfmt"), "--check", "--output-file=/dev/null", str(catalogue.CATALOGUE)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_the_statistics_script_prints_both_languages(capsys, german):
    catalogue.main()
    output = capsys.readouterr().out
    numbers = catalogue.statistics(german)
    assert "English (en): the source language" in output
    assert (
        f"{numbers['messages']} messages, {numbers['messages']} translated (100 %, by definition)" in output
    )
    assert f"German (de): locale/de/LC_MESSAGES/django.po\n  {numbers['messages']} messages," in output
