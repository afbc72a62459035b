"""Template tags for pages outside this app that link to events (the region page's calendar links and history)."""

from django import template

from home import site_cache
from hub_events.ical import subscription_links
from hub_events.models import EventIndexPage

register = template.Library()


def _network_index(request):
    """The network's event index of the active language, from the shared cache (None without a request)."""
    if request is None:
        return None
    return site_cache.cached("event-network-index", EventIndexPage.network_index, per_language=True)


@register.simple_tag(takes_context=True)
def region_calendar_links(context, region):
    """Subscription links of ``region``'s iCal feed (see ``hub_events.ical.subscription_links``), or None.

    The network's event index of the active language, which serves the feed, comes from the shared cache.
    """
    request = context.get("request")
    index = _network_index(request)
    path = index.route_url(request, "calendar_region", slug=region.slug) if index else None
    return subscription_links(request, path) if path else None


@register.simple_tag(takes_context=True)
def region_history_url(context, region):
    """The address of ``region``'s past events (the network index's route ``region_history``), or None."""
    request = context.get("request")
    index = _network_index(request)
    return index.route_url(request, "region_history", slug=region.slug) if index else None
