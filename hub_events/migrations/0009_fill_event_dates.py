"""One EventDate row per existing event: none repeats yet, so its date is its start and end."""

from django.db import migrations


def fill(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    EventDate = apps.get_model("events", "EventDate")
    events = EventPage.objects.filter(dates__isnull=True).values_list("pk", "start", "end")
    EventDate.objects.bulk_create(
        (EventDate(event_id=pk, start=start, end=end) for pk, start, end in events.iterator()),
        batch_size=500,
    )


class Migration(migrations.Migration):
    dependencies = [("events", "0008_recurring_events")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
