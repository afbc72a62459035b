"""Home: the home page and content pages (wagtail-factories)."""

import factory
import wagtail_factories

from home.models import ContentPage, HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Startseite"
    hero_title = "Gemeinsam die Region verändern"

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kapitel {n}")
    intro = "Worum es in diesem Kapitel geht."

    class Meta:
        model = ContentPage
