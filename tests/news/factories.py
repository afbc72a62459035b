"""News: the news index and news pages (with an image)."""

import datetime as dt

import factory
import wagtail_factories

from news.models import NewsIndexPage, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Neuigkeiten"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Neuigkeit {n}")
    intro = "Was sich im Netzwerk tut."
    date = dt.date(2026, 10, 1)
    image = factory.SubFactory(wagtail_factories.ImageFactory)

    class Meta:
        model = NewsPage
