"""The home page, the sections below it, the handbook, the online course and the other content pages."""

from demo.stream import body, call_to_action, document, faq, heading, image, paragraph, quote

SITE_NAME = "Mitmach-Hub"

SETTINGS = {
    "tagline": "Das Netzwerk der Mitmach-Regionen: vernetzen, ausprobieren, gemeinsam wirken",
    "contact_email": "hallo@mitmach-hub.example",
    "footer_text": (
        "Der Mitmach-Hub ist die offene Plattform der Mitmach-Regionen. Inhalte dürfen für eigene "
        "Regionalprozesse gern weiterverwendet werden – sagt uns Bescheid, was daraus geworden ist."
    ),
}

HOME = {
    "title": "Startseite",
    "slug": "home",
    "seo_title": "Mitmach-Hub – das Netzwerk der Mitmach-Regionen",
    "search_description": (
        "Regionen finden, erprobte Aktionen nachmachen und Veranstaltungen für Regional-Teams besuchen."
    ),
    "hero_title": "Gemeinsam die eigene Region verändern",
    "hero_text": (
        "Im Netzwerk der Mitmach-Regionen finden Engagierte, Initiativen, Betriebe und Kommunen zueinander. "
        "Hier gibt es erprobte Aktionen, Begleitung für Regional-Teams und die Karte aller Regionen."
    ),
    "hero_cta_label": "Regionen entdecken",
    "hero_cta_page": "regionen",
    "intro": (
        "<p>In vielen Orten wollen Menschen anpacken: Sie reparieren, gärtnern, gründen Genossenschaften "
        "oder laden zum Nachbarschaftsfest ein. Oft wissen sie aber wenig voneinander. Eine "
        "<b>Mitmach-Region</b> ändert das: Ein kleines Team knüpft Kontakte, macht sichtbar, was es schon "
        "gibt, und lädt alle zu einer gemeinsamen Konferenz ein.</p>"
    ),
    "body": body(
        heading("So wird eine Region zur Mitmach-Region"),
        paragraph(
            "Am Anfang steht ein Regional-Team aus zwei bis sechs Menschen. Es erkundet die Region, spricht "
            "mit Vereinen, Betrieben und der Verwaltung und entwickelt eine gemeinsame Vorstellung davon, "
            "wohin die Reise gehen soll.",
            "Sichtbar wird das Netzwerk spätestens auf der Mitmach-Konferenz: Dort sitzen Menschen an "
            "Thementischen zusammen, die sich vorher nie begegnet wären, und verabreden konkrete Projekte.",
        ),
        image(
            "Illustration: Menschen vor grünen Hügeln",
            caption="Vier Handlungsfelder, ein Netzwerk: Energie und Verkehr, Ernährung, Wirtschaft und Zusammenhalt.",
        ),
        quote(
            "Wir dachten, wir müssten alles selbst erfinden. Auf der Konferenz haben wir gemerkt, wie viele "
            "Leute längst an denselben Fragen arbeiten.",
            "Mitglied eines Regional-Teams",
        ),
        call_to_action(
            "Aktion gesucht?",
            "Über dreißig erprobte Aktionen – sortiert nach Aufwand, Wirkung und Handlungsfeld.",
            "Zum Aktions-Pool",
            page="aktionen",
        ),
        call_to_action(
            "Eure Region fehlt noch?",
            "Gründet ein Regional-Team und startet mit dem Regionallabor. Wir begleiten euch.",
            "Begleitprogramm ansehen",
            page="begleitprogramm",
        ),
        faq(
            "Häufige Fragen",
            [
                (
                    "Wer kann mitmachen?",
                    "Alle, die in ihrer Region etwas bewegen wollen: Einzelpersonen, Initiativen, Vereine, "
                    "Unternehmen und Kommunen.",
                ),
                (
                    "Was kostet die Teilnahme?",
                    "Das Mitmachen auf der Plattform ist kostenlos. Regional-Teams im Begleitprogramm "
                    "hinterlegen eine Kaution, die sie später zurückbekommen.",
                ),
                (
                    "Wie groß ist eine Region?",
                    "Das legt das Team selbst fest – von einer Kleinstadt mit Umland bis zu mehreren Landkreisen.",
                ),
            ],
        ),
    ),
}

