import email
import email.policy
import logging

import pytest
from aiosmtpd.controller import Controller

from forum import structure
from home.models import FieldOfAction
from tests.regions.factories import RegionPageFactory
from tests.regions.helpers import join
from tests.smtp import free_port


class Inbox:
    """An SMTP server's handler that keeps every message it accepted, parsed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.SMTP)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 OK"

    def to(self, address):
        return [message for recipients, message in self.messages if address in recipients]

    def clear(self):
        self.messages.clear()


@pytest.fixture
def inbox(settings):
    """Every mail goes through the queue (``background.mail``) to a real SMTP server on localhost; with the
    immediate task backend of the tests it is delivered before the call that sent it returns."""
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "background.mail.QueuedEmailBackend"
    settings.QUEUED_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield handler
    controller.stop()


@pytest.fixture
def db_queue(db, settings):
    """The production queue (django-tasks-db): tasks wait in the database until ``run_queue`` runs them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def fields(db):
    return list(FieldOfAction.objects.order_by("order", "name")[:2])


@pytest.fixture
def other_region(region_index):
    return RegionPageFactory(parent=region_index, title="Anderswo", slug="anderswo")


@pytest.fixture
def reader(member, region):
    """A verified member who joined ``region`` and chose nothing (the weekly digest by default)."""
    join(member, region, agreed=False)
    return member


@pytest.fixture
def forums(db):
    structure.ensure_structure()
    return structure
