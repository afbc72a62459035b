"""Engines for the contract tests: the database always, OpenSearch and Elasticsearch where reachable.

OpenSearch is looked for at ``SEARCH_TEST_OPENSEARCH_URL`` (default ``opensearch://127.0.0.1:9201``,
what ``python manage.py search_engine`` starts); in CI it must be there. Elasticsearch runs only when
``SEARCH_TEST_ELASTICSEARCH_URL`` names one (CI has none).
"""

import datetime as dt
import os
import uuid

from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

import pytest

from home.models import SDG, FieldOfAction, Resource
from search.engines import engine_from_url
from search.engines.database import DatabaseEngine
from tests.actions.factories import ActionPageFactory
from tests.helpers import require
from tests.search.helpers import HIDDEN, SPECS, index_everything

OPENSEARCH_URL = os.environ.get("SEARCH_TEST_OPENSEARCH_URL", "opensearch://127.0.0.1:9201")
ELASTICSEARCH_URL = os.environ.get("SEARCH_TEST_ELASTICSEARCH_URL", "")
ENGINE_URLS = {"opensearch": OPENSEARCH_URL, "elasticsearch": ELASTICSEARCH_URL}


def pytest_generate_tests(metafunc):
    if "make_engine" in metafunc.fixturenames:
        names = ["database", "opensearch"] + (["elasticsearch"] if ELASTICSEARCH_URL else [])
        metafunc.parametrize("engine_name", names)


@pytest.fixture
def server_engine_url():
    """The OpenSearch URL for tests that need a real engine (required in CI)."""
    engine = engine_from_url(OPENSEARCH_URL, alias="probe")
    require(engine.ping(), f"no OpenSearch at {OPENSEARCH_URL} (start it: python manage.py search_engine)")
    return OPENSEARCH_URL


@pytest.fixture
def unique_alias():
    return f"test-{uuid.uuid4().hex[:12]}-actions"


@pytest.fixture
def make_engine(engine_name, unique_alias):
    """Call after the test's pages exist: returns the engine with everything indexed."""
    created = []

    def make():
        if engine_name == "database":
            return DatabaseEngine()
        engine = engine_from_url(ENGINE_URLS[engine_name], alias=unique_alias)
        require(engine.ping(), f"no {engine_name} at {ENGINE_URLS[engine_name]}")
        index_everything(engine)
        created.append(engine)
        return engine

    yield make
    for engine in created:
        engine.drop()


@pytest.fixture
def pool(action_index, region):
    """The contract fixture: SPECS live and public (published a day apart), HIDDEN never findable."""
    fields = {field.slug: field for field in FieldOfAction.objects.all()}
    sdgs = {sdg.number: sdg for sdg in SDG.objects.all()}
    resources = {resource.slug: resource for resource in Resource.objects.all()}
    pages = {}
    for day, spec in enumerate(SPECS + HIDDEN):
        page = ActionPageFactory(
            parent=action_index,
            title=spec.title,
            summary=spec.summary,
            effort=spec.effort,
            impact=spec.impact,
            body=[("paragraph", RichText(f"<p>{spec.body}</p>"))] if spec.body else [],
            taxonomy__fields=[fields[slug] for slug in spec.fields],
            taxonomy__sdgs=[sdgs[number] for number in spec.sdgs],
            taxonomy__resources=[resources[slug] for slug in spec.resources],
        )
        if spec.key in ("garden", "csa"):
            page.regions.set([region])
            page.save()
        type(page).objects.filter(pk=page.pk).update(
            first_published_at=dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC) + dt.timedelta(days=day)
        )
        pages[spec.key] = page
    pages["draft"].unpublish()
    PageViewRestriction.objects.create(page=pages["private"], restriction_type="login")
    return pages
