"""What the search engines store about an action: one flat document per live, public ActionPage.

Documents are the only thing the engines know about pages. The mapping is built with the Elasticsearch
DSL and used by every server engine; the database engine reads the same fields from the tables.
"""

import unicodedata
from collections import defaultdict
from itertools import islice

from django.db import connection
from django.utils.html import strip_tags

from elasticsearch.dsl import Date, Document, Integer, Keyword, Text

from home.models import Level

UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def title_sort_key(title):
    """A collation-free sort key, so every engine orders titles the same way (German rules: ä = ae)."""
    folded = title.casefold().translate(UMLAUTS)
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


class ActionDocument(Document):
    """The index mapping: German full text on title, summary and body; keywords for the facets."""

    id = Integer()
    title = Text(analyzer="german")
    title_sort = Keyword()
    summary = Text(analyzer="german")
    body = Text(analyzer="german")
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

    class Index:
        settings = {"number_of_shards": 1, "number_of_replicas": 0}


# The document's taxonomy fields: the ActionPage relation each comes from and the column it shows.
TAXONOMY_FIELDS = {
    "fields": ("fields_of_action", "slug"),
    "sdgs": ("sdgs", "number"),
    "resources": ("resources", "slug"),
    "regions": ("regions", "slug"),
}
# The ActionPage columns a document needs besides its taxonomy.
DOCUMENT_COLUMNS = ("pk", "title", "summary", "body", "url_path", "effort", "impact", "first_published_at")


def body_text(body):
    """The plain text of an action's StreamField value, as Wagtail's own search indexes it."""
    return " ".join(strip_tags(chunk) for chunk in body.stream_block.get_searchable_content(body))


def _document(row, taxonomy):
    """The document from the page's columns (``DOCUMENT_COLUMNS``) and its taxonomy values by field."""
    return {
        "id": row["pk"],
        "title": row["title"],
        "title_sort": title_sort_key(row["title"]),
        "summary": row["summary"],
        "body": body_text(row["body"]),
        "url": row["url_path"],
        "effort": row["effort"],
        "effort_rank": Level.rank(row["effort"]),
        "impact": row["impact"],
        **{key: sorted(str(value) for value in taxonomy[key]) for key in TAXONOMY_FIELDS},
        "published": row["first_published_at"].isoformat() if row["first_published_at"] else None,
    }


def action_document(page):
    """The document for one ActionPage; expects fields_of_action, sdgs, resources, regions prefetched."""
    row = {column: getattr(page, column) for column in DOCUMENT_COLUMNS}
    taxonomy = {
        key: [getattr(target, column) for target in getattr(page, relation).all()]
        for key, (relation, column) in TAXONOMY_FIELDS.items()
    }
    return _document(row, taxonomy)


def action_documents(pages, chunk_size=1000):
    """The documents of a queryset of ActionPages (e.g. ``indexable_actions()``), streamed in pk order.

    For rebuilds and checks of the whole index: rows instead of page objects, and each chunk's taxonomy
    from one query over the link tables, instead of a page object and four prefetch queries per chunk.
    """
    values = {
        key: dict(relation_model(relation)._default_manager.values_list("pk", column))
        for key, (relation, column) in TAXONOMY_FIELDS.items()
    }
    rows = (
        pages.prefetch_related(None).order_by("pk").values(*DOCUMENT_COLUMNS).iterator(chunk_size=chunk_size)
    )
    while chunk := list(islice(rows, chunk_size)):
        links = taxonomy_links([row["pk"] for row in chunk], TAXONOMY_FIELDS)
        for row in chunk:
            taxonomy = {key: [values[key][pk] for pk in links[key, row["pk"]]] for key in TAXONOMY_FIELDS}
            yield _document(row, taxonomy)


def relation_model(relation):
    """The model an ActionPage taxonomy relation points to."""
    from actions.models import ActionPage

    return ActionPage._meta.get_field(relation).related_model


def taxonomy_links(page_ids, keys):
    """{(key, page id): target ids} for the pages, in one query over the link tables of ``keys``.

    ``keys`` maps a name of the caller's choice to (ActionPage relation, …). Plain SQL: building the same
    UNION through the ORM took longer than running it.
    """
    from actions.models import ActionPage

    links = defaultdict(set)
    if not page_ids:
        return links
    names = list(keys)
    quote = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(page_ids))
    selects = []
    for index, name in enumerate(names):
        relation = ActionPage._meta.get_field(keys[name][0])
        page_column = quote(f"{relation.m2m_field_name()}_id")
        target_column = quote(f"{relation.m2m_reverse_field_name()}_id")
        table = quote(relation.remote_field.through._meta.db_table)
        # Names come from the models, values go in as parameters.
        select = f"SELECT {index}, {page_column}, {target_column} FROM {table}"  # noqa: S608
        selects.append(f"{select} WHERE {page_column} IN ({marks})")
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), list(page_ids) * len(selects))
        for index, page_id, target_id in cursor.fetchall():
            links[names[index], page_id].add(target_id)
    return links


def indexable_actions():
    """Every action that may be found: live and public, with what its document needs."""
    from actions.models import ActionPage

    return (
        ActionPage.objects.live()
        .public()
        .prefetch_related("fields_of_action", "sdgs", "resources", "regions")
        .order_by("pk")
    )
