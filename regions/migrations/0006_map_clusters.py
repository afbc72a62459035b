"""The map's stored clusters (regions.map.clusters): MapPoint and MapCell, filled for the existing entries.

The data step runs ``regions.map.clusters.rebuild`` with this migration's historical models, as
``manage.py rebuild_map_clusters`` does with the current ones.
"""

from django.db import migrations, models

from regions.map import clusters


def fill(apps, schema_editor):
    clusters.rebuild(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("regions", "0005_initiative_coordinates"),
        ("members", "0002_profile_and_roles"),
    ]

    operations = [
        migrations.CreateModel(
            name="MapCell",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("layer", models.CharField(max_length=20)),
                ("level", models.SmallIntegerField()),
                ("x", models.IntegerField()),
                ("y", models.IntegerField()),
                ("fields_key", models.CharField(max_length=255)),
                ("count", models.IntegerField()),
                ("sum_lat", models.FloatField()),
                ("sum_lng", models.FloatField()),
                ("west", models.FloatField()),
                ("south", models.FloatField()),
                ("east", models.FloatField()),
                ("north", models.FloatField()),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("layer", "level", "x", "y", "fields_key"), name="map_cell_unique"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="MapPoint",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("layer", models.CharField(max_length=20)),
                ("object_id", models.BigIntegerField()),
                ("latitude", models.FloatField()),
                ("longitude", models.FloatField()),
                ("fields_key", models.CharField(max_length=255)),
                ("name", models.CharField(blank=True, max_length=160)),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["layer", "latitude", "longitude", "fields_key"], name="map_point_box_idx"
                    ),
                    models.Index(
                        fields=["layer", "fields_key", "latitude", "longitude"], name="map_point_cell_idx"
                    ),
                    models.Index(
                        fields=["layer", "name", "object_id", "fields_key"], name="map_point_list_idx"
                    ),
                ],
                "constraints": [
                    models.UniqueConstraint(fields=("layer", "object_id"), name="map_point_unique")
                ],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
    ]
