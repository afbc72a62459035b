"""Engines for the contract tests: the database always, OpenSearch and Elasticsearch where reachable.

OpenSearch is looked for at ``SEARCH_TEST_OPENSEARCH_URL`` (default ``opensearch://127.0.0.1:9201``,
what ``python manage.py search_engine`` starts); in CI it must be there. Elasticsearch runs only when
``SEARCH_TEST_ELASTICSEARCH_URL`` names one (CI has none).
"""

import datetime as dt
import os
import uuid
from dataclasses import dataclass

from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

import pytest

from actions.search import indexable_actions
from home.models import SDG, FieldOfAction, Resource
from search.engines import engine_from_url
from search.engines.database import DatabaseEngine
from search.kinds import indexed_kind
from tests import factories
from tests.conftest import require

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


def index_everything(engine):
    engine.rebuild(indexed_kind().document_of(page) for page in indexable_actions())


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


@dataclass(frozen=True)
class Spec:
    key: str
    title: str
    fields: tuple
    effort: str
    impact: str
    sdgs: tuple
    resources: tuple
    summary: str = "Eine erprobte Aktion."
    body: str = ""


# The contract's fixture: small enough to reason about by hand, varied enough for every facet.
SPECS = [
    Spec(
        "garden",
        "Gemeinschaftsgarten anlegen",
        ("ernaehrungssystem",),
        "low",
        "medium",
        (2, 11),
        ("space", "time"),
        body="Im Garten wachsen Gemüse und gute Nachbarschaft.",
    ),
    Spec(
        "repair",
        "Repair-Café gründen",
        ("finanzen-und-wirtschaft",),
        "low",
        "high",
        (12,),
        ("space", "expertise"),
        summary="Gemeinsam reparieren statt wegwerfen.",
    ),
    Spec(
        "energy",
        "Bürgerenergie-Genossenschaft gründen",
        ("energie-und-verkehr",),
        "high",
        "high",
        (7, 13),
        ("money", "partners"),
        summary="Erneuerbare Energien in Bürgerhand.",
    ),
    Spec("cargo", "Lastenrad-Verleih", ("energie-und-verkehr",), "medium", "medium", (11, 13), ("material",)),
    Spec(
        "csa",
        "Solidarische Landwirtschaft",
        ("ernaehrungssystem", "finanzen-und-wirtschaft"),
        "high",
        "high",
        (2, 12),
        ("money", "partners"),
    ),
    Spec("party", "Nachbarschaftsfest feiern", ("sozialer-zusammenhalt",), "low", "low", (11,), ("time",)),
    Spec(
        "swap",
        "Kleidertausch organisieren",
        ("finanzen-und-wirtschaft", "sozialer-zusammenhalt"),
        "low",
        "medium",
        (12,),
        ("space",),
    ),
    Spec(
        "gardens",
        "Offene Gärten am Wochenende",
        ("ernaehrungssystem", "sozialer-zusammenhalt"),
        "medium",
        "low",
        (3, 15),
        ("space",),
    ),
    Spec(
        "eco",
        "Ökostrom-Wechselparty",
        ("energie-und-verkehr", "sozialer-zusammenhalt"),
        "low",
        "medium",
        (7,),
        ("time",),
        summary="Gemeinsam zu Ökostrom wechseln.",
    ),
    Spec(
        "ride",
        "Mitfahrbank aufstellen",
        ("energie-und-verkehr", "sozialer-zusammenhalt"),
        "low",
        "low",
        (11,),
        ("material", "partners"),
    ),
    Spec(
        "money",
        "Regionalwährung einführen",
        ("finanzen-und-wirtschaft",),
        "high",
        "medium",
        (8,),
        ("money", "expertise", "partners"),
    ),
    Spec("seed", "Saatgut-Tauschbörse", ("ernaehrungssystem",), "low", "medium", (2, 15), ("space", "time")),
]
HIDDEN = [
    Spec("draft", "Geheimer Entwurf Garten", ("ernaehrungssystem",), "low", "low", (2,), ("time",)),
    Spec("private", "Private Garten-Aktion", ("ernaehrungssystem",), "low", "low", (2,), ("time",)),
]


@pytest.fixture
def pool(action_index, region):
    """The contract fixture: SPECS live and public (published a day apart), HIDDEN never findable."""
    fields = {field.slug: field for field in FieldOfAction.objects.all()}
    sdgs = {sdg.number: sdg for sdg in SDG.objects.all()}
    resources = {resource.slug: resource for resource in Resource.objects.all()}
    pages = {}
    for day, spec in enumerate(SPECS + HIDDEN):
        page = factories.ActionPageFactory(
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
