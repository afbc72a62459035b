"""Initiative.latitude/longitude: numeric copies of ``location`` for the map's bounding-box queries.

The data step fills them for existing rows. It parses the stored ``SRID=4326;POINT(lng lat)`` itself rather
than importing the app's helper, so this migration keeps working whatever later becomes of that code.
"""

import math
import re

from django.db import migrations, models

POINT = re.compile(
    r"POINT\s*\(\s*([-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s+([-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*\)",
    re.IGNORECASE,
)
BATCH = 1000


def parse(location):
    match = POINT.search(location or "")
    if not match:
        return None, None
    lng, lat = float(match[1]), float(match[2])
    if not (math.isfinite(lat) and math.isfinite(lng) and -90 <= lat <= 90 and -180 <= lng <= 180):
        return None, None
    return lat, lng


def fill_coordinates(apps, schema_editor):
    Initiative = apps.get_model("regions", "Initiative")
    changed = []
    for initiative in (
        Initiative.objects.exclude(location="").only("pk", "location").iterator(chunk_size=BATCH)
    ):
        initiative.latitude, initiative.longitude = parse(initiative.location)
        if initiative.latitude is not None:
            changed.append(initiative)
    Initiative.objects.bulk_update(changed, ["latitude", "longitude"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("regions", "0004_initiative_review_note"),
    ]

    operations = [
        migrations.AddField(
            model_name="initiative",
            name="latitude",
            field=models.FloatField(blank=True, editable=False, null=True, verbose_name="Breitengrad"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="longitude",
            field=models.FloatField(blank=True, editable=False, null=True, verbose_name="Längengrad"),
        ),
        migrations.AddIndex(
            model_name="initiative",
            index=models.Index(
                fields=["approval_status", "latitude", "longitude"], name="initiative_map_idx"
            ),
        ),
        migrations.RunPython(fill_coordinates, migrations.RunPython.noop, elidable=True),
    ]
