"""The English locale, kept in step with the German tree by wagtail-localize ("Sync from": German).

The pages themselves are aliased by ``wagtail_localize.synctree`` when an editor creates a page and by the demo
loader; a migration only records the setting (its historical models send no signal that would start a sync).
"""

from django.db import migrations


def create_english_locale(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    german, _ = Locale.objects.get_or_create(language_code="de")
    english, _ = Locale.objects.get_or_create(language_code="en")
    LocaleSynchronization.objects.get_or_create(locale=english, defaults={"sync_from": german})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_english_source_strings"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(create_english_locale, migrations.RunPython.noop)]
