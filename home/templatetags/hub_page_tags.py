from django import template

from common.language import language_links

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
    links = language_links(request, context.get("page"))
    for link in links:
        link["absolute_url"] = request.build_absolute_uri(link["url"])
    return links
