"""Stored revisions and translation sources of actions lose their "regions": the field is no longer part of a
page's content (0006: a plain relation kept by the adoptions app), and loading a revision that still names it
fails (Django refuses to assign a many-to-many relation in a constructor)."""

import json

from django.db import migrations


def drop_regions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    action_type = ContentType.objects.filter(app_label="actions", model="actionpage").first()
    if action_type is None:
        return  # a database without actions yet
    for revision in Revision.objects.filter(content_type=action_type).iterator():
        if "regions" in revision.content:
            del revision.content["regions"]
            revision.save(update_fields=["content"])
    for source in TranslationSource.objects.filter(specific_content_type=action_type).iterator():
        content = json.loads(source.content_json)
        if "regions" in content:
            del content["regions"]
            source.content_json = json.dumps(content)
            source.save(update_fields=["content_json"])


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0006_regions_from_reports"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(drop_regions, migrations.RunPython.noop)]
