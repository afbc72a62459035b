"""The steps that turn the demo data into a site. Each step is idempotent through ``DemoWriter``.

The management command calls them in a fixed order: media, home page and site, sections, content pages,
regions and initiatives, actions, events, news, then the home page's links and the site settings (the
people come from ``demo.accounts``, the forum and the application page from their own modules).
"""

from datetime import datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Locale, Page, Site
from wagtail_localize.synctree import synchronize_tree

from actions.models import ActionIndexPage, ActionMaterial, ActionPage
from demo import translate
from demo.data import actions as action_data
from demo.data import english as english_data
from demo.data import events as event_data
from demo.data import media as media_data
from demo.data import news as news_data
from demo.data import regions as region_data
from demo.data import site as site_data
from demo.stream import Ref, body, paragraph
from demo.stream import steps as steps_block
from home.models import (
    SDG,
    ContentPage,
    FieldOfAction,
    HomePage,
    HomePageFeaturedAction,
    Resource,
    SiteSettings,
    point,
)
from hub_events.models import EventIndexPage, EventMaterial, EventPage, EventSpeaker
from news.models import NewsIndexPage, NewsPage
from region_applications.models import RegionApplicationPage
from regions.models import ApprovalStatus, Initiative, RegionIndexPage, RegionPage

# Page types in the order the summary lists them.
PAGE_TYPES = [
    HomePage,
    ContentPage,
    RegionIndexPage,
    RegionPage,
    ActionIndexPage,
    ActionPage,
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    RegionApplicationPage,
]


class Taxonomy:
    """Fields of action, SDGs and resources by key, loaded once."""

    def __init__(self):
        self.fields = {field.slug: field for field in FieldOfAction.objects.all()}
        self.sdgs = {sdg.number: sdg for sdg in SDG.objects.all()}
        self.resources = {resource.slug: resource for resource in Resource.objects.all()}

    def fields_of(self, slugs):
        return [self.fields[slug] for slug in slugs]


# --- media ----------------------------------------------------------------------------------------


def media(writer):
    writer.step("Bilder und Dokumente")
    for item in media_data.IMAGES:
        writer.ensure_image(item["title"], item["spec"], item["description"])
    for item in media_data.DOCUMENTS:
        writer.ensure_document(item["title"], item["filename"], item["paragraphs"])


# --- home page and site ---------------------------------------------------------------------------


