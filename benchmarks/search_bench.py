"""Benchmark the action search: ``.venv/bin/python benchmarks/search_bench.py [options]``.

Options: ``--actions 10000`` (data set for the server engines), ``--db-actions 2000`` (data set for the
database engine), ``--queries 300``, ``--engines database,opensearch``, ``--opensearch-url
opensearch://127.0.0.1:9201``.

Data sets. Every size lives in its own database, so the dev database is never touched and the database
engine is measured on exactly ``--db-actions`` actions (not on a bigger table with some pages hidden):
``DATABASE_URL`` defaults to ``sqlite:///var/bench/actions.sqlite3`` and a data set of N actions uses
``var/bench/actions-N.sqlite3`` (for another vendor the database name gets ``_N``; that database must exist).
The files are kept between runs; a run only creates the actions that are missing. Action i is always the
same (one ``random.Random(42)`` stream), so the first 2,000 of the 10,000 set equal the 2,000 set.

Fast page creation. The actions are real ``ActionPage`` rows, exactly the ones ``parent.add_child()``
would write (same tree paths, depth, url_path, draft title, locale; the pool's ``numchild`` kept up), but
inserted in bulk, 500 per transaction, without revisions: ``add_child()`` saves page by page, several queries
each, so 100,000 actions took hours on a busy machine, in bulk they take about a minute. Nothing is
saved through ``save()``, so neither modelsearch's per-page index update nor Wagtail's reference index runs.
Taxonomy rows go in with ``bulk_create`` on the ``.through`` models, and Wagtail's database search index
(the database engine's full text) is filled once at the end with the backend's bulk API (``add_bulk``), for
every action that has no index entry yet.

``SEARCH_URL`` is forced empty, so Wagtail's search backend is the database one and nothing is queued for
a server engine: the benchmark hands each engine to ``search_actions`` itself. ``DEBUG`` is switched off
after setup, as in production (with it on, Django logs every SQL query).
"""

# ruff: noqa: E402 -- Django has to be set up before the project's modules are imported.

import argparse
import json
import logging
import os
import random
import statistics
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench' / 'actions.sqlite3'}")
os.environ["SEARCH_URL"] = ""

import django

django.setup()

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F

from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

import bench_data

from actions.models import ActionIndexPage, ActionPage
from actions.search import FACETS
from home.models import SDG, FieldOfAction, Level, Resource
from search.engines import engine_from_url
from search.engines.database import DatabaseEngine
from search.engines.dsl import SEARCH_PARAMS, search_body
from search.kinds import indexed_kind
from search.queries import SORTS, ActionQuery
from search.service import PageOutOfRange, search_actions

settings.DEBUG = False

SEED = 42
WARMUP = 20
BATCH = 500  # actions per transaction, and how often progress is printed
INDEX_CHUNK = 1000
BENCH_ALIAS = "bench-actions"
ENGINES = ("database", "opensearch")
OLDEST = datetime(2023, 1, 1, tzinfo=UTC)
# Wagtail logs every page created, django-tasks every task, opensearch-py a failed ping with a traceback;
# the benchmark reports progress and reachability itself.
QUIET_LOGGERS = {"wagtail": logging.WARNING, "django_tasks": logging.WARNING, "opensearch": logging.ERROR}

