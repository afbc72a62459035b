"""The test settings with the production task queue: for worker processes that tests start and stop."""

from hub.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
LOGGING["loggers"]["django_tasks_db"] = {"level": "INFO"}  # noqa: F405
