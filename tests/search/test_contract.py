"""The search contract: every engine returns the same ids and the same facet counts for the same query.

Each test runs once per reachable engine (database always; OpenSearch locally when started, always in
CI). Expected values come from a plain-Python reference model of the semantics, checked by hand below.
"""

from django.http import QueryDict

import pytest

from actions.search import FACETS
from search.queries import ActionQuery, parse_query
from search.service import PageOutOfRange, search_actions
from tests.search.helpers import SPECS

pytestmark = pytest.mark.django_db
FACET_ATTR = {
    "field": "fields",
    "effort": "effort",
    "sdg": "sdgs",
    "impact": "impact",
    "resource": "resources",
}


def values_of(spec, facet_key):
    value = getattr(spec, FACET_ATTR[facet_key])
    return {str(v) for v in value} if isinstance(value, tuple) else {value}


def reference(filters, keys=None):
    """Expected matches and disjunctive counts for ``filters`` over the fixture (no full text)."""
    candidates = [spec for spec in SPECS if keys is None or spec.key in keys]

    def matches(spec, ignore=None):
        return all(values_of(spec, key) & set(values) for key, values in filters.items() if key != ignore)

    hits = {spec.key for spec in candidates if matches(spec)}
    counts = {}
    for key in FACET_ATTR:
        counts[key] = {}
        for spec in candidates:
            if matches(spec, ignore=key):
                for value in values_of(spec, key):
                    counts[key][value] = counts[key].get(value, 0) + 1
    return hits, counts


def run(engine, **params):
    query = parse_query(QueryDict(mutable=True) if not params else _querydict(params))
    return search_actions(query, engine=engine)


def _querydict(params):
    querydict = QueryDict(mutable=True)
    for key, value in params.items():
        querydict.setlist(key, value if isinstance(value, list) else [value])
    return querydict


def keys_of(result, pool):
    by_id = {page.pk: key for key, page in pool.items()}
    return [by_id[action.pk] for action in result.actions]


def counts_of(result):
    return {
        facet.key: {option.value: option.count for option in facet.options if option.count}
        for facet in result.facets
        if facet.key in FACET_ATTR
    }


def test_the_reference_model_matches_a_hand_count():
    hits, counts = reference({"field": ["ernaehrungssystem"], "effort": ["low"]})
    assert hits == {"garden", "seed"}
    # Field counts ignore the field filter: the low-effort actions per field.
    assert counts["field"] == {
        "ernaehrungssystem": 2,
        "finanzen-und-wirtschaft": 2,
        "energie-und-verkehr": 2,
        "sozialer-zusammenhalt": 4,
    }
    # Effort counts ignore the effort filter: the food actions per effort.
    assert counts["effort"] == {"low": 2, "medium": 1, "high": 1}


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"field": ["ernaehrungssystem"]},
        {"field": ["ernaehrungssystem", "energie-und-verkehr"]},
        {"effort": ["low"]},
        {"sdg": ["11"]},
        {"sdg": ["2", "7"]},
        {"field": ["sozialer-zusammenhalt"], "effort": ["low"]},
        {"field": ["finanzen-und-wirtschaft"], "impact": ["high", "medium"], "resource": ["money"]},
        {"effort": ["medium"], "sdg": ["13", "15"], "resource": ["space", "material"]},
        {"sdg": ["1"]},
    ],
    ids=lambda filters: "&".join(f"{k}={'|'.join(v)}" for k, v in filters.items()) or "no-filter",
)
def test_filters_and_disjunctive_counts(pool, make_engine, filters):
    engine = make_engine()

    result = run(engine, **filters)

    hits, counts = reference(filters)
    assert set(keys_of(result, pool)) == hits
    assert result.total == len(hits)
    assert counts_of(result) == counts