ADJECTIVES = [
    "offene", "gemeinsame", "kleine", "grüne", "faire", "regionale", "mobile", "lebendige",
    "nachhaltige", "bunte", "solidarische", "kostenlose", "saisonale", "digitale",
]  # fmt: skip
FORMATS = [
    "Werkstatt", "Tauschbörse", "Pflanzaktion", "Sammelaktion", "Reparaturtreff", "Stammtisch",
    "Rundgang", "Projektwoche", "Kampagne", "Sprechstunde", "Mitmachbörse", "Erzählcafé",
]  # fmt: skip
NOUNS = [
    "Nachbarschaft", "Garten", "Fahrrad", "Energie", "Klima", "Schule", "Markt", "Bibliothek",
    "Quartier", "Bäume", "Wasser", "Kleidung", "Lebensmittel", "Saatgut", "Solaranlage", "Bienen",
    "Spielplatz", "Dorfplatz", "Kompost", "Mobilität", "Kultur", "Jugend", "Wiese", "Streuobst",
]  # fmt: skip
VERBS = [
    "pflanzen", "reparieren", "teilen", "sammeln", "tauschen", "retten", "bauen", "erkunden",
    "gestalten", "schützen", "lernen", "kochen", "messen", "verschenken",
]  # fmt: skip
SEARCH_WORDS = NOUNS + VERBS
# Body text is mostly filler, so a search word matches the actions that are about it, not half the pool.
FILLER = [
    "wir", "treffen", "uns", "jeden", "Monat", "mit", "allen", "die", "Lust", "haben", "Zeit", "Material",
    "bringen", "Ideen", "Ort", "Verein", "Stadt", "Gemeinde", "Menschen", "Nachbarinnen", "gemeinsam",
    "planen", "Termin", "Einladung", "Plakat", "Presse", "helfen", "Erfahrung", "Tipps", "Ablauf", "danach",
    "wieder", "offen", "einfach", "kleine", "Gruppe", "Kaffee", "Kuchen", "Samstag", "Herbst", "Frühjahr",
]  # fmt: skip

# The aims from the issue: (label, engine, data set size, figure, limit, unit).
AIMS = [
    ("p95 full call", "opensearch", 10_000, lambda m: m.percentile("full", 95), 50, "ms"),
    ("p95 full call", "database", 2_000, lambda m: m.percentile("full", 95), 200, "ms"),
    ("rebuild", "opensearch", 10_000, lambda m: m.rebuild_s, 60, "s"),
    ("p95 full call", "opensearch", 100_000, lambda m: m.percentile("full", 95), 40, "ms"),
    ("rebuild", "opensearch", 100_000, lambda m: m.rebuild_s, 45, "s"),
]


# --- Arguments ----------------------------------------------------------------------------------------


def positive(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def engine_list(text):
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = sorted(set(names) - set(ENGINES))
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(ENGINES)}; unknown: {', '.join(unknown)}")
    return list(dict.fromkeys(names))


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Benchmark the action search engines.")
    parser.add_argument("--actions", type=positive, default=10_000, help="data set of the server engines")
    parser.add_argument("--db-actions", type=positive, default=2_000, help="data set of the database engine")
    parser.add_argument("--queries", type=positive, default=300, help="measured queries per engine")
    parser.add_argument("--engines", type=engine_list, default=list(ENGINES), help="comma-separated")
    parser.add_argument("--opensearch-url", default="opensearch://127.0.0.1:9201")
    args = parser.parse_args(argv)
    if urlsplit(args.opensearch_url).scheme not in ("opensearch", "opensearchs"):
        parser.error(
            f"--opensearch-url must start with opensearch:// or opensearchs://, not {args.opensearch_url!r}"
        )
    return args


# --- Data sets ----------------------------------------------------------------------------------------


def action_pool():
    """The ActionIndexPage under the HomePage at the site root, created when missing."""
    home = bench_data.home_page()
    pool = ActionIndexPage.objects.first()
    if pool is None:
        pool = home.add_child(instance=ActionIndexPage(title="Aktions-Pool", slug="aktionen"))
    return pool


@dataclass
class ActionSpec:
    """Everything random about one action."""

    title: str
    summary: str
    body: str
    effort: str
    impact: str
    published: datetime
    fields: list
    sdgs: list
    resources: list


