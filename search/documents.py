"""Helpers for building search documents: a collation-free title key, a StreamField's plain text, and the
values of many-to-many relations read in one query per chunk of pages.

What a document holds is the registered kind's business (``search.kinds``); these helpers know no model.
"""

import unicodedata
from collections import defaultdict
from itertools import islice

from django.db import connection
from django.utils.html import strip_tags

UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def title_sort_key(title):
    """A collation-free sort key, so every engine orders titles the same way (German rules: ä = ae)."""
    folded = title.casefold().translate(UMLAUTS)
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


def body_text(body):
    """The plain text of a StreamField value, as Wagtail's own search indexes it."""
    return " ".join(strip_tags(chunk) for chunk in body.stream_block.get_searchable_content(body))


def related_values(model, rows, relations, chunk_size):
    """(row, {key: target values}) for each row (dicts with "pk") of ``model``, chunk by chunk.

    ``relations`` maps a key to (many-to-many relation of ``model``, column of the target to show). Each
    chunk's links come from one query over the link tables; the targets' columns are read once.
    """
    values = {
        key: dict(model._meta.get_field(relation).related_model._default_manager.values_list("pk", column))
        for key, (relation, column) in relations.items()
    }
    rows = iter(rows)
    while chunk := list(islice(rows, chunk_size)):
        links = taxonomy_links(
            model, [row["pk"] for row in chunk], {key: r for key, (r, _) in relations.items()}
        )
        for row in chunk:
            yield row, {key: [values[key][pk] for pk in links[key, row["pk"]]] for key in relations}


def taxonomy_links(model, page_ids, relations):
    """{(key, page id): target ids} for the pages, in one query over the link tables of ``relations``.

    ``relations`` maps a name of the caller's choice to a many-to-many relation of ``model``. Plain SQL:
    building the same UNION through the ORM took longer than running it.
    """
    links = defaultdict(set)
    if not page_ids:
        return links
    names = list(relations)
    quote = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(page_ids))
    selects = []
    for index, name in enumerate(names):
        relation = model._meta.get_field(relations[name])
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
