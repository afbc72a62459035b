"""Template tags for pages outside this app that link to events (the region page's calendar links)."""

from django import template

from home import site_cache
from hub_events.ical import subscription_links
from hub_events.models import EventIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def region_calendar_links(context, region):
    """Subscription links of ``region``'s iCal feed (see ``hub_events.ical.subscription_links``), or None.

    The network's event index of the active language, which serves the feed, comes from the shared cache.
    """
    request = context.get("request")
    index = (
        site_cache.cached("event-network-index", EventIndexPage.network_index, per_language=True)
        if request
        else None
    )
    path = index.route_url(request, "calendar_region", slug=region.slug) if index else None
    return subscription_links(request, path) if path else None
