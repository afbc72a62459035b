"""Initiatives entered before the form asked for a position get one from their address where we know the place
(``regions.map.places.locate``: a German town or village, or coordinates). The others stay off the map until
their owners or the regional team set a point."""

from django.db import migrations

from regions.map import clusters
from regions.map.places import locate


def locate_initiatives(apps, schema_editor):
    Initiative = apps.get_model("regions", "Initiative")
    unplaced = Initiative.objects.filter(location="").exclude(address="")
    placed = 0
    for initiative in unplaced.only("pk", "address").iterator():
        place = locate(initiative.address)
        if place is None:
            continue
        lat, lng = round(place.lat, 5), round(place.lng, 5)
        Initiative.objects.filter(pk=initiative.pk).update(
            location=f"SRID=4326;POINT({lng} {lat})", latitude=lat, longitude=lng
        )
        placed += 1
    if placed:  # the map's stored points and clusters (regions.map.clusters) follow
        clusters.rebuild((clusters.INITIATIVES,), apps=apps)


class Migration(migrations.Migration):
    dependencies = [("regions", "0012_initiative_profile")]

    operations = [migrations.RunPython(locate_initiatives, migrations.RunPython.noop)]
