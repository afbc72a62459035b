from django.db.models import F, OuterRef, Subquery

from wagtail import hooks

from actions.models import ActionPage
from common.language import locale_id
from home.models import HomePageFeaturedAction
from home.sections import HOME_PAGE_SECTIONS, Section


@hooks.register(HOME_PAGE_SECTIONS)
def featured_actions(page, request):
    """The actions the editors feature on the home page, in their order, in one query (none for the page's rows).

    In the visitor's language: the rows of an English home page may still name the German actions, so an action
    counts through its translation key.
    """
    item = HomePageFeaturedAction.objects.filter(
        page_id=page.pk, action__translation_key=OuterRef("translation_key")
    ).order_by("sort_order", "pk")
    featured = list(
        ActionPage.objects.live()
        .public()
        .filter(locale_id=locale_id())
        .annotate(
            featured_item=Subquery(item.values("pk")[:1]),
            featured_order=Subquery(item.values("sort_order")[:1]),
        )
        .filter(featured_item__isnull=False)
        .order_by(F("featured_order").asc(nulls_first=True), "featured_item")
        .defer_streamfields()
    )
    return Section("featured_actions", featured, badges=("fields_of_action", "sdgs"))