def action_specs(count, taxonomy):
    """The first ``count`` actions of the seeded stream; action i is the same in every data set."""
    rng = random.Random(SEED)
    levels = [level.value for level in Level]
    for _ in range(count):
        noun, other = rng.sample(NOUNS, 2)
        verb, other_verb = rng.sample(VERBS, 2)
        yield ActionSpec(
            title=f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(FORMATS)}: {noun} {verb}",
            summary=(
                f"Gemeinsam {noun} {verb} und {other} {other_verb}. "
                f"Eine {rng.choice(ADJECTIVES)} Idee für {rng.choice(NOUNS)} und {rng.choice(NOUNS)}."
            ),
            body=" ".join([noun, verb, *(rng.choice(FILLER) for _ in range(40))]),
            effort=rng.choice(levels),
            impact=rng.choice(levels),
            published=OLDEST + timedelta(minutes=rng.randrange(3 * 365 * 24 * 60)),
            fields=rng.sample(taxonomy["fields"], rng.randint(1, 2)),
            sdgs=rng.sample(taxonomy["sdgs"], rng.randint(1, 4)),
            resources=rng.sample(taxonomy["resources"], rng.randint(1, 3)),
        )


def new_action(pool, position, number, spec, content_type):
    """The ActionPage ``add_child()`` would make as the pool's child number ``position``, not yet saved."""
    slug = f"aktion-{number}"
    return ActionPage(
        title=spec.title,
        draft_title=spec.title,
        slug=slug,
        summary=spec.summary,
        body=[{"type": "paragraph", "value": f"<p>{spec.body}</p>"}],
        effort=spec.effort,
        impact=spec.impact,
        first_published_at=spec.published,
        last_published_at=spec.published,
        path=ActionPage._get_path(pool.path, pool.depth + 1, position),
        depth=pool.depth + 1,
        numchild=0,
        url_path=f"{pool.url_path}{slug}/",
        content_type=content_type,
        locale_id=pool.locale_id,
    )


def insert_pages(pages):
    """Insert ActionPages in bulk: the Page rows with ``bulk_create``, then the ActionPage rows.

    Django's ``bulk_create`` refuses multi-table children, so the child rows go in with one
    ``executemany`` over ActionPage's own columns (values prepared by each field, as ``save()`` does).
    """
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    rows = Page.objects.bulk_create(
        [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages]
    )
    for page, row in zip(pages, rows, strict=True):
        page.page_ptr_id = page.id = row.pk
    own = ActionPage._meta.local_concrete_fields
    table = connection.ops.quote_name(ActionPage._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in own)
    placeholders = ", ".join(["%s"] * len(own))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",  # noqa: S608 -- names from the model
            [[f.get_db_prep_save(getattr(page, f.attname), connection) for f in own] for page in pages],
        )


def create_actions(pool, specs, offset):
    """Add one batch of actions (pages, then their taxonomy rows in bulk) in one transaction."""
    rows = {name: [] for name in ("fields_of_action", "sdgs", "resources")}
    content_type = ContentType.objects.get_for_model(ActionPage)
    with transaction.atomic():
        pool.refresh_from_db(fields=["numchild"])
        pages = [
            new_action(pool, pool.numchild + index, offset + index, spec, content_type)
            for index, spec in enumerate(specs, start=1)
        ]
        insert_pages(pages)
        Page.objects.filter(pk=pool.pk).update(numchild=F("numchild") + len(pages))
        for page, spec in zip(pages, specs, strict=True):
            rows["fields_of_action"] += [(page.pk, pk) for pk in spec.fields]
            rows["sdgs"] += [(page.pk, pk) for pk in spec.sdgs]
            rows["resources"] += [(page.pk, pk) for pk in spec.resources]
        for name, pairs in rows.items():
            relation = ActionPage._meta.get_field(name)
            page_key, target_key = (
                f"{relation.m2m_field_name()}_id",
                f"{relation.m2m_reverse_field_name()}_id",
            )
            relation.remote_field.through.objects.bulk_create(
                [
                    relation.remote_field.through(**{page_key: page, target_key: target})
                    for page, target in pairs
                ]
            )


