"""Initiatives entered before the form asked for a position get one from their address where we know the place
(a German town or village it names; ``regions.map.places``). The others stay off the map until
their owners or the regional team set a point."""

from django.db import migrations

from regions.map import clusters
from regions.map.places import find_city


def _town(part):
    """The part of an address without a leading German postcode ("48143 Münster" → "Münster")."""
    words = part.split()
    return " ".join(words[1:] if words and words[0].isdigit() and len(words[0]) == 5 else words)


def locate_initiatives(apps, schema_editor):
    Initiative = apps.get_model("regions", "Initiative")
    unplaced = Initiative.objects.filter(location="").exclude(address="")
    placed = 0
    for initiative in unplaced.only("pk", "address").iterator():
        # A town or village named in the address, never coordinates typed into it: those entries were made
        # before the form said the position becomes public, so they get the town's centre at most.
        place = next(
            (found for part in reversed(initiative.address.split(",")) if (found := find_city(_town(part)))), None
        )
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
