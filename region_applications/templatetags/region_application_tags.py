"""``{% region_application_link %}``: the way to the "Region starten" page from pages of the apps below
(the network map, the home page), which must not import this app.

The page is found once per content version and language (``home.site_cache``): publishing, unpublishing or
moving a page bumps the version, so the link appears and goes with the page. Whether the deadline has passed
is decided at each rendering, from the cached deadline: no query on a warm cache.
"""

from django import template
from django.conf import settings
from django.utils import timezone

from common.language import locale_id
from home.site_cache import cached, site_for_request
from region_applications.models import RegionApplicationPage, is_before_deadline

register = template.Library()


def application_pages(request):
    """(url, title, deadline) of the live, public application pages of the active language, or of the German
    ones where the active language has none; one query."""
    active, network = locale_id(), locale_id(settings.LANGUAGE_CODE)
    pages = list(
        RegionApplicationPage.objects.live()
        .public()
        .filter(locale_id__in={active, network})
        .only("title", "url_path", "path", "depth", "locale_id", "deadline")
        .order_by("path")
    )
    shown = [page for page in pages if page.locale_id == active] or pages
    return [(page.get_url(request), page.title, page.deadline) for page in shown]


@register.inclusion_tag("region_applications/includes/application_link.html", takes_context=True)
def region_application_link(context, variant="box"):
    """A box linking the open application page (the one open longest, if several), or saying that the last
    round is closed; nothing without a live application page. ``variant`` names the CSS modifier."""
    request = context.get("request")
    site = site_for_request(request) if request is not None else None
    if site is None:
        return {"link": None}
    pages = cached(f"region-application:{site.pk}", lambda: application_pages(request), per_language=True)
    if not pages:
        return {"link": None}
    now = timezone.now()
    open_pages = [page for page in pages if is_before_deadline(page[2], now)]
    # No deadline counts as the latest one.
    url, title, deadline = max(open_pages or pages, key=lambda page: (page[2] is None, page[2] or now))
    return {
        "link": {"url": url, "title": title, "deadline": deadline, "open": bool(open_pages)},
        "variant": variant,
    }