def test_every_option_is_listed_in_taxonomy_order_with_zero_counts(pool, make_engine):
    result = run(make_engine(), sdg="1")

    assert result.total == 0
    sdg = next(facet for facet in result.facets if facet.key == "sdg")
    assert [option.value for option in sdg.options] == [str(n) for n in range(1, 18)]
    assert sdg.options[0].selected and sdg.options[0].count == 0
    field = next(facet for facet in result.facets if facet.key == "field")
    assert [option.label for option in field.options] == [
        "Energie und Verkehr",
        "Ernährungssystem",
        "Finanzen und Wirtschaft",
        "Sozialer Zusammenhalt",
    ]
    assert all(option.count == 0 for option in field.options)


def test_region_facet(pool, make_engine):
    result = run(make_engine(), region="neumarkt")

    assert set(keys_of(result, pool)) == {"garden", "csa"}
    region = next(facet for facet in result.facets if facet.key == "region")
    assert [(o.value, o.count, o.selected) for o in region.options] == [("neumarkt", 2, True)]


BY_TITLE = [
    "energy",
    "garden",
    "swap",
    "cargo",
    "ride",
    "party",
    "eco",
    "gardens",
    "money",
    "repair",
    "seed",
    "csa",
]
BY_EFFORT = [
    "garden",
    "swap",
    "ride",
    "party",
    "eco",
    "repair",
    "seed",
    "cargo",
    "gardens",
    "energy",
    "money",
    "csa",
]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [("title", BY_TITLE), ("newest", [spec.key for spec in reversed(SPECS)]), ("effort", BY_EFFORT)],
)
def test_sorting(pool, make_engine, sort, expected):
    """Titles sort with German folding (Ö as Oe, ü as ue); ties break by id, so every engine agrees."""
    result = run(make_engine(), sort=sort)

    assert keys_of(result, pool) == expected


def test_full_text_over_title_summary_and_body(pool, make_engine):
    engine = make_engine()

    assert set(keys_of(run(engine, q="Nachbarschaft"), pool)) == {"garden"}  # body
    assert set(keys_of(run(engine, q="wegwerfen"), pool)) == {"repair"}  # summary
    assert set(keys_of(run(engine, q="Mitfahrbank"), pool)) == {"ride"}  # title
    assert run(engine, q="Quantencomputer").total == 0


def test_full_text_combines_with_facets(pool, make_engine):
    result = run(make_engine(), q="gemeinsam", field="energie-und-verkehr")

    assert keys_of(result, pool) == ["eco"]
    field = {o.value: o.count for o in next(f for f in result.facets if f.key == "field").options}
    assert field["finanzen-und-wirtschaft"] == 1  # "Gemeinsam reparieren": counted, though not selected


def test_german_stemming(pool, make_engine):
    engine = make_engine()  # the database engine stems on SQLite too (search.languages)

    assert set(keys_of(run(engine, q="Gärten"), pool)) == {"garden", "gardens"}
    assert set(keys_of(run(engine, q="Garten"), pool)) == {"garden", "gardens"}
    assert set(keys_of(run(engine, q="Energie"), pool)) == {"energy"}


def test_title_ranks_above_body(pool, make_engine):
    result = run(make_engine(), q="Gärten", sort="relevance")

    assert keys_of(result, pool)[0] == "gardens"


def test_pagination_bounds(pool, make_engine):
    engine = make_engine()
    pages = [
        search_actions(ActionQuery(sort="title", page=number, page_size=5), engine=engine)
        for number in (1, 2, 3)
    ]

    assert [len(page.actions) for page in pages] == [5, 5, 2]
    assert pages[0].page_count == 3
    assert len({action.pk for page in pages for action in page.actions}) == 12
    with pytest.raises(PageOutOfRange):
        search_actions(ActionQuery(sort="title", page=4, page_size=5), engine=engine)


def test_unpublished_and_private_actions_are_never_found(pool, make_engine):
    engine = make_engine()

    for result in (run(engine), run(engine, q="Garten"), run(engine, q="Entwurf")):
        found = set(keys_of(result, pool))
        assert not found & {"draft", "private"}
    assert run(engine).total == len(SPECS)


def test_facets_cover_the_documented_keys():
    assert [facet.key for facet in FACETS] == ["field", "effort", "sdg", "impact", "resource", "region"]
