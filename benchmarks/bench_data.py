"""What every benchmark's data sets share: one database per size, and a home page at the site root.

Import it after ``django.setup()``, as the benchmark scripts do with their other project imports.
"""

from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from wagtail.models import Page, Site

from home.models import HomePage


def use_data_set(base, size):
    """Point the default connection at the database of a data set of ``size`` items and migrate it.

    ``base`` is the database name from DATABASE_URL; the data set's name is derived from it (SQLite:
    ``<stem>-<size>.sqlite3`` beside it; other vendors: ``<name>_<size>``, which must exist).
    """
    if connection.vendor == "sqlite":
        path = Path(base)
        path.parent.mkdir(parents=True, exist_ok=True)
        name = str(path.with_name(f"{path.stem}-{size}{path.suffix}"))
    else:
        name = f"{base}_{size}"
    connection.close()
    connection.settings_dict["NAME"] = name
    ContentType.objects.clear_cache()  # content type ids and cached pages belong to the previous database
    cache.clear()
    print(f"  migrating {name} …")
    call_command("migrate", verbosity=0, interactive=False)
    return name


def home_page():
    """The HomePage at the default site's root, created when missing."""
    home = HomePage.objects.first()
    if home is None:
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Startseite", slug="bench-start", hero_title="Mitmach-Hub Benchmark")
        )
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Benchmark"},
        )
    return home
