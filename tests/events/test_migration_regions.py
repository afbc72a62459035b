"""Migration 0010 (``region`` becomes ``regions``) rewrites the stored revisions of events too, both ways, so
that publishing or reverting to a draft saved before the change keeps its region.

Wagtail stores a page's revisions with ``base_content_type`` Page and ``content_type`` the specific type."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import Revision

import pytest

from hub_events.models import EventPage

BEFORE = [("events", "0009_fill_event_dates")]
AFTER = [("events", "0010_event_regions")]


def migrate(targets):
    """Migrate the test database to ``targets``; the historical models there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_old_revisions_get_their_region_as_regions(make_event, region, other_region, editor):
    event = make_event(title="Altes Treffen", parent=region, regions=[region])
    event.title = "Altes Treffen, Entwurf"
    draft = event.save_revision(user=editor)
    try:
        old = migrate(BEFORE)
        OldRevision = old.get_model("wagtailcore", "Revision")
        # Going back, the revision gets its region back as the single ``region``.
        reverted = OldRevision.objects.get(pk=draft.pk)
        assert reverted.content.get("region") == region.pk
        assert "regions" not in reverted.content

        migrate(AFTER)
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    content = Revision.objects.get(pk=draft.pk).content
    assert content["regions"] == [region.pk]
    assert "region" not in content
    # Publishing the old draft keeps its region.
    Revision.objects.get(pk=draft.pk).publish()
    published = EventPage.objects.get(pk=event.pk)
    assert (published.title, list(published.regions.all())) == ("Altes Treffen, Entwurf", [region])
