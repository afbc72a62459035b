"""Demo content: a working group of the whole network and an initiative circle of Neumarkt, with a contact person,
members, a progress report and a date each (the demo's map people take part). Idempotent: groups are found by
slug, memberships by group and member, reports by group and title."""

from django.contrib.auth import get_user_model

from hub_events.models import EventPage
from regions.models import network_locale_id
from working_groups.models import (
    ForumAccess,
    GroupEvent,
    GroupKind,
    JoinPolicy,
    Membership,
    MembershipStatus,
    ProgressReport,
    WorkingGroup,
)

GROUPS = [
    {
        "slug": "ag-beteiligung-und-transparenz",
        "name": "AG Beteiligung und Transparenz",
        "name_en": "Working group on participation and transparency",
        "kind": GroupKind.WORKING_GROUP,
        "region": None,
        "join_policy": JoinPolicy.OPEN,
        "forum_access": ForumAccess.PUBLIC,
        "description": (
            "Wie machen wir Entscheidungen im Strukturwandel nachvollziehbar und beteiligen die Menschen, die sie "
            "betreffen? Die AG sammelt Beteiligungsformate aus den Mitmach-Regionen und probiert neue aus.\n\n"
            "Wir treffen uns einmal im Monat online. Alle Interessierten sind willkommen."
        ),
        "contact": "karte-lena",
        "members": ["karte-mats"],
        "event": "webinar-nachbarschaft",
        "report": (
            "Sammlung der Beteiligungsformate begonnen",
            "Beim ersten Treffen haben wir zwölf Formate aus fünf Regionen zusammengetragen – vom Bürgerrat bis "
            "zur Dorfwerkstatt. Bis zum nächsten Treffen beschreibt jede Region ein Format auf einer Seite.",
        ),
    },
    {
        "slug": "initiativkreis-ernaehrung-neumarkt",
        "name": "Initiativkreis Ernährung Neumarkt",
        "name_en": "Food initiative circle Neumarkt",
        "kind": GroupKind.INITIATIVE_CIRCLE,
        "region": "neumarkt-oberpfalz",
        "join_policy": JoinPolicy.ON_REQUEST,
        "forum_access": ForumAccess.MEMBERS,
        "description": (
            "Der Initiativkreis bringt SoLaWi, Direktvermarkter:innen und Schulküchen im Landkreis zusammen. "
            "Er trifft sich alle sechs Wochen im Wechsel auf einem der Höfe und berichtet hier vom Fortschritt."
        ),
        "contact": "karte-aylin",
        "members": ["karte-jonas"],
        "event": "webinar-gemeinwohl-oekonomie",
        "report": (
            "Regionale Zutaten für zwei Schulküchen",
            "Zwei Grundschulen kochen ab dem neuen Halbjahr einmal pro Woche mit Gemüse der SoLaWi. Als Nächstes "
            "klären wir Lieferwege und die Abrechnung über den Förderverein.",
        ),
    },
]


def load(writer, region_pages):
    writer.step("Arbeitsgruppen und Initiativkreise")
    users = {user.username: user for user in get_user_model().objects.filter(username__startswith="karte-")}
    for data in GROUPS:
        region = region_pages.get(data["region"]) if data["region"] else None
        if data["region"] and region is None:
            continue
        group, _created = writer.ensure_object(
            WorkingGroup,
            {"slug": data["slug"]},
            {
                "name": data["name"],
                "name_en": data["name_en"],
                "kind": data["kind"],
                "region": region,
                "join_policy": data["join_policy"],
                "forum_access": data["forum_access"],
                "description": data["description"],
            },
            label="Gruppe",
        )
        people = [(data["contact"], True), *((username, False) for username in data["members"])]
        for username, is_contact in people:
            if username in users:
                writer.ensure_object(
                    Membership,
                    {"group": group, "user": users[username]},
                    {
                        "status": MembershipStatus.MEMBER,
                        "is_contact": is_contact,
                        "joined_at": group.created_at,
                    },
                    label="Gruppenmitglied",
                )
        event = EventPage.objects.filter(slug=data["event"], locale_id=network_locale_id()).first()
        if event is not None:
            writer.ensure_object(GroupEvent, {"group": group, "event": event}, {}, label="Termin der Gruppe")
        title, text = data["report"]
        writer.ensure_object(
            ProgressReport,
            {"group": group, "title": title},
            {"text": text, "author": users.get(data["contact"])},
            label="Fortschrittsbericht",
        )
