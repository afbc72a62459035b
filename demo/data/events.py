"""Events: the Regionallabor 2024/25 series, webinars, office hours, live calls, regional meetings and
conferences.

The Regionallabor has fixed dates. The office hours are one weekly recurring event (``repeat``: the rule, the
number of dates and which of them, counted from 0, are skipped). All other events are placed relative to the day the demo is first
loaded (``when``: days from today, optionally moved forward to a weekday, 0 = Monday), so a fresh
install always has upcoming events. ``parent`` is ``"series"``, ``"events"`` or a region slug.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from demo.data.keys import ECONOMY, ENERGY, FOOD, SOCIAL
from demo.stream import body, heading, paragraph

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(year, month, day, hour, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


TEAM = ("Team der Mitmach-Regionen", "Begleitung Regionallabor")

SERIES_MODULES = [
    {
        "slug": "modul-0-auftakt",
        "title": "Modul 0: Auftakt – Kennenlernen und Orientierung",
        "module_number": 0,
        "start": berlin(2024, 10, 1, 18),
        "end": berlin(2024, 10, 1, 20),
        "summary": "Die neuen Regional-Teams lernen sich und das Begleitprogramm kennen und klären, was sie sich vom halben Jahr erhoffen.",
        "body": body(
            paragraph(
                "Zum Auftakt stellen sich alle Teams vor: Wer ist dabei, welche Region, welche Erwartungen? "
                "Anschließend gehen wir gemeinsam durch den Ablauf des Regionallabors und die Angebote des "
                "Begleitprogramms.",
                "Dauer: zwei Stunden, online.",
            ),
        ),
        "materials": ["Übersicht Regionallabor 2024/25"],
    },
    {
        "slug": "modul-1-region-entdecken",
        "title": "Modul 1: Die eigene Region neu entdecken",
        "module_number": 1,
        "start": berlin(2024, 10, 22, 18),
        "end": berlin(2024, 10, 22, 20),
        "summary": "Mit frischem, fokussiertem Blick auf die eigene Region schauen: Was prägt sie, wo gibt es schon Wandel, wo fehlt etwas?",
        "body": body(
            paragraph(
                "Wir stellen Werkzeuge für eine Bestandsaufnahme vor – von Strukturdaten bis zur Landkarte der "
                "Engagierten – und probieren sie in Kleingruppen aus.",
                "Dauer: zwei Stunden, online.",
            ),
        ),
    },
    {
        "slug": "modul-2-kontakte-knuepfen",
        "title": "Modul 2: Mit Akteur:innen in Kontakt kommen",
        "module_number": 2,
        "start": berlin(2024, 11, 19, 18),
        "end": berlin(2024, 11, 19, 20),
        "summary": "Wie gewinnen wir Initiativen, Betriebe und Verwaltung für die Mitmach-Region – und wie bauen wir tragfähige Beziehungen auf?",
        "body": body(
            paragraph(
                "Im Mittelpunkt stehen Gesprächsführung und die Frage, wie aus ersten Kontakten verlässliche "
                "Beziehungen werden. Teams berichten von ihren ersten Begegnungen.",
                "Dauer: zwei Stunden, online.",
            ),
        ),
    },
    {
        "slug": "modul-3-vision-und-ziele",
        "title": "Modul 3: Vision und Ziele für die Mitmach-Region",
        "module_number": 3,
        "start": berlin(2024, 12, 10, 18),
        "end": berlin(2024, 12, 10, 20),
        "summary": "Jedes Team entwickelt ein Bild davon, wohin sich seine Region entwickeln soll, und leitet erste Ziele ab.",
        "body": body(
            paragraph(
                "Mit kreativen Methoden entsteht eine gemeinsame Vision. Aus ihr leiten die Teams Ziele für "
                "das kommende Jahr ab.",
                "Dauer: zwei Stunden, online.",
            ),
        ),
    },
    {
        "slug": "modul-4-weg-planen",
        "title": "Modul 4: Den Weg wirkungsvoll planen",
        "module_number": 4,
        "format": "live",
        "start": berlin(2025, 1, 25, 10),
        "end": berlin(2025, 1, 26, 13),
        "venue": "Seminarhaus in Kassel",
        "address": "Kassel, Hessen",
        "lat": 51.3127,
        "lng": 9.4797,
        "summary": "Das Präsenzmodul: eineinhalb Tage, um mit allen Teams den Weg von der Vision zu konkreten Schritten zu planen.",
        "body": body(
            heading("Eineinhalb Tage vor Ort"),
            paragraph(
                "Am Samstag arbeiten die Teams an ihrem Weg: Welche Schritte führen zur Vision, wer macht mit, "
                "was braucht es dafür? Am Sonntagvormittag stellen sich die Teams ihre Pläne gegenseitig vor "
                "und geben einander Rückmeldung.",
                "Beginn am 25. Januar 2025 um 10 Uhr, Ende am 26. Januar gegen 13 Uhr.",
            ),
        ),
    },
    {
        "slug": "modul-5-zusammenkunft-organisieren",
        "title": "Modul 5: Ein regionales Treffen organisieren",
        "module_number": 5,
        "start": berlin(2025, 2, 18, 18),
        "end": berlin(2025, 2, 18, 20),
        "summary": "Von der Mitmach-Werkstatt bis zur Konferenz: wie ein regionales Treffen gelingt, das Menschen wirklich verbindet.",
        "body": body(
            paragraph(
                "Wir besprechen Formate für 30 bis 200 Menschen, Thementische und Moderation und schauen auf "
                "Erfahrungen aus bestehenden Regionen.",
                "Dauer: zwei Stunden, online.",
            ),
        ),
    },
    {
        "slug": "modul-6-sichtbar-werden",
        "title": "Modul 6: Sichtbar werden",
        "module_number": 6,
        "start": berlin(2025, 3, 18, 18),
        "end": berlin(2025, 3, 18, 20),
        "summary": "Der öffentliche Auftritt der Mitmach-Region: Presse, soziale Medien, die eigene Seite im Mitmach-Hub.",
        "body": body(
            paragraph(
                "Zum Abschluss geht es darum, wie die Region nach außen sichtbar wird – und wie die Teams nach "
                "dem Regionallabor in den Weggemeinschaften weiterarbeiten.",
                "Dauer: zwei Stunden, online.",
            ),
        ),
    },
]

EVENTS = [
    {
        "slug": "webinar-aktions-pool",
        "title": "Webinar: Den Aktions-Pool nutzen",
        "kind": "webinar",
        "parent": "events",
        "when": {"days": -75, "weekday": 3, "at": (18, 0), "minutes": 90},
        "fields": [SOCIAL, ECONOMY],
        "summary": "Wie finde ich im Aktions-Pool die passende Aktion für meine Region, und wie passe ich sie an die Verhältnisse vor Ort an?",
        "speakers": [("Lena Hofbauer", "Redaktion Aktions-Pool")],
        "recording_url": "https://example.org/videothek/webinar-aktions-pool",
        "body": body(
            paragraph(
                "Wir zeigen die Filter nach Aufwand, Wirkung und Nachhaltigkeitszielen und sprechen darüber, "
                "wie ihr eigene Erfahrungen in den Pool einbringt."
            ),
        ),
    },
    {
        "slug": "webinar-buergerenergie",
        "title": "Webinar: Bürgerenergie gemeinsam anpacken",
        "kind": "webinar",
        "parent": "events",
        "when": {"days": -48, "weekday": 1, "at": (18, 0), "minutes": 90},
        "fields": [ENERGY],
        "summary": "Handlungsfeld Energie und Verkehr: Wie aus einer Idee eine Energiegenossenschaft mit den ersten Solaranlagen wird.",
        "speakers": [
            ("Dr. Jonas Brinkmann", "Energiegenossenschaft Warendorfer Land"),
            ("Sabine Köhler", "Beraterin für Bürgerenergie"),
        ],
        "recording_url": "https://example.org/videothek/webinar-buergerenergie",
        "materials": ["Folien Webinar Bürgerenergie"],
        "body": body(
            paragraph(
                "Zwei Praktiker:innen berichten von Gründung, Finanzierung und ersten Projekten. Danach ist viel "
                "Zeit für Fragen aus den Regionen.",
            ),
        ),
    },
    {
        "slug": "webinar-solawi",
        "title": "Webinar: Solidarische Landwirtschaft in der Praxis",
        "kind": "webinar",
        "parent": "events",
        "when": {"days": -20, "weekday": 2, "at": (18, 0), "minutes": 90},
        "fields": [FOOD],
        "summary": "Handlungsfeld Ernährungssystem: Ein Hof und seine Mitglieder erzählen, wie die gemeinsame Finanzierung funktioniert.",
        "speakers": [("Martina Gruber", "SoLaWi Jurahöfe"), ("Felix Nowak", "Mitglied der Anbaugruppe")],
        "recording_url": "https://example.org/videothek/webinar-solidarische-landwirtschaft",
        "body": body(
            paragraph(
                "Von der Bieterrunde bis zur Gemüseverteilung: ein ehrlicher Einblick in Alltag, Stolpersteine "
                "und die Freude an gemeinsamer Landwirtschaft."
            ),
        ),
    },
    {
        "slug": "webinar-gemeinwohl-oekonomie",
        "title": "Webinar: Gemeinwohl-Ökonomie für Betriebe und Gemeinden",
        "kind": "webinar",
        "parent": "events",
        "when": {"days": 10, "at": (18, 0), "minutes": 90},
        "fields": [ECONOMY],
        "summary": "Handlungsfeld Finanzen und Wirtschaft: Was eine Gemeinwohl-Bilanz ist, was sie kostet und was sie bringt.",
        "speakers": [("Katrin Albers", "Elbtal-Gemeinwohl-Runde")],
        "body": body(
            paragraph(
                "Eine Unternehmerin aus Dresden erzählt, wie ihr Betrieb die Bilanz erstellt hat und was sich "
                "dadurch verändert hat. Im Anschluss beantworten wir Fragen zur Umsetzung in Gemeinden."
            ),
        ),
    },
    {
        "slug": "webinar-nachbarschaft",
        "title": "Webinar: Nachbarschaft stärken, Begegnung organisieren",
        "kind": "webinar",
        "parent": "events",
        "when": {"days": 24, "at": (18, 0), "minutes": 90},
        "fields": [SOCIAL],
        "summary": "Handlungsfeld Sozialer Zusammenhalt: Erzählcafés, Nachbarschaftsfeste und Patenschaften – was wirkt, und wie fange ich an?",
        "speakers": [("Ahmet Yılmaz", "Quartiersmanagement"), ("Heike Lorenz", "Kulturbahnhof Weißwasser")],
        "registration_url": "https://anmeldung.example.org/webinar-nachbarschaft",
        "body": body(
            paragraph(
                "Drei kurze Beispiele aus Stadt und Land, danach Austausch in Kleingruppen: Welche Form der "
                "Begegnung passt zu eurer Region?"
            ),
        ),
    },
    {
        "slug": "sprechstunde",
        "title": "Sprechstunde für Regional-Teams",
        "kind": "office_hours",
        "parent": "events",
        "when": {"days": 1, "weekday": 2, "at": (17, 0), "minutes": 60},
        # Every Wednesday for half a year; the third Wednesday the team is at a conference.
        "repeat": {"repeat": "weekly", "count": 26, "skip": [2]},
        "summary": "Die wöchentliche Video-Sprechstunde: Fragen und Herausforderungen zwischendurch klären, ohne Anmeldung.",
        "registration_url": "https://meet.example.org/mitmach-sprechstunde",
        "body": body(
            paragraph(
                "Jeden Mittwoch ist eine Stunde lang jemand aus dem Team für euch da – für kurze Fragen, "
                "knifflige Situationen oder einfach zum Sortieren der nächsten Schritte. Kommt einfach dazu."
            ),
        ),
    },
    {
        "slug": "live-call-foerderantraege",
        "title": "Live-Call: Förderanträge schreiben",
        "kind": "live_call",
        "parent": "events",
        "when": {"days": -33, "weekday": 3, "at": (19, 0), "minutes": 90},
        "summary": "Welche Förderprogramme passen zu Mitmach-Regionen, und wie schreibt man einen Antrag, der überzeugt?",
        "speakers": [("Tobias Rehm", "Fördermittelberatung")],
        "recording_url": "https://example.org/videothek/live-call-foerderantraege",
        "body": body(
            paragraph(
                "Nach einem kurzen Impuls zu Stiftungen, Landesprogrammen und Crowdfunding haben die Regionen "
                "ihre eigenen Vorhaben besprochen."
            ),
        ),
    },
    {
        "slug": "live-call-open-space",
        "title": "Live-Call: Open Space für alle Regionen",
        "kind": "live_call",
        "parent": "events",
        "when": {"days": 17, "weekday": 3, "at": (19, 0), "minutes": 90},
        "summary": "Ihr bringt die Themen mit: Im Open Space entstehen Gesprächsräume zu allem, was die Regionen gerade bewegt.",
        "registration_url": "https://anmeldung.example.org/live-call-open-space",
        "body": body(
            paragraph(
                "Zu Beginn sammeln wir Themen, dann öffnen sich Räume für parallele Gespräche. Zum Schluss "
                "tragen wir zusammen, was wir voneinander gelernt haben."
            ),
        ),
    },
    {
        "slug": "regionalgespraech-muensterland-owl",
        "title": "Regionalgespräch Münsterland und Ostwestfalen-Lippe",
        "kind": "regional_meeting",
        "parent": "muensterland",
        # One event of two regions: both teams may edit it, and it shows on both region pages.
        "regions": ["muensterland", "minden-ostwestfalen-lippe"],
        "when": {"days": -42, "weekday": 1, "at": (17, 0), "minutes": 120},
        "fields": [SOCIAL, ENERGY],
        "summary": "Kommunen, Initiativen und Freiwilligenagenturen aus dem Münsterland und aus Ostwestfalen-Lippe vernetzen sich online.",
        "speakers": [
            ("Jana Vogt", "Klimaschutzkoordination, Stadtverwaltung"),
            ("Paul Brenner", "Netzwerk Wandeltage Minden"),
        ],
        "materials": ["Ergebnisse Regionalgespräch Münsterland und Ostwestfalen-Lippe"],
        "outcome": (
            "Drei Kommunen und fünf Initiativen wollen ein gemeinsames Lastenrad-Netz aufbauen; das nächste "
            "Treffen findet in Minden statt."
        ),
        "body": body(
            paragraph(
                "Nach einer Vorstellungsrunde ging es in kleine Gruppen an den virtuellen Kaffeetisch. Zwei "
                "Praxisbeispiele aus Minden und Münster zeigten, wie Verwaltung und Zivilgesellschaft gemeinsam "
                "mehr erreichen. Die Ergebnisse stehen als PDF bereit."
            ),
        ),
    },
    {
        "slug": "regionalgespraech-koeln-bonn-aachen",
        "title": "Regionalgespräch Köln, Bonn und Aachen",
        "kind": "regional_meeting",
        "parent": "koeln-bonn",
        "regions": ["koeln-bonn"],
        "when": {"days": 31, "weekday": 1, "at": (17, 0), "minutes": 120},
        "fields": [SOCIAL],
        "summary": "Online-Treffen für Kommunen und Initiativen im Rheinland: kennenlernen, Erfahrungen teilen, gemeinsame Vorhaben finden.",
        "registration_url": "https://anmeldung.example.org/regionalgespraech-rheinland",
        "body": body(
            paragraph(
                "Das Regional-Team Köln-Bonn lädt ein. Geplant sind eine kurze Vorstellungsrunde, Gespräche in "
                "kleinen Gruppen und zwei Beispiele für gelungene Zusammenarbeit mit der Verwaltung."
            ),
        ),
    },
    {
        "slug": "mitmach-konferenz-neumarkt",
        "title": "Mitmach-Konferenz Neumarkt",
        "kind": "conference",
        "format": "live",
        "parent": "neumarkt-oberpfalz",
        "regions": ["neumarkt-oberpfalz"],
        "when": {"days": -26, "weekday": 5, "at": (10, 0), "minutes": 420},
        "venue": "Reitstadel Neumarkt",
        "address": "Neumarkt in der Oberpfalz, Bayern",
        "lat": 49.2797,
        "lng": 11.4607,
        "fields": [FOOD, ECONOMY, SOCIAL],
        "summary": "Ein Tag an Thementischen: Menschen aus Stadt und Landkreis entwickeln gemeinsam Projekte für eine zukunftsfähige Region.",
        "speakers": [("Regional-Team Neumarkt", "Gastgeberinnen und Gastgeber")],
        "outcome": (
            "120 Menschen an acht Thementischen, 14 Verabredungen auf dem Marktplatz – darunter ein Repair-Café "
            "und eine Mitfahrbank für den Landkreis."
        ),
        "body": body(
            heading("Programm"),
            paragraph(
                numbered=[
                    "10:00 Ankommen bei Kaffee aus der Region",
                    "10:30 Begrüßung und Impuls",
                    "11:00 Erste Runde an den Thementischen",
                    "12:30 Mittagessen mit Zutaten der SoLaWi",
                    "13:30 Zweite Runde an den Thementischen",
                    "15:30 Marktplatz der Verabredungen",
                    "16:30 Ausklang",
                ]
            ),
        ),
    },
    {
        "slug": "mitmach-konferenz-muensterland",
        "title": "Mitmach-Konferenz Münsterland",
        "kind": "conference",
        "format": "live",
        "parent": "muensterland",
        "regions": ["muensterland"],
        "when": {"days": 45, "weekday": 5, "at": (10, 0), "minutes": 420},
        "venue": "Halle am Stadthafen, Münster",
        "address": "Hafenweg, Münster",
        "lat": 51.9481,
        "lng": 7.6397,
        "fields": [ENERGY, FOOD, SOCIAL],
        "summary": "Die erste große Konferenz der Region: Initiativen, Betriebe und Verwaltung aus Stadt und Kreisen an einem Ort.",
        "body": body(
            paragraph(
                "Geplant sind Thementische zu Mobilität im ländlichen Raum, regionaler Ernährung und "
                "Nachbarschaft. Gastgeber:innen für weitere Tische sind willkommen.",
                "Der Veranstaltungsort ist barrierefrei erreichbar, für Kinderbetreuung ist gesorgt.",
            ),
        ),
    },
]


# Pages earlier versions of the demo created and this one no longer has: (parent, slug). The loader removes them,
# with their English copies, so an old demo site ends up like a new one.
RETIRED_EVENTS = [
    ("events", "sprechstunde-1"),
    ("events", "sprechstunde-2"),
    ("events", "sprechstunde-3"),
]


# Registration in the hub (``event_registrations``) instead of an external link: seats, questions and, for an
# online event, the meeting link only participants see.
HUB_REGISTRATION = {
    "webinar-gemeinwohl-oekonomie": {
        "capacity": 40,
        "reminder_hours": 24,
        "meeting_url": "https://meet.example.org/gemeinwohl-webinar",
        "questions": [
            {
                "label": "Was möchtest du über die Gemeinwohl-Bilanz wissen?",
                "kind": "text",
                "required": False,
            },
        ],
    },
    "mitmach-konferenz-muensterland": {
        "capacity": 120,
        "reminder_hours": 48,
        "meeting_url": "",
        "questions": [
            {
                "label": "Verpflegung",
                "kind": "choice",
                "options": "vegetarisch\nvegan\nmit Fleisch",
                "required": True,
            },
            {
                "label": "Unverträglichkeiten oder Unterstützung vor Ort (z. B. Rollstuhl, Kinderbetreuung)",
                "kind": "text",
                "required": False,
            },
        ],
    },
}