def fill_search_index():
    """Add every action without an entry to Wagtail's database search index, in bulk; returns how many."""
    content_type = ContentType.objects.get_for_model(ActionPage)
    indexed = set(IndexEntry.objects.filter(content_type=content_type).values_list("object_id", flat=True))
    missing = [pk for pk in ActionPage.objects.values_list("pk", flat=True) if str(pk) not in indexed]
    backend = get_search_backend()
    for start in range(0, len(missing), INDEX_CHUNK):
        chunk = ActionPage.get_indexed_objects().filter(pk__in=missing[start : start + INDEX_CHUNK])
        backend.add_bulk(ActionPage, list(chunk))
    return len(missing)


def ensure_actions(size):
    """Top the current data set up to ``size`` actions and make sure all are in the full-text index."""
    existing = ActionPage.objects.count()
    if existing < size:
        pool = action_pool()
        taxonomy = {
            "fields": list(FieldOfAction.objects.values_list("pk", flat=True)),
            "sdgs": list(SDG.objects.values_list("pk", flat=True)),
            "resources": list(Resource.objects.values_list("pk", flat=True)),
        }
        specs = list(action_specs(size, taxonomy))[existing:]
        print(f"  creating {len(specs):,} actions ({existing:,} exist)")
        started = time.perf_counter()
        for start in range(0, len(specs), BATCH):
            create_actions(pool, specs[start : start + BATCH], existing + start)
            done = min(start + BATCH, len(specs))
            print(f"    {existing + done:,}/{size:,} actions ({time.perf_counter() - started:.1f} s)")
    elif existing > size:
        print(f"  note: the data set holds {existing:,} actions, more than the {size:,} asked for")
    started = time.perf_counter()
    added = fill_search_index()
    if added:
        print(
            f"  Wagtail database search index: {added:,} actions added in {time.perf_counter() - started:.1f} s"
        )
    return ActionPage.objects.count()


# --- Queries ------------------------------------------------------------------------------------------


def random_queries(count):
    """Seeded facet queries: 0–2 values in 0–3 facets, sometimes a search word, any sort, mostly page 1."""
    rng = random.Random(SEED)
    taxonomy = indexed_kind().taxonomy()
    options = {facet.key: [option.value for option in facet.options(taxonomy)] for facet in FACETS}
    keys = [key for key, values in options.items() if values]
    queries = []
    for _ in range(count):
        filters = {}
        for key in rng.sample(keys, rng.randint(0, 3)):
            values = rng.sample(options[key], min(rng.randint(0, 2), len(options[key])))
            if values:
                filters[key] = tuple(values)
        text = rng.choice(SEARCH_WORDS) if rng.random() < 0.3 else ""
        page = 2 if rng.random() < 0.2 else 1
        queries.append(ActionQuery(text=text, filters=filters, sort=rng.choice(list(SORTS)), page=page))
    return queries


# --- Measuring ----------------------------------------------------------------------------------------


@dataclass
class Measurement:
    engine: str
    actions: int
    rebuild_s: float | None = None
    full: list = field(default_factory=list)  # ms per full search_actions call
    bare: list = field(default_factory=list)  # ms per bare engine call
    took: list = field(default_factory=list)  # ms the engine reports itself
    requests: list = field(default_factory=list)  # engine requests per full call
    sql: list = field(default_factory=list)  # SQL queries per full call
    past_last_page: int = 0
    repeated: int = 0  # measured queries equal to an earlier one (the engine may answer from its cache)

    def percentile(self, samples, percent):
        """The ``percent`` percentile of one list of samples (``"full"``, ``"bare"``, ``"took"``)."""
        values = getattr(self, samples)
        if len(values) < 2:
            return values[0] if values else None
        return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


class CallCounter:
    """Wraps a callable and counts its calls."""

    def __init__(self, function):
        self.function = function
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.function(*args, **kwargs)


