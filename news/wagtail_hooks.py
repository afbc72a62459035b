from wagtail import hooks

from home.sections import HOME_PAGE_SECTIONS, REGION_PAGE_SECTIONS, Section
from news.models import NewsPage


@hooks.register(HOME_PAGE_SECTIONS)
def latest_news(page, request):
    return Section(
        "latest_news", list(NewsPage.objects.live().public().for_cards()[:3]), badges=("fields_of_action",)
    )


@hooks.register(REGION_PAGE_SECTIONS)
def latest_news_of_region(page, request):
    news = NewsPage.objects.live().public().filter(regions=page).for_cards()[:5]
    return Section("latest_news", list(news), badges=("fields_of_action",))
