"""Helpers any test may use. Fixtures live in the conftest files; nothing imports from those."""

import os

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
