"""The interface catalogue: its statistics, and what ``make messages`` would make of it.

English is the source language: the msgids in the code and templates *are* the English catalogue, complete by
definition. German lives in ``locale/de/LC_MESSAGES/django.po`` (and the committed ``django.mo``).

``python tools/catalogue.py`` (``make catalogue-stats``) prints, per language, the messages, how many are
translated and how many fuzzy. ``tests/hub/test_catalogue.py`` uses the same functions to fail on an untranslated or
fuzzy German entry, on a ``django.mo`` that is not the ``django.po`` compiled, and on a ``makemessages`` run that
would change the catalogue. Reading needs only polib; ``extract`` needs GNU gettext (xgettext, msguniq, msgmerge).
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from fnmatch import fnmatchcase
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "locale" / "de" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")
GETTEXT_TOOLS = ("xgettext", "msguniq", "msgmerge", "msgfmt")
# The files makemessages reads for the "django" domain.
EXTENSIONS = (".py", ".html", ".txt")


def gettext_missing():
    """The GNU gettext programs that are not on the PATH."""
    return [tool for tool in GETTEXT_TOOLS if shutil.which(tool) is None]


def key(entry):
    """What identifies a message: its context, its msgid and its plural msgid."""
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def statistics(catalogue):
    """Messages, translated, fuzzy and untranslated entries of a polib catalogue (obsolete ones left out)."""
    entries = [entry for entry in catalogue if not entry.obsolete]
    return {
        "messages": len(entries),
        "translated": len(catalogue.translated_entries()),
        "fuzzy": len(catalogue.fuzzy_entries()),
        "untranslated": len(catalogue.untranslated_entries()),
    }


def compiled_messages(catalogue):
    """{key: translation} of what a compiled catalogue holds: the translated, non-fuzzy entries, no header."""
    messages = {}
    for entry in catalogue:
        if entry.obsolete or not entry.msgid or "fuzzy" in entry.flags:
            continue
        if entry.msgid_plural:
            translation = tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
            if all(translation):
                messages[key(entry)] = translation
        elif entry.msgstr:
            messages[key(entry)] = entry.msgstr
    return messages


def makefile_ignores():
    """The ``-i`` patterns of the Makefile's MESSAGES_IGNORE: the check extracts exactly what ``make messages`` does."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(r"^MESSAGES_IGNORE\s*:?=\s*(.*)$", text, re.MULTILINE)
    if match is None:
        raise RuntimeError("The Makefile defines no MESSAGES_IGNORE.")
    words = shlex.split(match.group(1))
    return [pattern for flag, pattern in zip(words[::2], words[1::2], strict=True) if flag == "-i"]


def _ignored(relative, patterns):
    # makemessages's own rule (is_ignored_path), plus its default ignores of dot files and backups.
    parts = Path(relative).parts
    return any(part.startswith(".") or part.endswith("~") for part in parts) or any(
        fnmatchcase(relative, pattern) or fnmatchcase(parts[-1], pattern) for pattern in patterns
    )


def copy_sources(target):
    """Copy the files makemessages would read (and the German catalogue) from the project to ``target``.

    makemessages writes to the ``locale`` directory it finds in the tree it walks and, for templates, puts work
    files next to them: a copy keeps the project untouched. Generated and installed trees are left out as
    ``make messages`` leaves them out.
    """
    patterns = [*makefile_ignores(), "locale", "static", "media", "staticfiles", "__pycache__"]
    for directory, subdirectories, files in os.walk(ROOT):
        relative_dir = Path(directory).relative_to(ROOT)
        subdirectories[:] = [
            name for name in subdirectories if not _ignored((relative_dir / name).as_posix(), patterns)
        ]
        for name in files:
            relative = (relative_dir / name).as_posix()
            if Path(name).suffix in EXTENSIONS and not _ignored(relative, patterns):
                destination = Path(target) / relative
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(Path(directory) / name, destination)
    destination = Path(target) / CATALOGUE.relative_to(ROOT)
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(CATALOGUE, destination)
    return destination


def extract():
    """The German catalogue as ``make messages`` would write it now (a polib catalogue); needs GNU gettext."""
    with tempfile.TemporaryDirectory(prefix="hub-catalogue-") as target:
        copied = copy_sources(target)
        command = [sys.executable, "manage.py", "makemessages", "-l", "de", "--no-obsolete", "--no-location"]
        for pattern in makefile_ignores():
            command += ["-i", pattern]
        environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        environment.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")
        subprocess.run(  # noqa: S603 (our own manage.py with fixed arguments)
            command, cwd=target, env=environment, check=True, capture_output=True, text=True
        )
        return polib.pofile(str(copied))


def main():
    german = polib.pofile(str(CATALOGUE))
    numbers = statistics(german)
    print("English (en): the source language. Its catalogue is the msgids in the code and templates:")
    print(
        f"  {numbers['messages']} messages, {numbers['messages']} translated (100 %, by definition), 0 fuzzy"
    )
    share = 100 * numbers["translated"] / numbers["messages"] if numbers["messages"] else 100
    print(f"German (de): {CATALOGUE.relative_to(ROOT)}")
    print(
        f"  {numbers['messages']} messages, {numbers['translated']} translated ({share:.0f} %), "
        f"{numbers['fuzzy']} fuzzy, {numbers['untranslated']} untranslated"
    )
    plurals = sum(1 for entry in german if entry.msgid_plural and not entry.obsolete)
    contexts = sum(1 for entry in german if entry.msgctxt and not entry.obsolete)
    print(f"  of them {plurals} with plural forms and {contexts} with a context (msgctxt)")


if __name__ == "__main__":
    main()
