"""What the action search knows about actions: the document, the facets and what makes a document stale.

Registered with ``search`` from ``ActionsConfig.ready()``. Regions sit above actions, so RegionPage is
reached through the ``regions`` relation (``ActionPage._meta.get_field("regions").related_model``), never
imported. That relation holds the regions of an action's confirmed reports (kept by ``adoptions``): the
"Done in the region" facet.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from elasticsearch.dsl import Date, Document, Integer, Keyword, Text

from actions.models import ActionPage
from home.models import SDG, FieldOfAction, Level, Resource
from search.documents import body_text, title_sort_key
from search.languages import ANALYZERS, current_language, language_of
from search.registry import Facet, IndexedKind, Option, Rank, Stale, register


def _text():
    """Full text analysed once per language (``title.de`` German, ``title.en`` English): a search reads the
    sub-field of its language and filters on ``locale``."""
    return Text(analyzer="standard", fields={code: Text(analyzer=name) for code, name in ANALYZERS.items()})


class ActionDocument(Document):
    """The index mapping: full text on title, summary and body in each language; keywords for the facets."""

    id = Integer()
    locale = Keyword()  # the language of the page's tree: "de", "en"
    title = _text()
    title_sort = Keyword()
    summary = _text()
    body = _text()
    url = Keyword(index=False)
    # The facet fields' global ordinals (what terms aggregations count with) are built at each refresh
    # instead of by the first search after it.
    effort = Keyword(eager_global_ordinals=True)
    effort_rank = Integer()
    impact = Keyword(eager_global_ordinals=True)
    fields = Keyword(multi=True, eager_global_ordinals=True)
    sdgs = Keyword(multi=True, eager_global_ordinals=True)
    resources = Keyword(multi=True, eager_global_ordinals=True)
    regions = Keyword(multi=True, eager_global_ordinals=True)
    published = Date()


# The document's taxonomy fields: the ActionPage relation each comes from and the column it shows.
RELATIONS = {
    "fields": ("fields_of_action", "slug"),
    "sdgs": ("sdgs", "number"),
    "resources": ("resources", "slug"),
    "regions": ("regions", "slug"),
}
# The ActionPage columns a document needs besides its taxonomy.
COLUMNS = (
    "pk",
    "locale_id",
    "title",
    "summary",
    "body",
    "url_path",
    "effort",
    "impact",
    "first_published_at",
)
# The document field each facet filters, as a lookup on ActionPage (the database engine).
LOOKUPS = {
    "fields": "fields_of_action__slug",
    "effort": "effort",
    "sdgs": "sdgs__number",
    "impact": "impact",
    "resources": "resources__slug",
    "regions": "regions__slug",
}
# What a result card shows of its taxonomy: Taxonomy attribute -> ActionPage relation.
CARD_RELATIONS = {"fields": "fields_of_action", "sdgs": "sdgs", "resources": "resources"}


def build_document(row, taxonomy):
    """The document from the page's columns (``COLUMNS``) and its taxonomy values by field."""
    return {
        "id": row["pk"],
        "locale": language_of(row["locale_id"]),
        "title": row["title"],
        "title_sort": title_sort_key(row["title"]),
        "summary": row["summary"],
        "body": body_text(row["body"]),
        "url": row["url_path"],
        "effort": row["effort"],
        "effort_rank": Level.rank(row["effort"]),
        "impact": row["impact"],
        **{key: sorted(str(value) for value in taxonomy[key]) for key in RELATIONS},
        "published": row["first_published_at"].isoformat() if row["first_published_at"] else None,
    }


def indexable_actions():
    """Every action that may be found: live and public, with what its document needs."""
    return (
        ActionPage.objects.live()
        .public()
        .prefetch_related("fields_of_action", "sdgs", "resources", "regions")
        .order_by("pk")
    )


def region_model():
    """RegionPage, through the relation (regions import actions, not the other way round)."""
    return ActionPage._meta.get_field("regions").related_model


@dataclass(frozen=True)
class Taxonomy:
    """The taxonomy rows in display order, by primary key, and the live public regions of each language as
    {language: ((slug, title), ...)} (a region's pages share their slug in both trees)."""

    fields: dict
    sdgs: dict
    resources: dict
    regions: dict


def load_taxonomy():
    regions = {}
    found = region_model().objects.live().public().order_by("title", "pk")
    for locale_id, slug, title in found.values_list("locale_id", "slug", "title"):
        regions.setdefault(language_of(locale_id), []).append((slug, title))
    return Taxonomy(
        fields={f.pk: f for f in FieldOfAction.objects.all()},
        sdgs={s.pk: s for s in SDG.objects.all()},
        resources={r.pk: r for r in Resource.objects.all()},
        regions={language: tuple(pairs) for language, pairs in regions.items()},
    )


def _fields(taxonomy):
    return [Option(f.slug, f.label, f.colour) for f in taxonomy.fields.values()]


def _levels(taxonomy):
    return [Option(level.value, str(level.label)) for level in Level]


def _sdgs(taxonomy):
    return [Option(str(s.number), f"{s.number}. {s.title}", s.colour) for s in taxonomy.sdgs.values()]


def _resources(taxonomy):
    return [Option(r.slug, r.label) for r in taxonomy.resources.values()]


def _regions(taxonomy):
    """The regions of the language searched (the active one: the API activates the ``locale`` it is asked for)."""
    return [Option(slug, title) for slug, title in taxonomy.regions.get(current_language(), ())]


FACETS = (
    Facet("field", _("Field of action"), "fields", _fields),
    Facet("effort", _("Effort"), "effort", _levels),
    Facet("sdg", _("Sustainable Development Goal"), "sdgs", _sdgs),
    Facet("impact", _("Impact"), "impact", _levels),
    Facet("resource", _("Resources"), "resources", _resources),
    Facet("region", _("Done in the region"), "regions", _regions),
)


def _actions_done_in(region):
    # Documents carry the slugs of regions where an action has been done.
    return ActionPage.objects.filter(regions=region.pk).values_list("pk", flat=True)


def _actions_carrying(term):
    """A renamed field of action, SDG or resource: every action that carries it gets a new document."""
    return term.actions.values_list("pk", flat=True)


def register_search():
    """Register the action pages with search (from ``ActionsConfig.ready()``, once the models are loaded)."""
    region = region_model()
    register(
        IndexedKind(
            name="actions",
            # 2: a locale and full text analysed per language (issue 13)
            version=2,
            model=ActionPage,
            document=ActionDocument,
            columns=COLUMNS,
            relations=RELATIONS,
            build=build_document,
            indexable=indexable_actions,
            facets=FACETS,
            load_taxonomy=load_taxonomy,
            # The live public regions change with region pages (saved, published, unpublished, deleted).
            taxonomy_models=(FieldOfAction, SDG, Resource, region),
            lookups=LOOKUPS,
            card_relations=CARD_RELATIONS,
            rank=Rank(column="effort", field="effort_rank", of=Level.rank),
            stale=(
                Stale(region, _actions_done_in),
                *(Stale(model, _actions_carrying) for model in (FieldOfAction, SDG, Resource)),
            ),
        )
    )
