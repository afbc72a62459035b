"""Factories for every model the tests build: pages through wagtail-factories, the rest through factory_boy."""

import datetime as dt
from zoneinfo import ZoneInfo

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from actions.models import ActionIndexPage, ActionPage
from home.models import SDG, ContentPage, FieldOfAction, HomePage, Level, Resource
from hub_events.models import EventFormat, EventIndexPage, EventKind, EventPage
from members.models import User
from news.models import NewsIndexPage, NewsPage
from regions.models import Initiative, InitiativeKind, RegionIndexPage, RegionPage, RegionStatus

BERLIN = ZoneInfo("Europe/Berlin")


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"mitglied{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("mitmachen-123")

    class Meta:
        model = User


def make_member(verified=True, **fields):
    """A member with an allauth e-mail record; verified members are in the members group (may post)."""
    from allauth.account.models import EmailAddress

    from members.roles import ensure_groups

    user = UserFactory(**fields)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=verified)
    if verified:
        members, _ = ensure_groups()
        user.groups.add(members)
    return user


def make_editor(**fields):
    """A member of the central editorial team."""
    from members.roles import ensure_groups

    user = make_member(**fields)
    _, editors = ensure_groups()
    user.groups.add(editors)
    return user


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


class RegionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Regionen"

    class Meta:
        model = RegionIndexPage


class RegionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Region {n}")
    area_description = "Stadt und Landkreis"
    summary = "Ein Netzwerk von Initiativen."
    status = RegionStatus.ACTIVE
    start_year = 2023
    location = "SRID=4326;POINT(11.4597 49.2804)"
    contact_email = factory.Sequence(lambda n: f"team{n}@region.example")

    class Meta:
        model = RegionPage


class ActionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aktions-Pool"

    class Meta:
        model = ActionIndexPage


class ActionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Aktion {n}")
    summary = "Eine erprobte Aktion."
    effort = Level.LOW
    impact = Level.HIGH
    duration = "ein Nachmittag"

    class Meta:
        model = ActionPage
        skip_postgeneration_save = True

    @factory.post_generation
    def taxonomy(page, create, extracted, **kwargs):
        """Every action needs a field of action and an SDG; give it the first of each unless told."""
        if not create:
            return
        fields = kwargs.get("fields") or [FieldOfAction.objects.first()]
        sdgs = kwargs.get("sdgs") or [SDG.objects.get(number=13)]
        page.fields_of_action.set(fields)
        page.sdgs.set(sdgs)
        page.resources.set(kwargs.get("resources") or Resource.objects.filter(slug="time"))
        page.save()


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Veranstaltungen"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Webinar {n}")
    summary = "Ein Webinar für alle Regionen."
    kind = EventKind.WEBINAR
    format = EventFormat.ONLINE
    start = factory.LazyFunction(lambda: dt.datetime(2030, 3, 5, 18, 0, tzinfo=BERLIN))
    end = factory.LazyAttribute(lambda event: event.start + dt.timedelta(hours=2))

    class Meta:
        model = EventPage


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


class InitiativeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Initiative {n}")
    kind = InitiativeKind.ASSOCIATION
    description = "Wir reparieren gemeinsam."

    class Meta:
        model = Initiative
