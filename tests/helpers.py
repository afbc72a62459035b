"""Helpers any test may use. Fixtures live in the conftest files; nothing imports from those."""

import os

from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require(available, reason):
    """Skip a test whose server is missing, except in CI, where a missing server is a failure."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"CI must provide this: {reason}")
    pytest.skip(reason)


def fresh(user):
    """Wagtail caches a user's page permissions on the user object: read it again from the database."""
    return type(user).objects.get(pk=user.pk)


def english_tree():
    """Give every German page its English alias, as wagtail-localize does for pages created in the admin.

    Factories create German pages only; a test of the English site calls this once its pages exist.
    """
    synchronize_tree(Locale.objects.get(language_code="de"), Locale.objects.get(language_code="en"))


def translate(page, language="en", **fields):
    """Turn the alias of ``page`` in ``language`` into a translation with ``fields`` (title, slug, …), as an
    editor does with wagtail-localize, and publish it. Call ``english_tree()`` first."""
    translation = page.get_translation(Locale.objects.get(language_code=language)).specific
    translation.alias_of = None
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return type(translation).objects.get(pk=translation.pk)