def home_page(writer):
    """Replace Wagtail's default welcome page by the HomePage and make it the default site's root.

    The home page is created as a draft and published by ``publish_home`` once the pages it links to exist.
    """
    writer.step("Startseite und Website")
    root = Page.get_first_root_node()
    welcome = (
        root.get_children()
        .filter(slug=site_data.HOME["slug"], content_type=ContentType.objects.get_for_model(Page))
        .first()
    )
    if welcome is not None:
        # Free the slug for the home page; the welcome page is deleted once no site points at it.
        Page.objects.filter(pk=welcome.pk).update(slug=f"wagtail-welcome-{welcome.pk}")

    data = site_data.HOME
    home, _ = writer.ensure_page(
        root,
        HomePage,
        data["slug"],
        publish=False,
        title=data["title"],
        seo_title=data["seo_title"],
        search_description=data["search_description"],
        hero_title=data["hero_title"],
        hero_text=data["hero_text"],
        hero_cta_label=data["hero_cta_label"],
        intro=data["intro"],
    )
    writer.home = home

    if welcome is not None:
        Site.objects.filter(root_page=welcome).update(root_page=home)
        Page.objects.get(pk=welcome.pk).delete()
        writer.stdout.write(f"  - Willkommensseite von Wagtail entfernt (id {welcome.pk})")

    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    wanted = {"hostname": "localhost", "port": 80, "site_name": site_data.SITE_NAME, "root_page_id": home.pk}
    if any(getattr(site, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(site, name, value)
        site.save()
        writer.stdout.write(f"  + Website: {site.site_name} ({site.hostname}:{site.port})")
    return home, site


def publish_home(writer, home):
    """Link the home page to its featured actions and sections, then publish it.

    Only a home page that has never been published is touched, so an editor's later changes survive.
    """
    writer.step("Startseite veröffentlichen")
    if home.first_published_at is not None:
        writer.stdout.write("  = bereits veröffentlicht")
        return home
    data = site_data.HOME
    home.hero_cta_page = writer.page(data["hero_cta_page"])
    home.body = writer.prepare(data["body"])
    home.featured_actions = [
        HomePageFeaturedAction(action=writer.page(f"{site_data.ACTION_INDEX['slug']}/{slug}"))
        for slug in site_data.FEATURED_ACTIONS
    ]
    home.save_revision().publish()
    writer.stdout.write(f"  + Startseite veröffentlicht mit {len(site_data.FEATURED_ACTIONS)} Aktionen")
    return home


def site_settings(writer, site):
    """Fill the site settings; fields an editor has already filled are left alone."""
    writer.step("Website-Einstellungen")
    settings = SiteSettings.for_site(site)
    wanted = dict(site_data.SETTINGS)
    wanted["imprint_page"] = writer.page(site_data.IMPRINT["slug"])
    wanted["privacy_page"] = writer.page(site_data.PRIVACY["slug"])
    changed = [name for name, value in wanted.items() if not getattr(settings, name) and value]
    for name in changed:
        setattr(settings, name, wanted[name])
    if changed:
        settings.save()
        writer.stdout.write(f"  + gesetzt: {', '.join(changed)}")


# --- sections and content pages -------------------------------------------------------------------


def sections(writer, home):
    """The index pages directly below the home page, in menu order, and the Regionallabor series."""
    writer.step("Bereiche")
    index = {}
    for key, model, data in [
        ("regions", RegionIndexPage, site_data.REGION_INDEX),
        ("actions", ActionIndexPage, site_data.ACTION_INDEX),
        ("events", EventIndexPage, site_data.EVENT_INDEX),
        ("news", NewsIndexPage, site_data.NEWS_INDEX),
    ]:
        index[key], _ = writer.ensure_page(
            home, model, data["slug"], title=data["title"], intro=data["intro"], show_in_menus=True
        )
    series = site_data.SERIES
    index["series"], _ = writer.ensure_page(
        index["events"],
        EventIndexPage,
        series["slug"],
        title=series["title"],
        intro=series["intro"],
        is_series=series["is_series"],
    )
    return index


def content_pages(writer, home):
    """Handbook, online course, programme, about and legal pages with their chapters."""
    writer.step("Inhaltsseiten (Handbuch, Online-Kurs, Begleitprogramm, Über uns)")
    for data in site_data.CONTENT_PAGES:
        _content_page(writer, home, data, show_in_menus=data.get("show_in_menus", True))


def _content_page(writer, parent, data, show_in_menus):
    page, _ = writer.ensure_page(
        parent,
        ContentPage,
        data["slug"],
        title=data["title"],
        intro=data["intro"],
        body=data["body"],
        show_in_menus=show_in_menus,
    )
    for child in data.get("children", []):
        _content_page(writer, page, child, show_in_menus=False)
    return page


# --- regions and initiatives ----------------------------------------------------------------------


def regions(writer, index, taxonomy):
    writer.step("Regionen")
    pages = {}
    for data in region_data.REGIONS:
        pages[data["slug"]], _ = writer.ensure_page(
            index,
            RegionPage,
            data["slug"],
            title=data["title"],
            summary=data["summary"],
            area_description=data["area_description"],
            address=data["address"],
            location=point(data["lat"], data["lng"]),
            status=data["status"],
            start_year=data["start_year"],
            contact_email=data["contact_email"],
            fields_of_action=taxonomy.fields_of(data["fields"]),
            body=data["body"],
        )
    return pages


def initiatives(writer, region_pages, taxonomy):
    writer.step("Initiativen")
    for data in region_data.REGIONS:
        region = region_pages[data["slug"]]
        for item in data["initiatives"]:
            approved = item.get("approved", True)
            writer.ensure_object(
                Initiative,
                lookup={"name": item["name"], "region": region},
                defaults={
                    "kind": item["kind"],
                    "website": item["website"],
                    "description": item["description"],
                    "address": item["address"],
                    "location": point(item["lat"], item["lng"]),
                    "approval_status": ApprovalStatus.APPROVED if approved else ApprovalStatus.PENDING,
                    "fields_of_action": taxonomy.fields_of(item["fields"]),
                },
            )


# --- actions --------------------------------------------------------------------------------------


def actions(writer, index, taxonomy):
    writer.step("Aktions-Pool")
    for data in action_data.ACTIONS:
        writer.ensure_page(
            index,
            ActionPage,
            data["slug"],
            title=data["title"],
            summary=data["summary"],
            effort=data["effort"],
            impact=data["impact"],
            duration=data["duration"],
            resources=[taxonomy.resources[slug] for slug in data["resources"]],
            resources_note=data["resources_note"],
            fields_of_action=taxonomy.fields_of(data["fields"]),
            sdgs=[taxonomy.sdgs[number] for number in data["sdgs"]],
            body=body(steps_block(data["steps"]), paragraph(*data["text"])),
            materials=[
                ActionMaterial(document=writer.lookup(Ref("document", title)))
                for title in data.get("materials", [])
            ],
        )


# --- events ---------------------------------------------------------------------------------------


def occurrence(today, when):
    """Start and end of an event placed relative to ``today`` (Europe/Berlin)."""
    day = today + timedelta(days=when["days"])
    if "weekday" in when:
        day += timedelta(days=(when["weekday"] - day.weekday()) % 7)
    start = datetime.combine(day, time(*when["at"]), tzinfo=event_data.BERLIN)
    return start, start + timedelta(minutes=when["minutes"])


def events(writer, index, region_pages, taxonomy, today):
    writer.step("Regionallabor 2024/25")
    for data in event_data.SERIES_MODULES:
        _event(
            writer, index["series"], data, data["start"], data["end"], kind="lab_module", taxonomy=taxonomy
        )

    writer.step("Veranstaltungen")
    for parent, slug in event_data.RETIRED_EVENTS:
        writer.remove_page(index[parent], slug)
    for data in event_data.EVENTS:
        parent = index["events"] if data["parent"] == "events" else region_pages[data["parent"]]
        start, end = occurrence(today, data["when"])
        regions = [region_pages[slug] for slug in data.get("regions", [])]
        _event(writer, parent, data, start, end, kind=data["kind"], regions=regions, taxonomy=taxonomy)


def _event(writer, parent, data, start, end, *, kind, taxonomy, regions=()):
    fields = {
        "title": data["title"],
        "summary": data["summary"],
        "kind": kind,
        "format": data.get("format", "online"),
        "start": start,
        "end": end,
        "module_number": data.get("module_number"),
        "venue": data.get("venue", ""),
        "address": data.get("address", ""),
        "location": point(data["lat"], data["lng"]) if "lat" in data else "",
        **_repetition(data.get("repeat"), start),
        "registration_url": data.get("registration_url", ""),
        "recording_url": data.get("recording_url", ""),
        "outcome": data.get("outcome", ""),
        "regions": list(regions),
        "fields_of_action": taxonomy.fields_of(data.get("fields", [])),
        "speakers": [EventSpeaker(name=name, affiliation=role) for name, role in data.get("speakers", [])],
        "materials": [
            EventMaterial(document=writer.lookup(Ref("document", title)))
            for title in data.get("materials", [])
        ],
        "body": data["body"],
    }
    return writer.ensure_page(parent, EventPage, data["slug"], **fields)


def _repetition(repeat, start):
    """The repetition fields of an event from its data's ``repeat`` (none: a single event)."""
    if not repeat:
        return {}
    step = {"weekly": timedelta(weeks=1), "biweekly": timedelta(weeks=2)}[repeat["repeat"]]
    return {
        "repeat": repeat["repeat"],
        "repeat_count": repeat["count"],
        "repeat_exceptions": [
            (start + step * number).date().isoformat() for number in repeat.get("skip", [])
        ],
    }


# --- news -----------------------------------------------------------------------------------------


def news(writer, index, region_pages, taxonomy, today):
    writer.step("Neuigkeiten")
    for data in news_data.NEWS:
        parent = index["news"] if data["parent"] == "news" else region_pages[data["parent"]]
        date = today - timedelta(days=data["days_ago"])
        writer.ensure_page(
            parent,
            NewsPage,
            data["slug"],
            title=data["title"],
            date=date,
            # Published on its date, so "first published" matches what the page says.
            first_published_at=datetime.combine(date, time(9, 0), tzinfo=event_data.BERLIN),
            intro=data["intro"],
            image=writer.lookup(Ref("image", data["image"])),
            regions=[region_pages[slug] for slug in data["regions"]],
            fields_of_action=taxonomy.fields_of(data["fields"]),
            tags=data["tags"],
            body=data["body"],
        )


def english_tree(writer):
    """Give every German page its English counterpart, as wagtail-localize does for pages editors create: an
    alias that shows the German content until someone translates it."""
    writer.step("Englischer Seitenbaum")
    english = Locale.objects.filter(language_code="en").first()
    if english is None:
        return
    before = Page.objects.filter(locale=english).count()
    synchronize_tree(Locale.get_default(), english)
    created = Page.objects.filter(locale=english).count() - before
    if created:
        writer.stdout.write(f"  + {created} englische Seiten (Aliase der deutschen)")


def english_translations(writer):
    """Translate part of the demo into English with wagtail-localize (``demo.data.english``): the home page,
    "Über uns", the handbook's first chapter, the section pages, some actions, events and news. Their
    aliases become translations; the other English pages stay aliases of the German ones."""
    writer.step("Englische Übersetzungen")
    english = Locale.objects.filter(language_code="en").first()
    if english is None:
        return
    for path, german, data in english_data.PAGES:
        page = writer.page(path) if path else writer.home
        strings = {**english_data.STRINGS, **translate.string_pairs(german, data)}
        translated, untranslated = translate.translate(page, strings, english)
        label = "Englische Übersetzung"
        if translated is None:
            writer.note(label, page.title, created=False)
            continue
        writer.note(label, f"{translated.title} ({translated.url})", created=True)
        if untranslated:
            writer.stdout.write(f"    {untranslated} Texte bleiben deutsch")


def page_counts():
    """Live pages per page type, in a fixed order, plus the total number of pages below the root."""
    counts = {model._meta.verbose_name_plural: model.objects.count() for model in PAGE_TYPES}
    counts["Seiten insgesamt"] = Page.objects.filter(depth__gt=1).count()
    return counts
