"""The index follows publishing, and nothing is lost while the engine is down (needs OpenSearch)."""

import threading

from django.http import QueryDict

from wagtail.models import PageViewRestriction

import pytest

from actions.search import indexable_actions
from adoptions.models import Adoption, AdoptionStatus
from home.models import FieldOfAction
from search.engines import get_engine
from search.kinds import indexed_kind
from search.models import PendingIndexChange
from search.queries import ActionQuery, parse_query
from search.service import search_actions
from search.verify import find_drift
from tests.actions.factories import ActionPageFactory
from tests.search.helpers import publish

pytestmark = pytest.mark.django_db
CLOSED_PORT_URL = "opensearch://127.0.0.1:9"


@pytest.fixture
def live_engine(settings, server_engine_url, unique_alias):
    """The configured engine is a fresh OpenSearch index for this test."""
    settings.SEARCH_URL = server_engine_url
    settings.SEARCH_INDEX_PREFIX = unique_alias.removesuffix("-actions")
    engine = get_engine()
    engine.rebuild([])
    yield engine
    engine.drop()


def found(text="", **filters):
    params = QueryDict(mutable=True)
    if text:
        params["q"] = text
    for key, values in filters.items():
        params.setlist(key, values)
    return [action.title for action in search_actions(parse_query(params)).actions]


def test_published_action_is_found_within_one_refresh(action_index, live_engine):
    publish(ActionPageFactory(parent=action_index, title="Balkonkraftwerke bestellen"))
    live_engine.refresh()

    assert found("Balkonkraftwerke") == ["Balkonkraftwerke bestellen"]
    assert live_engine.count() == 1


def test_unpublished_deleted_and_private_actions_disappear(
    action_index, live_engine, django_capture_on_commit_callbacks
):
    unpublished, deleted, private = (
        publish(ActionPageFactory(parent=action_index, title=f"Aktion {name}"))
        for name in ("Eins", "Zwei", "Drei")
    )
    with django_capture_on_commit_callbacks(execute=True):
        unpublished.unpublish()
        deleted.delete()
        PageViewRestriction.objects.create(page=private, restriction_type="login")
    live_engine.refresh()

    assert live_engine.count() == 0
    assert found("Aktion") == []


def test_renamed_field_of_action_shows_its_new_label_and_slug(
    action_index, live_engine, django_capture_on_commit_callbacks
):
    field = FieldOfAction.objects.get(slug="energie-und-verkehr")
    publish(ActionPageFactory(parent=action_index, title="Lastenrad", taxonomy__fields=[field]))

    with django_capture_on_commit_callbacks(execute=True):
        field.name, field.slug = "Energie und Mobilität", "energie-und-mobilitaet"
        field.save()
    live_engine.refresh()

    result = search_actions(parse_query(QueryDict("field=energie-und-mobilitaet")))
    assert [action.title for action in result.actions] == ["Lastenrad"]
    options = {o.value: (o.label, o.count) for o in result.facets[0].options}
    assert options["energie-und-mobilitaet"] == ("Energie und Mobilität", 1)
    assert find_drift(live_engine).clean


def test_engine_down_publish_succeeds_queue_keeps_it_and_replay_repairs(
    settings, action_index, live_engine, server_engine_url
):
    settings.SEARCH_URL = CLOSED_PORT_URL  # the engine "stops"
    page = publish(ActionPageFactory(parent=action_index, title="Reparatur-Treff"))

    assert page.live
    assert list(PendingIndexChange.objects.values_list("action_id", flat=True)) == [page.pk]
    fallback = search_actions(ActionQuery(text="Reparatur"))
    assert fallback.degraded and [a.title for a in fallback.actions] == ["Reparatur-Treff"]

    settings.SEARCH_URL = server_engine_url  # the engine is back
    result = search_actions(ActionQuery())  # replays the queue first
    live_engine.refresh()

    assert not result.degraded
    assert PendingIndexChange.objects.count() == 0
    assert find_drift(live_engine).clean
    assert found("Reparatur") == ["Reparatur-Treff"]


def test_rebuild_under_concurrent_searches_never_fails_or_comes_back_empty(
    action_index, live_engine, pool_of_30
):
    live_engine.rebuild(indexed_kind().document_of(page) for page in indexable_actions())
    failures, totals, stop = [], [], threading.Event()

    def search_loop():
        while not stop.is_set():
            try:
                totals.append(live_engine.search(ActionQuery()).total)
            except Exception as error:  # any failure is what this test looks for
                failures.append(error)

    thread = threading.Thread(target=search_loop)
    thread.start()
    try:
        for _ in range(3):
            live_engine.rebuild(indexed_kind().document_of(page) for page in indexable_actions())
    finally:
        stop.set()
        thread.join()

    assert failures == []
    assert len(totals) > 10
    assert set(totals) == {30}


@pytest.fixture
def pool_of_30(action_index):
    return [ActionPageFactory(parent=action_index) for _ in range(30)]


def test_pool_page_says_results_may_be_incomplete_while_the_engine_is_down(settings, client, action_index):
    ActionPageFactory(parent=action_index, title="Repair-Café")
    settings.SEARCH_URL = CLOSED_PORT_URL

    response = client.get(action_index.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Repair-Café" in html
    assert "möglicherweise unvollständig" in html


def test_index_commands_rebuild_verify_fix_and_status(action_index, live_engine):
    from io import StringIO

    from django.core.management import CommandError, call_command

    pages = [ActionPageFactory(parent=action_index) for _ in range(3)]
    call_command("search_index", "rebuild", stdout=StringIO())
    assert live_engine.count() == 3

    live_engine.delete([pages[0].pk])  # drift: one document lost
    live_engine.index([{"id": 999999, "title": "Geist"}])  # and one that should not be there
    live_engine.refresh()
    with pytest.raises(CommandError, match="weicht ab"):
        call_command("search_index", "verify", stdout=StringIO())
    call_command("search_index", "verify", "--fix", stdout=StringIO())
    assert find_drift(live_engine).clean

    status = StringIO()
    call_command("search_index", "status", stdout=status)
    assert "Dokumente:      3" in status.getvalue()
    assert "Warteschlange:  0" in status.getvalue()


def test_a_confirmed_report_reaches_the_region_facet_and_a_declined_one_leaves_it(
    action_index, region, live_engine, django_capture_on_commit_callbacks
):
    action = publish(ActionPageFactory(parent=action_index, title="Repair-Café eröffnen"))
    live_engine.refresh()
    assert found(region=[region.slug]) == []

    with django_capture_on_commit_callbacks(execute=True):
        report = Adoption.objects.create(action=action, region=region, status=AdoptionStatus.CONFIRMED)
    live_engine.refresh()
    assert found(region=[region.slug]) == ["Repair-Café eröffnen"]

    with django_capture_on_commit_callbacks(execute=True):
        report.status = AdoptionStatus.DECLINED
        report.save()
    live_engine.refresh()
    assert found(region=[region.slug]) == []
    assert find_drift(live_engine).clean
