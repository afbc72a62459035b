"""What the search engines store about an action: one flat document per live, public ActionPage.

Documents are the only thing the engines know about pages. The mapping is built with the Elasticsearch
DSL and used by every server engine; the database engine reads the same fields from the tables.
"""

import unicodedata

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
    effort = Keyword()
    effort_rank = Integer()
    impact = Keyword()
    fields = Keyword(multi=True)
    sdgs = Keyword(multi=True)
    resources = Keyword(multi=True)
    regions = Keyword(multi=True)
    published = Date()

    class Index:
        settings = {"number_of_shards": 1, "number_of_replicas": 0}


def body_text(page):
    """The plain text of the page's StreamField, as Wagtail's own search indexes it."""
    return " ".join(strip_tags(chunk) for chunk in page.body.stream_block.get_searchable_content(page.body))


def action_document(page):
    """The document for one ActionPage; expects fields_of_action, sdgs, resources, regions prefetched."""
    return {
        "id": page.pk,
        "title": page.title,
        "title_sort": title_sort_key(page.title),
        "summary": page.summary,
        "body": body_text(page),
        "url": page.url_path,
        "effort": page.effort,
        "effort_rank": Level.rank(page.effort),
        "impact": page.impact,
        "fields": sorted(field.slug for field in page.fields_of_action.all()),
        "sdgs": sorted(str(sdg.number) for sdg in page.sdgs.all()),
        "resources": sorted(resource.slug for resource in page.resources.all()),
        "regions": sorted(region.slug for region in page.regions.all()),
        "published": page.first_published_at.isoformat() if page.first_published_at else None,
    }


def indexable_actions():
    """Every action that may be found: live and public, with what its document needs."""
    from actions.models import ActionPage

    return (
        ActionPage.objects.live()
        .public()
        .prefetch_related("fields_of_action", "sdgs", "resources", "regions")
        .order_by("pk")
    )