REGION_INDEX = {
    "title": "Regionen",
    "slug": "regionen",
    "intro": (
        "Auf der Karte seht ihr alle Mitmach-Regionen – solche, die schon aktiv sind, solche, die sich gerade "
        "im Regionallabor aufstellen, und Orte, an denen Menschen Interesse angemeldet haben. Klickt auf eine "
        "Region, um das Team, die Initiativen und die nächsten Termine zu finden."
    ),
}

ACTION_INDEX = {
    "title": "Aktions-Pool",
    "slug": "aktionen",
    "intro": (
        "Niemand muss das Rad neu erfinden. Im Aktions-Pool sammeln wir Aktionen, die in Regionen schon "
        "funktioniert haben – jeweils mit Aufwand, Wirkung, benötigten Ressourcen und einer Anleitung in "
        "wenigen Schritten. Filtert nach Handlungsfeld und Nachhaltigkeitsziel und sucht euch etwas aus."
    ),
}

EVENT_INDEX = {
    "title": "Veranstaltungen",
    "slug": "veranstaltungen",
    "intro": (
        "Webinare zu den Handlungsfeldern, Live-Calls für alle Regionen, die wöchentliche Sprechstunde und "
        "Konferenzen vor Ort. Verpasst? Die meisten Online-Termine werden aufgezeichnet und landen in der "
        "Videothek."
    ),
}

SERIES = {
    "title": "Regionallabor 2024/25",
    "slug": "regionallabor-2024-25",
    "is_series": True,
    "intro": (
        "Das Regionallabor ist der gemeinsame Einstieg neuer Regional-Teams: sechs Monate, von Oktober 2024 "
        "bis März 2025, mit sechs Online-Modulen à zwei Stunden und einem Präsenzmodul über eineinhalb Tage."
    ),
}

NEWS_INDEX = {
    "title": "Neuigkeiten",
    "slug": "neuigkeiten",
    "intro": "Berichte aus den Regionen, Rückblicke auf Veranstaltungen und Neues aus dem Netzwerk.",
}

