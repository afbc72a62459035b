from wagtail import hooks

from common.language import locale_id
from home.sections import HOME_PAGE_SECTIONS, REGION_PAGE_SECTIONS, Section
from news.models import NewsPage


@hooks.register(HOME_PAGE_SECTIONS)
def latest_news(page, request):
    return Section(
        "latest_news",
        list(NewsPage.objects.live().public().filter(locale_id=locale_id()).for_cards()[:3]),
        badges=("fields_of_action", "tags"),
    )


@hooks.register(REGION_PAGE_SECTIONS)
def latest_news_of_region(page, request):
    news = NewsPage.objects.live().public().filter(locale_id=locale_id()).of_region(page).for_cards()[:5]
    return Section("latest_news", list(news), badges=("fields_of_action", "tags"))
