"""What the action search shows is what the database says, at a fixed number of SQL queries per search."""

from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest

from actions.models import ActionPage
from actions.search import indexable_actions
from home.models import SDG, FieldOfAction, Resource
from search.engines import engine_from_url
from search.kinds import indexed_kind
from search.queries import ActionQuery, parse_query
from search.service import search_actions
from tests.actions.factories import ActionPageFactory
from tests.regions.factories import RegionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(server_engine_url, unique_alias):
    """Index every findable action into a fresh OpenSearch index; the test may then change the database."""
    engines = []

    def index():
        engine = engine_from_url(server_engine_url, alias=unique_alias)
        engine.rebuild(indexed_kind().documents())
        engines.append(engine)
        return engine

    yield index
    for engine in engines:
        engine.drop()


def titles(result):
    return [action.title for action in result.actions]


def test_a_hit_the_database_no_longer_allows_is_never_shown(action_index, indexed):
    kept, unpublished, private = (
        ActionPageFactory(parent=action_index, title=f"Garten {name}")
        for name in ("bleibt", "zurückgezogen", "privat")
    )
    engine = indexed()
    # Behind the index's back: no signal queues these changes, so the index still holds all three.
    Page.objects.filter(pk=unpublished.pk).update(live=False)
    PageViewRestriction.objects.bulk_create([PageViewRestriction(page=private, restriction_type="login")])

    result = search_actions(ActionQuery(text="Garten"), engine=engine)

    assert engine.count() == 3
    assert titles(result) == ["Garten bleibt"]


def test_results_carry_their_taxonomy_from_the_database(action_index, region, indexed):
    fields = list(FieldOfAction.objects.all()[:2])
    sdgs = list(SDG.objects.filter(number__in=[13, 2]))
    resources = list(Resource.objects.filter(slug__in=["money", "time"]))
    ActionPageFactory(
        parent=action_index,
        title="Lastenrad",
        taxonomy__fields=fields,
        taxonomy__sdgs=sdgs,
        taxonomy__resources=resources,
    )
    engine = indexed()

    action = search_actions(ActionQuery(), engine=engine).actions[0]
    expected = ActionPage.objects.get(title="Lastenrad")

    with CaptureQueriesContext(connection) as queries:
        shown = (
            list(action.fields_of_action.all()),
            list(action.sdgs.all()),
            list(action.resources.all()),
            list(action.sdgs.filter(number=13)),
        )
    assert shown == (
        list(expected.fields_of_action.all()),
        list(expected.sdgs.all()),
        list(expected.resources.all()),
        [SDG.objects.get(number=13)],
    )
    assert len(queries) == 0


def test_queries_per_search_do_not_grow_with_the_results(action_index, indexed):
    fields = list(FieldOfAction.objects.all())
    for number in range(25):
        ActionPageFactory(
            parent=action_index,
            title=f"Aktion {number}" if number else "Einzelstück",
            taxonomy__fields=fields[: 1 + number % len(fields)],
            taxonomy__resources=list(Resource.objects.all()[: 1 + number % 3]),
        )
    engine = indexed()
    search_actions(ActionQuery(), engine=engine)  # the taxonomy is cached from here on

    counts = []
    for text in ("Einzelstück", ""):  # one result, then a full page of 20
        with CaptureQueriesContext(connection) as queries:
            result = search_actions(ActionQuery(text=text), engine=engine)
            for action in result.actions:  # what a result card and the API read
                list(action.fields_of_action.all()), list(action.sdgs.all()), list(action.resources.all())
        counts.append(len(queries))

    assert len(result.actions) == 20
    assert counts[0] == counts[1]
    # The queue check, the pages, their taxonomy links (and Wagtail's view restrictions for public()).
    assert counts[1] <= 4


def test_a_renamed_field_and_a_new_region_show_at_once(
    action_index, region_index, django_capture_on_commit_callbacks
):
    ActionPageFactory(parent=action_index, title="Lastenrad")
    search_actions(ActionQuery())  # caches the taxonomy

    field = FieldOfAction.objects.first()
    with django_capture_on_commit_callbacks(execute=True):
        field.name = "Mobilität und Energie"
        field.save()
        region = RegionPageFactory(parent=region_index, title="Oberland", slug="oberland")

    result = search_actions(ActionQuery())
    labels = {option.value: option.label for facet in result.facets for option in facet.options}
    assert labels[field.slug] == "Mobilität und Energie"
    assert labels["oberland"] == "Oberland"
    assert [f.name for f in result.actions[0].fields_of_action.all()] == ["Mobilität und Energie"]
    assert parse_query(QueryDict("region=oberland")).filters == {"region": ("oberland",)}

    with django_capture_on_commit_callbacks(execute=True):
        region.unpublish()
    assert "oberland" not in {o.value for o in search_actions(ActionQuery()).facets[-1].options}


def test_same_query_shows_an_update_as_soon_as_the_index_is_refreshed(action_index, indexed):
    """The engine may cache whole search requests; a refresh that changed the index must invalidate them."""
    page = ActionPageFactory(parent=action_index, title="Saatgut tauschen")
    engine = indexed()
    query = ActionQuery(text="Saatgut")
    assert [search_actions(query, engine=engine).total for _ in range(2)] == [1, 1]

    engine.delete([page.pk])
    engine.refresh()
    assert engine.search(query).total == 0

    engine.index([indexed_kind().document_of(ActionPage.objects.get(pk=page.pk))])
    engine.refresh()
    assert engine.search(query).total == 1


def test_streamed_documents_equal_the_documents_of_single_pages(action_index, region):
    for number in range(5):
        page = ActionPageFactory(
            parent=action_index,
            title=f"Äpfel ernten {number}",
            taxonomy__fields=list(FieldOfAction.objects.all()[: number + 1]),
            taxonomy__sdgs=list(SDG.objects.all()[number : number + 3]),
        )
        if number % 2:
            page.regions.set([region])
            page.save()

    streamed = list(indexed_kind().documents(indexable_actions(), chunk_size=2))

    assert streamed == [indexed_kind().document_of(page) for page in indexable_actions()]
    assert any(doc["regions"] == [region.slug] for doc in streamed)


def test_rebuild_puts_the_index_settings_back(action_index, indexed):
    ActionPageFactory(parent=action_index)
    engine = indexed()

    index = next(iter(engine.client.indices.get_alias(name=engine.alias)))
    settings = engine.client.indices.get_settings(index=index)[index]["settings"]["index"]

    assert settings.get("refresh_interval") != "-1"
    assert engine.count() == 1


def test_a_result_linked_to_a_field_the_cached_taxonomy_lacks_shows_it(action_index):
    page = ActionPageFactory(parent=action_index, title="Lastenrad")
    search_actions(ActionQuery())  # caches the taxonomy
    # Behind the cache's back (no signal): a new field of action, linked to the action.
    (field,) = FieldOfAction.objects.bulk_create(
        [FieldOfAction(name="Mobilität", slug="mobilitaet", colour="#123456")]
    )
    ActionPage.fields_of_action.through.objects.bulk_create(
        [ActionPage.fields_of_action.through(actionpage_id=page.pk, fieldofaction_id=field.pk)]
    )

    result = search_actions(ActionQuery())

    assert "Mobilität" in [f.name for f in result.actions[0].fields_of_action.all()]
    assert "mobilitaet" in [option.value for option in result.facets[0].options]
