"""The worker process of the newsletter tests: the production task queue and the tests' URLs."""

from tests.background.worker_settings import *  # noqa: F403

ROOT_URLCONF = "tests.newsletter_issues.urls"