HANDBOOK = {
    "title": "Handbuch",
    "slug": "handbuch",
    "intro": (
        "Das Handbuch führt Schritt für Schritt zur eigenen Mitmach-Konferenz: von der Entscheidung im "
        "kleinen Kreis bis zum Auswertungs-Workshop danach. Zum Nachlesen, Ausdrucken und Weitergeben."
    ),
    "body": body(
        paragraph(
            "Die Kapitel bauen aufeinander auf, lassen sich aber auch einzeln lesen. Jedes endet mit Fragen, "
            "die ihr im Team besprechen könnt. Ergänzend gibt es den Online-Kurs mit kurzen Erklärvideos."
        ),
        document("Leitfaden Mitmach-Konferenz", "Kurzfassung als PDF"),
    ),
    "children": [
        {
            "title": "Die Entscheidung: Wollen wir das?",
            "slug": "entscheidung",
            "intro": "Bevor Einladungen verschickt werden, braucht es ein klares Ja im Team – und eine ehrliche Einschätzung der eigenen Kräfte.",
            "body": body(
                heading("Warum eine Mitmach-Konferenz?"),
                paragraph(
                    "Eine Konferenz ist kein Selbstzweck. Sie lohnt sich, wenn es in der Region schon Engagement "
                    "gibt, das verstreut ist, und wenn ihr Lust habt, Menschen zusammenzubringen, statt selbst "
                    "alle Projekte umzusetzen."
                ),
                heading("Was ihr mitbringen solltet", "h3"),
                paragraph(
                    "Rechnet mit einigen Stunden pro Woche über ein halbes Jahr. Wichtiger als Geld sind "
                    "Kontakte, ein Ort und Menschen, die gern moderieren.",
                    bullets=[
                        "ein Kernteam von mindestens drei Personen",
                        "Zeit für Gespräche mit Akteur:innen vor Ort",
                        "einen Raum, in dem viele Menschen an Tischen arbeiten können",
                    ],
                ),
                faq(
                    "Fragen für euer Team",
                    [
                        (
                            "Was wollen wir in zwei Jahren erreicht haben?",
                            "Schreibt jede:r für sich drei Sätze auf und vergleicht sie.",
                        ),
                        (
                            "Wer fehlt uns noch?",
                            "Denkt an Menschen aus Verwaltung, Landwirtschaft, Handwerk und Jugendarbeit.",
                        ),
                    ],
                ),
            ),
        },
        {
            "title": "Das Team und seine Rollen",
            "slug": "team-und-rollen",
            "intro": "Ein gutes Regional-Team ist gemischt und verteilt die Arbeit so, dass niemand ausbrennt.",
            "body": body(
                paragraph(
                    "Bewährt haben sich feste Zuständigkeiten: eine Person hält den Zeitplan im Blick, eine "
                    "kümmert sich um Öffentlichkeitsarbeit, eine um Finanzen und Förderung, und alle führen "
                    "Gespräche mit Akteur:innen.",
                    "Trefft euch regelmäßig, kurz und verbindlich – eine Stunde alle zwei Wochen reicht oft.",
                ),
                heading("Entscheidungen treffen", "h3"),
                paragraph(
                    "Legt früh fest, wie ihr entscheidet: im Konsens, mit Mehrheit oder per Konsent. Das spart "
                    "später lange Diskussionen, wenn es schnell gehen muss."
                ),
            ),
        },
        {
            "title": "Akteur:innen finden und gewinnen",
            "slug": "akteurinnen-gewinnen",
            "intro": "Wer macht in eurer Region schon was? Eine Landkarte der Engagierten ist das Fundament der Konferenz.",
            "body": body(
                paragraph(
                    "Beginnt mit einer Liste: Vereine, Initiativen, Betriebe, Kirchengemeinden, Schulen, "
                    "Verwaltung. Fragt bei jedem Gespräch, wen ihr unbedingt noch kennenlernen solltet – so "
                    "wächst das Netz von allein.",
                ),
                heading("Das persönliche Gespräch", "h3"),
                paragraph(
                    "Eine E-Mail wird schnell vergessen, ein Kaffee nicht. Nehmt euch Zeit, erzählt von der "
                    "Idee und hört vor allem zu: Was brauchen die anderen, wo hakt es, was würde ihnen helfen?"
                ),
                call_to_action(
                    "Initiativen auf die Karte bringen",
                    "Tragt die Initiativen eurer Region im Mitmach-Hub ein, damit andere sie finden.",
                    "Zu den Regionen",
                    page="regionen",
                ),
            ),
        },
        {
            "title": "Die Konferenz gestalten",
            "slug": "konferenz-gestalten",
            "intro": "Thementische, ein offener Marktplatz und genug Pausen: So entsteht ein Tag, an dem wirklich gearbeitet wird.",
            "body": body(
                paragraph(
                    "Das Herz der Konferenz sind die Thementische. An jedem Tisch lädt eine Gastgeberin oder ein "
                    "Gastgeber zu einer Frage ein, etwa: Wie kommen wir ohne eigenes Auto zum Bahnhof? Die "
                    "Teilnehmenden wechseln nach jeder Runde und tragen Ideen weiter.",
                    "Am Ende stehen Verabredungen: Wer trifft sich wann wieder, wer übernimmt den nächsten Schritt?",
                ),
                heading("Ein möglicher Ablauf", "h3"),
                paragraph(
                    numbered=[
                        "Ankommen mit Kaffee und Namensschildern",
                        "Begrüßung und ein kurzer Impuls aus der Region",
                        "zwei bis drei Runden an den Thementischen",
                        "Mittagspause mit regionalem Essen",
                        "Marktplatz der Ergebnisse und Verabredungen",
                        "gemeinsamer Ausklang",
                    ]
                ),
            ),
        },
        {
            "title": "Nach der Konferenz: Auswerten und weitermachen",
            "slug": "nach-der-konferenz",
            "intro": "Der wichtigste Teil beginnt, wenn die Tische abgebaut sind.",
            "body": body(
                paragraph(
                    "Ladet einige Wochen nach der Konferenz zu einem Auswertungs-Workshop ein: Was ist aus den "
                    "Verabredungen geworden? Welche Gruppen brauchen Unterstützung? Was machen wir beim nächsten "
                    "Mal anders?",
                    "Haltet die Ergebnisse fest und teilt sie – auf der Seite eurer Region und im Forum.",
                ),
            ),
        },
    ],
}

