"""``manage.py rebuild_map_clusters``: recompute the network map's stored clusters from the entries."""

import time

from django.core.management.base import BaseCommand

from regions.map import clusters


class Command(BaseCommand):
    help = (
        "Recompute the network map's stored points and clusters (regions.map.clusters) from the approved "
        "initiatives and the member cards, in one transaction. Needed after writes that bypass save() "
        "(bulk_create, QuerySet.update); the site keeps them up to date on every other change."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--layer",
            action="append",
            choices=clusters.STORED_LAYERS,
            help="only this layer (repeatable; default: both)",
        )

    def handle(self, *args, layer=None, **options):
        started = time.perf_counter()
        counted = clusters.rebuild(tuple(layer) if layer else clusters.STORED_LAYERS)
        for name, count in counted.items():
            self.stdout.write(f"{name}: {count} entries")
        self.stdout.write(f"Map clusters rebuilt in {time.perf_counter() - started:.1f} s.")
