from django import template

from common.language import language_links, page_translation_urls
from home import site_cache

register = template.Library()


@register.simple_tag
def breadcrumb_ancestors(page):
    """The ancestors of ``page`` below the tree root: those its route loaded, else one query."""
    if not page:
        return []
    ancestors = getattr(page, "routed_ancestors", None)
    if ancestors is None:
        ancestors = page.get_ancestors()
    return [ancestor for ancestor in ancestors if ancestor.depth > 1]


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The language switch and the hreflang alternates: the same page in each language."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    urls = None
    if page is not None and getattr(page, "pk", None):
        # From the shared cache, like the menu: no query on a warm page.
        site = site_cache.site_for_request(request)
        urls = site_cache.cached(
            f"translations:{site.pk if site else 0}:{page.translation_key}",
            lambda: page_translation_urls(request, page),
        )
    links = language_links(request, page, urls)
    for link in links:
        link["absolute_url"] = request.build_absolute_uri(link["url"])
    return links