COURSE = {
    "title": "Online-Kurs",
    "slug": "online-kurs",
    "intro": (
        "Der Online-Kurs erklärt in kurzen Lektionen, wie ihr eine Mitmach-Region aufbaut. Ihr geht ihn in "
        "eurem eigenen Tempo durch; begleitende Online-Treffen verbinden euch mit Teams aus anderen Regionen."
    ),
    "body": body(
        paragraph(
            "Jede Lektion hat einen kurzen Text, Fragen zum Weiterdenken und Hinweise auf passende Aktionen und "
            "Kapitel im Handbuch. Plant etwa eine Stunde pro Lektion ein."
        ),
    ),
    "children": [
        {
            "title": "Lektion 1: Was eine Mitmach-Region ausmacht",
            "slug": "lektion-1-mitmach-region",
            "intro": "Netzwerk statt Einzelkämpfe: die Grundidee in wenigen Minuten.",
            "body": body(
                paragraph(
                    "Eine Mitmach-Region ist kein Verein und keine Behörde, sondern ein Netz aus Menschen und "
                    "Initiativen, die sich gegenseitig stärken. Das Regional-Team knüpft dieses Netz, hält es "
                    "lebendig und macht es sichtbar.",
                    "Orientierung geben die vier Handlungsfelder und die 17 Nachhaltigkeitsziele der Vereinten Nationen.",
                ),
            ),
        },
        {
            "title": "Lektion 2: Die Region erkunden",
            "slug": "lektion-2-region-erkunden",
            "intro": "Mit frischem Blick auf Bekanntes schauen: Daten, Orte und Menschen.",
            "body": body(
                paragraph(
                    "Sammelt, was eure Region prägt: Wer wohnt hier, wohin pendeln die Leute, wo treffen sie sich? "
                    "Ergänzt die Zahlen durch Gespräche mit Schlüsselpersonen – sie wissen, was gut läuft und "
                    "wo es fehlt.",
                ),
                faq(
                    "Aufgabe",
                    [
                        (
                            "Zeichnet eine Karte",
                            "Markiert Orte, an denen schon Wandel passiert, und Orte, an denen ihr Lücken seht.",
                        )
                    ],
                ),
            ),
        },
        {
            "title": "Lektion 3: Beziehungen aufbauen",
            "slug": "lektion-3-beziehungen",
            "intro": "Vertrauen entsteht durch Zuhören, Verlässlichkeit und gemeinsame kleine Erfolge.",
            "body": body(
                paragraph(
                    "Geht mit einer fragenden Haltung in Gespräche. Wer sich gehört fühlt, kommt auch zur "
                    "Konferenz. Kleine gemeinsame Aktionen – ein Infostand, eine Radtour – schaffen Vertrauen, "
                    "bevor es um große Pläne geht."
                ),
            ),
        },
        {
            "title": "Lektion 4: Vision und Ziele",
            "slug": "lektion-4-vision",
            "intro": "Wohin wollen wir? Eine gemeinsame Vision gibt Richtung, Ziele machen sie überprüfbar.",
            "body": body(
                paragraph(
                    "Stellt euch vor, es ist zehn Jahre später und die Region hat sich so entwickelt, wie ihr es "
                    "euch wünscht. Was seht ihr? Schreibt es auf, und leitet daraus zwei bis drei Ziele für die "
                    "nächsten zwölf Monate ab."
                ),
            ),
        },
        {
            "title": "Lektion 5: Die Mitmach-Konferenz vorbereiten",
            "slug": "lektion-5-konferenz",
            "intro": "Vom Datum bis zum Tischschild: Planung, Einladung und Moderation.",
            "body": body(
                paragraph(
                    "Diese Lektion fasst das Handbuch zusammen und gibt einen Zeitplan für die letzten sechs "
                    "Monate vor der Konferenz. Besonders wichtig: früh Gastgeber:innen für die Thementische finden."
                ),
                call_to_action(
                    "Im Handbuch weiterlesen",
                    "Das Kapitel zur Gestaltung der Konferenz geht ins Detail.",
                    "Zum Kapitel",
                    page="handbuch/konferenz-gestalten",
                ),
            ),
        },
        {
            "title": "Lektion 6: Sichtbar werden",
            "slug": "lektion-6-sichtbar-werden",
            "intro": "Presse, soziale Medien und der Mitmach-Hub: Erzählt, was in eurer Region passiert.",
            "body": body(
                paragraph(
                    "Gute Geschichten handeln von Menschen, nicht von Strukturen. Stellt regelmäßig eine "
                    "Initiative vor, ladet die Lokalzeitung zu Aktionen ein und pflegt die Seite eurer Region "
                    "im Mitmach-Hub."
                ),
            ),
        },
    ],
}

