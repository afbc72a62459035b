"""The test settings with the production task queue: for worker processes that tests start and stop."""

from hub.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Mails a task writes (a reminder) are queued as in production and sent to EMAIL_URL, not kept in memory.
EMAIL_BACKEND = "background.mail.QueuedEmailBackend"
LOGGING["loggers"]["django_tasks_db"] = {"level": "INFO"}  # noqa: F405