@contextmanager
def counting_requests(engine):
    """Count the engine's search requests by wrapping its client's ``search`` (None for the database)."""
    if isinstance(engine, DatabaseEngine):
        yield None
        return
    counter = engine.client.search = CallCounter(engine.client.search)
    try:
        yield counter
    finally:
        engine.client.search = counter.function


def bare_call(engine):
    """The engine request alone: the client with the same body and parameters as the engine sends, or the
    database engine's SQL part."""
    if isinstance(engine, DatabaseEngine):
        return engine.search
    return lambda query: engine.client.search(index=engine.alias, body=search_body(query), **SEARCH_PARAMS)


def clear_request_cache(engine):
    """Empty the engine's request cache, so each pass meets the same cached and uncached requests."""
    if not isinstance(engine, DatabaseEngine):
        engine.client.indices.clear_cache(index=engine.alias, request=True)


def rebuild(engine, measurement):
    if isinstance(engine, DatabaseEngine):
        print("  rebuild: nothing to do (the tables are the index)")
        return
    started = time.perf_counter()
    count = engine.rebuild(indexed_kind().documents())
    measurement.rebuild_s = time.perf_counter() - started
    print(f"  rebuild {count:,} docs: {measurement.rebuild_s:.1f} s")


def run_queries(engine, queries, measurement):
    """Time every query through the service, then every one bare; requests and SQL are counted in the
    full call. Two passes, each from an empty request cache, so a repeated query is answered from the
    cache in both, not only in the second request of a pair."""
    sql = CallCounter(lambda execute, *args: execute(*args))
    answered = []
    clear_request_cache(engine)
    with counting_requests(engine) as requests:
        for query in queries:
            before = requests.calls if requests is not None else 0
            sql.calls = 0
            started = time.perf_counter()
            try:
                with connection.execute_wrapper(sql):
                    result = search_actions(query, engine=engine)
            except PageOutOfRange:
                measurement.past_last_page += 1
                continue
            measurement.full.append((time.perf_counter() - started) * 1000)
            measurement.sql.append(sql.calls)
            if requests is not None:
                measurement.requests.append(requests.calls - before)
            if result.took_ms is not None:
                measurement.took.append(result.took_ms)
            answered.append(query)
    bodies = [json.dumps(search_body(query)) for query in answered]  # what the engine's cache keys on
    measurement.repeated += len(bodies) - len(set(bodies))
    bare = bare_call(engine)
    clear_request_cache(engine)
    for query in answered:
        started = time.perf_counter()
        bare(query)
        measurement.bare.append((time.perf_counter() - started) * 1000)


def benchmark(engine, size, queries):
    """Rebuild the engine's index, warm up, then measure ``queries`` after the first WARMUP."""
    measurement = Measurement(engine.name, size)
    rebuild(engine, measurement)
    print(f"  warm-up: {WARMUP} queries, then {len(queries) - WARMUP} measured")
    run_queries(engine, queries[:WARMUP], Measurement(engine.name, size))
    run_queries(engine, queries[WARMUP:], measurement)
    return measurement


def opensearch_engine(url):
    """The OpenSearch engine on the bench alias, or None (with a message) when it does not answer."""
    engine = engine_from_url(url, alias=BENCH_ALIAS)
    if engine.ping():
        return engine
    print(f"OpenSearch is not reachable at {url}: benchmarking the database engine only.")
    print("  (start it with `python manage.py search_engine`, then run the benchmark again)")
    return None


# --- Report -------------------------------------------------------------------------------------------


def number(value, digits=1):
    return "–" if value is None else f"{value:,.{digits}f}"


def ratio(full, bare):
    return None if full is None or not bare else full / bare


def mean(values):
    return statistics.fmean(values) if values else None