PROGRAMME = {
    "title": "Begleitprogramm",
    "slug": "begleitprogramm",
    "intro": (
        "Neue Regional-Teams starten gemeinsam im Regionallabor und nutzen danach die Angebote, die zu ihnen "
        "passen – online und vor Ort."
    ),
    "body": body(
        heading("Der Einstieg: das Regionallabor"),
        paragraph(
            "Einmal im Jahr beginnen mehrere Regional-Teams zusammen. Ein halbes Jahr lang erkunden sie ihre "
            "Region, knüpfen Kontakte, entwickeln eine Vision und planen ihren Weg. Die meisten Module finden "
            "abends online statt, eines als Wochenende vor Ort."
        ),
        call_to_action(
            "Regionallabor 2024/25",
            "Alle Module mit Terminen und Inhalten.",
            "Zu den Modulen",
            page="veranstaltungen/regionallabor-2024-25",
        ),
        call_to_action(
            "Mit eurer Region dabei sein",
            "Bewerbt euch mit eurem Regional-Team für die nächste Runde des Regionallabors.",
            "Jetzt bewerben",
            page="region-starten",
        ),
        heading("Danach: Angebote nach Bedarf"),
        paragraph(
            "Den Kern bilden moderierte Weggemeinschaften, in denen sich Teams einer Großregion regelmäßig "
            "austauschen und mindestens einmal im Jahr auch persönlich treffen. Dazu kommen:",
            bullets=[
                "eine wöchentliche Sprechstunde per Video für Fragen zwischendurch",
                "Live-Calls für alle Regionen – mit Impulsen von Fachleuten oder als Open Space",
                "Webinare zu den vier Handlungsfeldern",
                "Coaching vor Ort, wenn ein Thema mehr Zeit braucht",
                "alle zwei Jahre ein Fest aller Regionen zum Feiern, Austauschen und Weiterdenken",
            ],
        ),
        heading("Förderung und Kaution"),
        paragraph(
            "Teams im Begleitprogramm zahlen 500 € Kaution in den Mitmach-Fonds ein. Sobald sie ihre Vision und "
            "die geplanten Schritte skizziert haben, bekommen sie das Geld zurück – unter Umständen ergänzt "
            "durch eine zusätzliche Förderung."
        ),
        faq(
            "Fragen zum Begleitprogramm",
            [
                (
                    "Müssen wir alle Angebote nutzen?",
                    "Nein. Das Programm ist modular; ihr wählt aus, was euch weiterbringt.",
                ),
                (
                    "Was, wenn wir einen Termin verpassen?",
                    "Live-Calls und Webinare werden aufgezeichnet und stehen in der Videothek bereit.",
                ),
            ],
        ),
    ),
}

