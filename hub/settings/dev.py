"""Local development: the embedded defaults (SQLite, console e-mail, database search)."""

from .base import *

DEBUG = True
# An obviously fake key; production refuses to start without a real one.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = ["*"]
# The demo loader (`manage.py load_demo_content`, `make run`).
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