COLUMNS = [
    ("engine", lambda m: m.engine),
    ("actions", lambda m: f"{m.actions:,}"),
    ("rebuild s", lambda m: number(m.rebuild_s)),
    *[
        (f"{samples} p{percent}", lambda m, s=samples, p=percent: number(m.percentile(s, p)))
        for samples in ("full", "bare", "took")
        for percent in (50, 95)
    ],
    *[
        (
            f"full/bare p{percent}",
            lambda m, p=percent: number(ratio(m.percentile("full", p), m.percentile("bare", p)), 2),
        )
        for percent in (50, 95)
    ],
    ("requests/call", lambda m: number(mean(m.requests), 2)),
    ("SQL/call", lambda m: number(mean(m.sql))),
]


def print_table(measurements):
    cells = [[header for header, _ in COLUMNS]] + [[cell(m) for _, cell in COLUMNS] for m in measurements]
    widths = [max(len(row[column]) for row in cells) for column in range(len(COLUMNS))]
    lines = ["  ".join(text.rjust(width) for text, width in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    print("\n".join(lines))


def print_aims(measurements):
    by_engine = {m.engine: m for m in measurements}
    print("\nAims from the issue (for comparison, not asserted):")
    for label, engine, size, figure, limit, unit in AIMS:
        aim = f"  {label} ≤ {limit} {unit} on {engine} at {size:,} actions:"
        measurement = by_engine.get(engine)
        value = figure(measurement) if measurement else None
        if value is None:
            print(f"{aim} not measured")
            continue
        verdict = "within the aim" if value <= limit else "ABOVE the aim"
        at = "" if measurement.actions == size else f" (measured at {measurement.actions:,} actions)"
        print(f"{aim} {value:,.1f} {unit}, {verdict}{at}")


def print_report(measurements, queries):
    print(f"\nResults: {queries} seeded queries per engine after {WARMUP} warm-up queries, times in ms")
    print_table(measurements)
    print(
        "\nfull = search_actions(query, engine=…): engine request + loading the page objects.\n"
        "bare = opensearch: engine.client.search(index=alias, body=search_body(query), **SEARCH_PARAMS),\n"
        "       timed in a second pass (each pass starts with an empty request cache);\n"
        "       database: engine.search(query), the SQL part without loading the pages.\n"
        "took = the engine's own time (OpenSearch `took`). requests/call = client.search calls per full call.\n"
        "SQL/call = SQL queries per full call.\n"
        "Data sets: each size has its own database (actions-N), filled from one seeded stream, so the\n"
        "database engine's set is exactly the first N actions of the bigger set, not a bigger table with\n"
        "pages hidden."
    )
    for m in measurements:
        if m.repeated and m.engine != "database":
            print(
                f"{m.engine}: {m.repeated} of {len(m.full)} measured queries repeat an earlier one "
                "(answered from the engine's request cache in both passes)"
            )
        if m.past_last_page:
            print(
                f"{m.engine}: {m.past_last_page} queries asked for a page past the last one (not in the figures)"
            )
    print_aims(measurements)


# --- Main ---------------------------------------------------------------------------------------------


def main(argv=None):
    args = parse_args(argv)
    started = time.perf_counter()
    for name, level in QUIET_LOGGERS.items():
        logging.getLogger(name).setLevel(level)
    print(f"Action search benchmark ({settings.SETTINGS_MODULE}, database {connection.vendor})")
    opensearch = opensearch_engine(args.opensearch_url) if "opensearch" in args.engines else None
    runs = [("opensearch", opensearch, args.actions)] if opensearch else []
    if "database" in args.engines or not opensearch:
        runs.insert(0, ("database", DatabaseEngine(), args.db_actions))

    base = settings.DATABASES["default"]["NAME"]  # the connection's NAME changes with each data set
    measurements = []
    try:
        for name, engine, size in runs:
            print(f"\n{name}: data set of {size:,} actions in {bench_data.use_data_set(base, size)}")
            actual = ensure_actions(size)
            queries = random_queries(WARMUP + args.queries)
            measurements.append(benchmark(engine, actual, queries))
    finally:
        if opensearch:
            opensearch.drop()
    print_report(measurements, args.queries)
    print(f"\nTotal run time: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
