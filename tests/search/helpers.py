"""Helpers for the search tests (imported by the test modules; fixtures stay in conftest.py)."""

from django.test import TestCase


def publish(page):
    """Publish a page the way the admin does, running what happens after the commit (the index sync)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.save_revision().publish()
    return page
