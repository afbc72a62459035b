import pytest
from aiosmtpd.controller import Controller

from newsletters.lists import network_list, region_list
from tests.newsletter_issues.helpers import Sink
from tests.regions.factories import RegionPageFactory
from tests.smtp import free_port


@pytest.fixture
def network(db):
    return network_list()


@pytest.fixture
def region_news(region):
    return region_list(region)


@pytest.fixture
def other_region(region_index):
    return RegionPageFactory(parent=region_index, title="Tübingen", slug="tuebingen")


@pytest.fixture
def other_region_news(other_region):
    return region_list(other_region)


def start_sink(settings, handler):
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.QUEUED_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    return controller, port


@pytest.fixture
def smtp(settings):
    """A real SMTP server the worker's connection (``QUEUED_EMAIL_BACKEND``) talks to."""
    handler = Sink(refuse=["kaputt@example.org"])
    controller, _port = start_sink(settings, handler)
    yield handler
    controller.stop()
