"""An event belongs to one or more regions: ``EventPage.region`` (a foreign key) becomes ``EventPage.regions``;
and an event may keep a short ``outcome`` for the history of its regions.

Every event keeps its region as its only one, in the pages and in their stored revisions (so that a revision
saved before this change still has its region when an editor reverts to it or publishes it). Going back keeps
the first of an event's regions by title, as the API's deprecated ``region`` field does.
"""

import modelcluster.fields
from django.db import migrations, models

BATCH = 500


def _event_revisions(apps, schema_editor):
    """The stored revisions of events. Wagtail saves a page's revisions with ``base_content_type`` Page and
    ``content_type`` the specific type, so they are found by ``content_type``."""
    alias = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.db_manager(alias).filter(app_label="events", model="eventpage").first()
    if content_type is None:
        return Revision.objects.using(alias).none()
    return Revision.objects.using(alias).filter(content_type=content_type)


def copy_region_to_regions(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    Through = EventPage.regions.through
    Through.objects.using(schema_editor.connection.alias).bulk_create(
        [
            Through(eventpage_id=event_id, regionpage_id=region_id)
            for event_id, region_id in EventPage.objects.using(schema_editor.connection.alias).filter(region__isnull=False).values_list("pk", "region_id")
        ],
        ignore_conflicts=True,
    )
    changed = []
    for revision in _event_revisions(apps, schema_editor).iterator():
        content = revision.content or {}
        if "regions" in content:
            continue
        region = content.pop("region", None)
        content["regions"] = [region] if region else []
        revision.content = content
        changed.append(revision)
    apps.get_model("wagtailcore", "Revision").objects.using(schema_editor.connection.alias).bulk_update(
        changed, ["content"], batch_size=BATCH
    )


def keep_first_region(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    RegionPage = apps.get_model("regions", "RegionPage")
    titles = dict(RegionPage.objects.using(schema_editor.connection.alias).values_list("pk", "title"))
    first = {}
    for event_id, region_id in EventPage.regions.through.objects.using(schema_editor.connection.alias).values_list("eventpage_id", "regionpage_id"):
        key = (titles.get(region_id, ""), region_id)
        if event_id not in first or key < first[event_id]:
            first[event_id] = key
    for event_id, (_title, region_id) in first.items():
        EventPage.objects.using(schema_editor.connection.alias).filter(pk=event_id).update(region_id=region_id)
    changed = []
    for revision in _event_revisions(apps, schema_editor).iterator():
        content = revision.content or {}
        if "regions" not in content:
            continue
        regions = [pk for pk in content.pop("regions") or [] if pk in titles]
        content["region"] = min(regions, key=lambda pk: (titles[pk], pk)) if regions else None
        revision.content = content
        changed.append(revision)
    apps.get_model("wagtailcore", "Revision").objects.using(schema_editor.connection.alias).bulk_update(
        changed, ["content"], batch_size=BATCH
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0009_fill_event_dates"),
        ("regions", "0016_co_owners"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventpage",
            name="outcome",
            field=models.TextField(
                blank=True,
                help_text="What came out of the event, in a few sentences: shown in the history of its regions.",
                max_length=600,
                verbose_name="Outcome",
            ),
        ),
        migrations.AddField(
            model_name="eventpage",
            name="regions",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                help_text="The event shows on the page, in the lists and in the calendar of each region.",
                related_name="+",
                to="regions.regionpage",
                verbose_name="Regions",
            ),
        ),
        migrations.RunPython(copy_region_to_regions, keep_first_region, elidable=False),
        migrations.RemoveField(model_name="eventpage", name="region"),
        migrations.AlterField(
            model_name="eventpage",
            name="regions",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                help_text="The event shows on the page, in the lists and in the calendar of each region.",
                related_name="events",
                to="regions.regionpage",
                verbose_name="Regions",
            ),
        ),
    ]
