"""Template tags of the regions app for the site's frame (``templates/base.html``)."""

from django import template

import rules

register = template.Library()


@register.simple_tag(takes_context=True)
def reviews_initiatives(context):
    """Whether the member may review initiatives (editors, regional teams): the header links the review queue.
    One query for a logged-in member who is not an editor, none for visitors; kept for the request."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    if not hasattr(request, "_reviews_initiatives"):
        request._reviews_initiatives = rules.has_perm("regions.review_initiatives", user)
    return request._reviews_initiatives
