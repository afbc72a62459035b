from django import template

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
