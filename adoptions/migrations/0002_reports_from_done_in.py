"""The regions editors had ticked as "Already done here" become confirmed reports (by nobody in particular), so
the action pages keep showing them and the team can take one back. The search engine learns of the (unchanged
German) regions with the next ``search_index rebuild``; the database engine reads them directly."""

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
    # Every language's page of an action now names the German regions of its reports, as
    # ``adoptions.done_in.refresh_action`` keeps them (an English page may have pointed elsewhere).
    by_action = {}
    for action, region in pairs:
        by_action.setdefault(action, set()).add(region)
    Link = ActionPage.regions.through
    Link.objects.all().delete()
    Link.objects.bulk_create(
        [
            Link(actionpage_id=page_pk, regionpage_id=region)
            for page_pk, key in ActionPage.objects.values_list("pk", "translation_key")
            for action_pk in [actions.get(key)]
            if action_pk in by_action
            for region in sorted(by_action[action_pk])
        ]
    )


class Migration(migrations.Migration):
    dependencies = [("adoptions", "0001_initial"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(copy_done_in, migrations.RunPython.noop)]