ABOUT = {
    "title": "Über uns",
    "slug": "ueber-uns",
    "intro": (
        "Hinter dem Mitmach-Hub steht ein kleines Team, das seit Herbst 2021 Regionen beim Aufbau von "
        "Netzwerken für den sozial-ökologischen Wandel begleitet."
    ),
    "body": body(
        heading("Wie alles anfing"),
        paragraph(
            "Aus den Erfahrungen vieler Mitmach-Konferenzen entstand 2020 ein Werkzeugkasten aus Handbuch und "
            "Online-Kurs, frei zugänglich für alle. 2022 kam die Vernetzungsplattform mit Karte und Aktions-Pool "
            "dazu, aus der dieser Hub hervorgegangen ist.",
        ),
        heading("Partner und Förderung"),
        paragraph(
            "Wir arbeiten mit der Schweisfurth Stiftung, Pioneers of Change und wirundjetzt e.V. zusammen. "
            "Handbuch und Online-Kurs wurden im Ideenwettbewerb „Land schreibt Zukunft“ ausgezeichnet und aus "
            "dem Fonds Nachhaltigkeitskultur des Rats für Nachhaltige Entwicklung gefördert; die Erweiterung zu "
            "den Mitmach-Regionen unterstützte die Deutsche Postcode Lotterie, Plattform, Karte und Aktions-Pool "
            "förderte 100x Digital.",
            "Die Begleitung der Regionen finanziert sich gemischt – auch die teilnehmenden Regionen tragen einen Teil bei.",
        ),
        quote(
            "2023 wurde das Projekt mit dem Preis für Nachhaltigkeit der Neumarkter Lammsbräu in der Kategorie "
            "Non-Profit-Organisation ausgezeichnet.",
            "Aus unserer Chronik",
        ),
        image("Illustration: Netzwerk-Kreise auf Blau", caption="Viele Kreise, ein Netz."),
    ),
}

IMPRINT = {
    "title": "Impressum",
    "slug": "impressum",
    "show_in_menus": False,
    "intro": "Angaben zum Betreiber dieser Website.",
    "body": body(
        paragraph(
            "Dies ist eine Demo-Installation des Mitmach-Hubs. Tragt hier die Angaben des tatsächlichen "
            "Betreibers ein: Name, Anschrift, Vertretungsberechtigte und Kontakt.",
            "Kontakt: hallo@mitmach-hub.example",
        ),
    ),
}

PRIVACY = {
    "title": "Datenschutz",
    "slug": "datenschutz",
    "show_in_menus": False,
    "intro": "Wie wir mit euren Daten umgehen.",
    "body": body(
        paragraph(
            "Dies ist eine Demo-Installation. Für den Betrieb gehört hier die vollständige Datenschutzerklärung "
            "hin: welche Daten bei Registrierung, Forum und Karte gespeichert werden, wie lange und auf welcher "
            "Rechtsgrundlage, und wie Mitglieder ihre Daten exportieren oder löschen können."
        ),
    ),
}

# Top-level content pages in menu order, after the four sections.
CONTENT_PAGES = [HANDBOOK, COURSE, PROGRAMME, ABOUT, IMPRINT, PRIVACY]

# Actions shown on the home page, by slug.
FEATURED_ACTIONS = [
    "repair-cafe",
    "solidarische-landwirtschaft",
    "buergerenergie-genossenschaft",
    "nachbarschaftsfest",
    "mitmach-konferenz-organisieren",
]
