"""Results of the site search that are not pages, added by the apps that own them (``search`` imports none).

An app registers ``fn(query) -> SearchSection | None`` under ``SITE_SEARCH_SECTIONS`` in its
``wagtail_hooks.py``; the site search shows each section above the pages on its first page of results.
"""

from dataclasses import dataclass

SITE_SEARCH_SECTIONS = "site_search_sections"


@dataclass
class SearchHit:
    title: str
    url: str
    kind: str
    summary: str = ""


@dataclass
class SearchSection:
    heading: str
    hits: list  # of SearchHit
    total: int  # all matches, of which ``hits`` are the first
