"""The regions editors had ticked as "Already done here" become confirmed reports (by nobody in particular), so
the action pages keep showing them and the team can take one back."""

from django.db import migrations
from django.utils import timezone


def copy_done_in(apps, schema_editor):
    ActionPage = apps.get_model("actions", "ActionPage")
    RegionPage = apps.get_model("regions", "RegionPage")
    Adoption = apps.get_model("adoptions", "Adoption")
    Locale = apps.get_model("wagtailcore", "Locale")
    german = Locale.objects.filter(language_code="de").first()
    if german is None:
        return  # an empty database: nothing was ticked
    actions = {key: pk for key, pk in ActionPage.objects.filter(locale=german).values_list("translation_key", "pk")}
    regions = {key: pk for key, pk in RegionPage.objects.filter(locale=german).values_list("translation_key", "pk")}
    links = ActionPage.regions.through.objects.values_list("actionpage__translation_key", "regionpage__translation_key")
    pairs = {(actions[a], regions[r]) for a, r in links if a in actions and r in regions}
    now = timezone.now()
    Adoption.objects.bulk_create(
        [
            Adoption(action_id=action, region_id=region, status="confirmed", decided_at=now)
            for action, region in sorted(pairs)
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [("adoptions", "0001_initial"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(copy_done_in, migrations.RunPython.noop)]
