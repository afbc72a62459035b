"""Mitmach-Regionen at their real coordinates, each with its initiatives (approved and pending)."""

from demo.data.keys import ECONOMY, ENERGY, FOOD, SOCIAL
from demo.stream import body, call_to_action, heading, paragraph, quote

REGIONS = [
    {
        "slug": "neumarkt-oberpfalz",
        "title": "Neumarkt in der Oberpfalz",
        "address": "Neumarkt in der Oberpfalz, Bayern",
        "lat": 49.2803,
        "lng": 11.4625,
        "area_description": "Stadt und Landkreis Neumarkt i. d. OPf. mit den Märkten Lauterhofen und Pyrbaum",
        "summary": (
            "Eine der ersten Mitmach-Regionen: Zwischen Jura und Altmühltal arbeiten Landwirtschaft, Handwerk "
            "und Initiativen eng zusammen – jährlich trifft sich das Netzwerk zur Mitmach-Konferenz."
        ),
        "status": "active",
        "start_year": 2021,
        "fields": [FOOD, ECONOMY, SOCIAL],
        "contact_email": "neumarkt@mitmach-hub.example",
        "body": body(
            heading("Was hier passiert"),
            paragraph(
                "Rund um Neumarkt gibt es eine lange Tradition regionaler Kreisläufe: Brauereien, Bäckereien und "
                "Höfe beziehen ihre Zutaten aus der Umgebung. Das Regional-Team knüpft daran an und bringt "
                "Erzeuger:innen, Initiativen und Verwaltung an einen Tisch.",
                "Aus der ersten Konferenz sind eine Solidarische Landwirtschaft, ein Repair-Café und eine "
                "Arbeitsgruppe für klimafreundliches Kantinenessen hervorgegangen.",
            ),
            quote(
                "Bei uns kennt man sich – aber dass die Imkerin und der Schulkoch dasselbe wollen, hat erst die "
                "Konferenz gezeigt.",
                "Regional-Team Neumarkt",
            ),
        ),
        "initiatives": [
            {
                "name": "SoLaWi Jurahöfe",
                "kind": "association",
                "fields": [FOOD],
                "website": "https://solawi-jurahoefe.example",
                "description": "Drei Höfe versorgen rund 120 Haushalte mit Gemüse, Brot und Milchprodukten; die Mitglieder tragen gemeinsam die Kosten.",
                "address": "Berngau",
                "lat": 49.2489,
                "lng": 11.4021,
            },
            {
                "name": "Repair-Café Neumarkt",
                "kind": "project",
                "fields": [ECONOMY, SOCIAL],
                "website": "https://repaircafe-neumarkt.example",
                "description": "Jeden zweiten Samstag im Monat reparieren Ehrenamtliche gemeinsam mit den Gästen Toaster, Fahrräder und Lieblingshosen.",
                "address": "Neumarkt in der Oberpfalz",
                "lat": 49.2781,
                "lng": 11.4589,
            },
            {
                "name": "Bäckerei Kornkreis",
                "kind": "company",
                "fields": [FOOD, ECONOMY],
                "website": "https://kornkreis-baeckerei.example",
                "description": "Handwerksbäckerei, die ausschließlich Getreide aus dem Landkreis verarbeitet und ihre Reste an den Fairteiler gibt.",
                "address": "Velburg",
                "lat": 49.2325,
                "lng": 11.6702,
            },
            {
                "name": "Stadtverwaltung Neumarkt – Nachhaltigkeitsbüro",
                "kind": "municipality",
                "fields": [ENERGY, SOCIAL],
                "website": "https://nachhaltigkeit-neumarkt.example",
                "description": "Ansprechstelle der Stadt für Klimaschutz und Bürgerbeteiligung; unterstützt die Mitmach-Konferenz mit Räumen.",
                "address": "Neumarkt in der Oberpfalz",
                "lat": 49.2797,
                "lng": 11.4631,
            },
            {
                "name": "Blühende Jura-Wiesen",
                "kind": "individual",
                "fields": [FOOD],
                "website": "",
                "description": "Eine Biologin berät Gemeinden und Landwirt:innen bei der Anlage artenreicher Blühflächen.",
                "address": "Parsberg",
                "lat": 49.1603,
                "lng": 11.7196,
                "approved": False,
            },
        ],
    },
    {
        "slug": "muensterland",
        "title": "Münsterland",
        "address": "Münster, Nordrhein-Westfalen",
        "lat": 51.9607,
        "lng": 7.6261,
        "area_description": "Stadt Münster und die Kreise Steinfurt, Warendorf, Coesfeld und Borken",
        "summary": (
            "Fahrradregion mit langem Atem: Im Münsterland verbinden sich Klimaschutz der Stadt Münster und "
            "engagierte Dörfer im Umland zu einem wachsenden Netzwerk."
        ),
        "status": "active",
        "start_year": 2022,
        "fields": [ENERGY, SOCIAL, FOOD],
        "contact_email": "muensterland@mitmach-hub.example",
        "body": body(
            heading("Stadt und Land zusammenbringen"),
            paragraph(
                "Münster hat mit Haushalten und Anbietern erprobt, wie klimafreundliche Entscheidungen im Alltag "
                "leichter werden. Das Regional-Team trägt diese Erfahrungen ins Umland und sammelt umgekehrt "
                "gute Ideen aus den Dörfern.",
                "Ein Schwerpunkt liegt auf Mobilität: Lastenräder, Mitfahrbänke und Carsharing in kleineren Orten.",
            ),
            call_to_action(
                "Mitmachen im Münsterland",
                "Ihr habt eine Initiative im Münsterland? Tragt sie ein und kommt zum nächsten Netzwerktreffen.",
                "Zur Veranstaltungsübersicht",
                page="veranstaltungen",
            ),
        ),
        "initiatives": [
            {
                "name": "Lastenrad Münsterland",
                "kind": "association",
                "fields": [ENERGY],
                "website": "https://lastenrad-muensterland.example",
                "description": "Kostenloser Verleih von zwölf Lastenrädern an Stationen in Bäckereien, Bibliotheken und Bürgerhäusern.",
                "address": "Münster",
                "lat": 51.9625,
                "lng": 7.6170,
            },
            {
                "name": "Mitfahrbänke Kreis Steinfurt",
                "kind": "project",
                "fields": [ENERGY, SOCIAL],
                "website": "https://mitfahrbank-steinfurt.example",
                "description": "Gelbe Bänke an Ortsausgängen: Wer sich setzt, wird mitgenommen – inzwischen in acht Gemeinden.",
                "address": "Steinfurt",
                "lat": 52.1500,
                "lng": 7.3400,
            },
            {
                "name": "Gemeinschaftsgarten Kinderhaus",
                "kind": "project",
                "fields": [FOOD, SOCIAL],
                "website": "https://garten-kinderhaus.example",
                "description": "Nachbarinnen und Nachbarn aus zwanzig Ländern gärtnern auf einer ehemaligen Brachfläche.",
                "address": "Münster-Kinderhaus",
                "lat": 51.9980,
                "lng": 7.6050,
            },
            {
                "name": "Energiegenossenschaft Warendorfer Land",
                "kind": "company",
                "fields": [ENERGY, ECONOMY],
                "website": "https://energie-warendorf.example",
                "description": "Bürgerinnen und Bürger betreiben gemeinsam Solaranlagen auf Schulen und Turnhallen.",
                "address": "Warendorf",
                "lat": 51.9540,
                "lng": 7.9930,
            },
            {
                "name": "Tauschring Coesfeld",
                "kind": "association",
                "fields": [ECONOMY, SOCIAL],
                "website": "https://tauschring-coesfeld.example",
                "description": "Mitglieder tauschen Hilfe in Stunden statt in Euro: Gartenarbeit gegen Nachhilfe, Fahrdienst gegen Kuchen.",
                "address": "Coesfeld",
                "lat": 51.9459,
                "lng": 7.1675,
                "approved": False,
            },
        ],
    },
    {
        "slug": "minden-ostwestfalen-lippe",
        "title": "Minden und Ostwestfalen-Lippe",
        "address": "Minden, Nordrhein-Westfalen",
        "lat": 52.2894,
        "lng": 8.9158,
        "area_description": "Kreis Minden-Lübbecke mit Verbindungen nach Bielefeld, Herford und Lippe",
        "summary": (
            "In Minden wächst seit 2017 ein Netzwerk rund um Nachhaltigkeitswochen und Wandeltage; die "
            "Mitmach-Region verbindet es mit Initiativen in ganz Ostwestfalen-Lippe."
        ),
        "status": "active",
        "start_year": 2022,
        "fields": [SOCIAL, ECONOMY, ENERGY, FOOD],
        "contact_email": "owl@mitmach-hub.example",
        "body": body(
            heading("Vom Aktionstag zum Netzwerk"),
            paragraph(
                "Was in Minden mit einer Webseite für die erste Nachhaltigkeitswoche begann, ist heute ein Netz "
                "aus vielen Akteurinnen und Akteuren. Mit kreativen Aktionen und offenen Orten tragen sie das "
                "Thema in die Stadtgesellschaft.",
                "Die Mitmach-Region knüpft daran an und öffnet das Netzwerk für Nachbarkreise.",
            ),
        ),
        "initiatives": [
            {
                "name": "Netzwerk Wandeltage Minden",
                "kind": "organisation",
                "fields": [SOCIAL, ECONOMY],
                "website": "https://wandeltage-minden.example",
                "description": "Organisiert jedes Jahr Aktionstage mit Stadtführungen, Kleidertausch und offenen Werkstätten.",
                "address": "Minden",
                "lat": 52.2887,
                "lng": 8.9167,
            },
            {
                "name": "Foodsharing Porta Westfalica",
                "kind": "project",
                "fields": [FOOD],
                "website": "https://foodsharing-porta.example",
                "description": "Rettet Lebensmittel aus Supermärkten und Bäckereien und betreibt zwei Fairteiler.",
                "address": "Porta Westfalica",
                "lat": 52.2350,
                "lng": 8.9200,
            },
            {
                "name": "Offene Werkstatt Lübbecke",
                "kind": "association",
                "fields": [ECONOMY, SOCIAL],
                "website": "https://werkstatt-luebbecke.example",
                "description": "Holz-, Metall- und Fahrradwerkstatt zum Selbermachen, mit Kursen für Jugendliche.",
                "address": "Lübbecke",
                "lat": 52.3080,
                "lng": 8.6180,
            },
            {
                "name": "Bürgerbus Bad Oeynhausen",
                "kind": "association",
                "fields": [ENERGY, SOCIAL],
                "website": "https://buergerbus-oeynhausen.example",
                "description": "Ehrenamtliche fahren einen Kleinbus durch Ortsteile, die der Linienverkehr kaum erreicht.",
                "address": "Bad Oeynhausen",
                "lat": 52.2050,
                "lng": 8.8000,
            },
        ],
    },
    {
        "slug": "koeln-bonn",
        "title": "Köln-Bonn",
        "address": "Köln, Nordrhein-Westfalen",
        "lat": 50.9375,
        "lng": 6.9603,
        "area_description": "Köln, Bonn und der Rhein-Sieg-Kreis",
        "summary": (
            "Zwei Großstädte, viele Initiativen: Das neue Regional-Team will Klimaschutz-Gruppen, "
            "Freiwilligenagenturen und Kommunen am Rhein besser miteinander ins Gespräch bringen."
        ),
        "status": "forming",
        "start_year": 2024,
        "fields": [ENERGY, SOCIAL],
        "contact_email": "koeln-bonn@mitmach-hub.example",
        "body": body(
            heading("Im Aufbau"),
            paragraph(
                "Das Team hat im Regionallabor begonnen und führt gerade Gespräche mit Initiativen in beiden "
                "Städten. Ein erstes Regionalgespräch mit Kommunen ist geplant.",
            ),
        ),
        "initiatives": [
            {
                "name": "Veedel für Klima",
                "kind": "project",
                "fields": [ENERGY, SOCIAL],
                "website": "https://veedel-klima.example",
                "description": "Nachbarschaftsgruppen in Köln-Ehrenfeld und Nippes organisieren Energiespar-Checks und Straßenfeste.",
                "address": "Köln-Ehrenfeld",
                "lat": 50.9490,
                "lng": 6.9200,
            },
            {
                "name": "Bonner Leihladen",
                "kind": "association",
                "fields": [ECONOMY],
                "website": "https://leihladen-bonn.example",
                "description": "Bohrmaschine, Zelt oder Raclette-Grill: über 400 Dinge zum Ausleihen statt Kaufen.",
                "address": "Bonn",
                "lat": 50.7374,
                "lng": 7.0982,
            },
            {
                "name": "Freiwilligenagentur Rhein-Sieg",
                "kind": "organisation",
                "fields": [SOCIAL],
                "website": "https://freiwillig-rhein-sieg.example",
                "description": "Vermittelt Engagierte an Vereine und Initiativen und berät bei der Gewinnung von Ehrenamtlichen.",
                "address": "Siegburg",
                "lat": 50.7930,
                "lng": 7.2070,
            },
            {
                "name": "Solarfreunde Südstadt",
                "kind": "individual",
                "fields": [ENERGY],
                "website": "",
                "description": "Zwei Nachbarn organisieren Sammelbestellungen für Balkonkraftwerke und helfen beim Anschließen.",
                "address": "Köln-Südstadt",
                "lat": 50.9220,
                "lng": 6.9580,
                "approved": False,
            },
        ],
    },
    {
        "slug": "aachen",
        "title": "Aachen und Eifelrand",
        "address": "Aachen, Nordrhein-Westfalen",
        "lat": 50.7753,
        "lng": 6.0839,
        "area_description": "Städteregion Aachen und der Kreis Düren",
        "summary": (
            "Hier haben sich erste Interessierte gemeldet, die eine Mitmach-Region im Dreiländereck gründen "
            "möchten. Mitstreiter:innen sind willkommen."
        ),
        "status": "interested",
        "start_year": None,
        "fields": [ENERGY],
        "contact_email": "aachen@mitmach-hub.example",
        "body": body(
            paragraph(
                "Noch gibt es kein festes Team. Wer in Aachen, Stolberg, Eschweiler oder Düren mitmachen möchte, "
                "meldet sich gern – im nächsten Regionallabor ist Platz."
            ),
            call_to_action(
                "Selbst eine Region starten",
                "Wie der Einstieg funktioniert, steht im Begleitprogramm.",
                "Zum Begleitprogramm",
                page="begleitprogramm",
            ),
        ),
        "initiatives": [
            {
                "name": "Klimawerkstatt Stolberg",
                "kind": "association",
                "fields": [ENERGY, SOCIAL],
                "website": "https://klimawerkstatt-stolberg.example",
                "description": "Bietet Energieberatung von Nachbar zu Nachbar und Workshops zum Stromsparen an.",
                "address": "Stolberg (Rheinland)",
                "lat": 50.7700,
                "lng": 6.2300,
            },
            {
                "name": "Dürener Gemüsekiste",
                "kind": "company",
                "fields": [FOOD],
                "website": "https://gemuesekiste-dueren.example",
                "description": "Liefert Gemüse von Höfen aus der Börde per Lastenrad in die Innenstadt.",
                "address": "Düren",
                "lat": 50.8000,
                "lng": 6.4833,
            },
        ],
    },
    {
        "slug": "bergisches-land",
        "title": "Bergisches Land",
        "address": "Wuppertal, Nordrhein-Westfalen",
        "lat": 51.2562,
        "lng": 7.1508,
        "area_description": (
            "Wuppertal, Solingen, Remscheid und Leverkusen, der Rheinisch-Bergische und der Oberbergische Kreis"
        ),
        "summary": (
            "Vier Großstädte, zwei Landkreise und viele Städtepartnerschaften: Das Team im Bergischen Land "
            "baut auf Interviews und einer Strukturanalyse auf und lädt zur regionalen Vernetzungskonferenz."
        ),
        "status": "forming",
        "start_year": 2024,
        "fields": [SOCIAL, ECONOMY],
        "contact_email": "bergisch@mitmach-hub.example",
        "body": body(
            heading("Erst zuhören, dann planen"),
            paragraph(
                "Bevor das Team eigene Vorschläge macht, hat es Schlüsselpersonen aus Vereinen, Kirchen, "
                "Unternehmen und Verwaltung befragt: Was läuft schon gut? Was fehlt? Die Antworten fließen in "
                "lokale Workshops und in eine gemeinsame Konferenz aller bergischen Städte und Kreise.",
            ),
            paragraph(
                "Besonders spannend sind die internationalen Verbindungen der Region – über Partnerstädte und "
                "Vereine reichen sie weit über das Bergische hinaus."
            ),
        ),
        "initiatives": [
            {
                "name": "Wuppertaler Stadtteilgärten",
                "kind": "association",
                "fields": [FOOD, SOCIAL],
                "website": "https://stadtteilgaerten-wuppertal.example",
                "description": "Ein Verbund von sieben Gemeinschaftsgärten zwischen Elberfeld und Barmen.",
                "address": "Wuppertal-Elberfeld",
                "lat": 51.2560,
                "lng": 7.1500,
            },
            {
                "name": "Repair-Werkstatt Solingen",
                "kind": "project",
                "fields": [ECONOMY],
                "website": "https://repair-solingen.example",
                "description": "Aus der Klingenstadt: Ehrenamtliche schärfen Messer und reparieren Haushaltsgeräte.",
                "address": "Solingen",
                "lat": 51.1652,
                "lng": 7.0671,
            },
            {
                "name": "Eine-Welt-Netz Remscheid",
                "kind": "organisation",
                "fields": [SOCIAL, ECONOMY],
                "website": "https://einewelt-remscheid.example",
                "description": "Bildungsarbeit zu fairem Handel und Partnerschaftsprojekte mit Partnerstädten.",
                "address": "Remscheid",
                "lat": 51.1787,
                "lng": 7.1897,
            },
            {
                "name": "Nachbarschaftsauto Ronsdorf",
                "kind": "project",
                "fields": [ENERGY],
                "website": "https://nachbarschaftsauto.example",
                "description": "Zwölf Haushalte teilen sich zwei E-Autos und buchen sie über einen gemeinsamen Kalender.",
                "address": "Wuppertal-Ronsdorf",
                "lat": 51.2290,
                "lng": 7.2170,
                "approved": False,
            },
        ],
    },
    {
        "slug": "mitteldeutsches-revier",
        "title": "Mitteldeutsches Revier",
        "address": "Leipzig, Sachsen",
        "lat": 51.3397,
        "lng": 12.3731,
        "area_description": "Leipzig, Halle (Saale) und die Landkreise des Braunkohlereviers in Sachsen und Sachsen-Anhalt",
        "summary": (
            "Strukturwandel von unten: Im Revier haben sich zivilgesellschaftliche Gruppen aus zwei "
            "Bundesländern zusammengeschlossen, um den Wandel nach der Kohle mitzugestalten."
        ),
        "status": "active",
        "start_year": 2023,
        "fields": [ENERGY, SOCIAL, ECONOMY],
        "contact_email": "revier@mitmach-hub.example",
        "body": body(
            heading("Mitreden beim Strukturwandel"),
            paragraph(
                "Eine Befragung mit rund 150 Beteiligten hat gezeigt: Viele wollen sich einbringen, besonders bei "
                "Dorf- und Regionalentwicklung, Klima und Umwelt sowie Beteiligung. Drei Arbeitsgruppen "
                "kümmern sich um nachhaltige Dorfentwicklung, um transparente Entscheidungen und um den Aufbau "
                "des Bündnisses selbst.",
                "Die Mitmach-Region nutzt diese Vorarbeit und bringt Aktionen aus dem Pool in die Dörfer.",
            ),
            quote(
                "Nicht zu lange an Strukturen feilen – lieber schnell gemeinsam an Themen arbeiten.",
                "Rat aus der Nachbarregion Lausitz",
            ),
        ),
        "initiatives": [
            {
                "name": "Dorfladen Kitzscher-Land",
                "kind": "company",
                "fields": [FOOD, ECONOMY, SOCIAL],
                "website": "https://dorfladen-kitzscher.example",
                "description": "Ein genossenschaftlicher Dorfladen mit Café, regionalen Produkten und Paketstation.",
                "address": "Borna",
                "lat": 51.1240,
                "lng": 12.4960,
            },
            {
                "name": "Zukunftswerkstatt Halle",
                "kind": "association",
                "fields": [SOCIAL],
                "website": "https://zukunftswerkstatt-halle.example",
                "description": "Beteiligungsformate für Jugendliche: Wie soll die Region in zwanzig Jahren aussehen?",
                "address": "Halle (Saale)",
                "lat": 51.4969,
                "lng": 11.9688,
            },
            {
                "name": "Seenland-Energie eG",
                "kind": "company",
                "fields": [ENERGY, ECONOMY],
                "website": "https://seenland-energie.example",
                "description": "Bürgerenergie-Genossenschaft, die Solaranlagen auf ehemaligen Tagebauflächen plant.",
                "address": "Markkleeberg",
                "lat": 51.2779,
                "lng": 12.3717,
            },
            {
                "name": "Stadt Zeitz – Klimaschutzmanagement",
                "kind": "municipality",
                "fields": [ENERGY],
                "website": "https://klimaschutz-zeitz.example",
                "description": "Koordiniert das kommunale Klimaschutzkonzept und lädt Initiativen zum Runden Tisch ein.",
                "address": "Zeitz",
                "lat": 51.0480,
                "lng": 12.1380,
            },
        ],
    },
    {
        "slug": "lausitz",
        "title": "Lausitz",
        "address": "Cottbus, Brandenburg",
        "lat": 51.7563,
        "lng": 14.3329,
        "area_description": "Cottbus, Spree-Neiße, Oberspreewald-Lausitz sowie die sächsische Lausitz um Hoyerswerda und Weißwasser",
        "summary": (
            "Über Ländergrenzen hinweg: In der Lausitz arbeiten Initiativen aus Brandenburg und Sachsen an einer "
            "Region, in der der Strukturwandel von den Menschen vor Ort mitbestimmt wird."
        ),
        "status": "forming",
        "start_year": 2024,
        "fields": [ENERGY, SOCIAL],
        "contact_email": "lausitz@mitmach-hub.example",
        "body": body(
            heading("Eine Region, zwei Bundesländer"),
            paragraph(
                "Ein länderübergreifendes Bürgerbündnis hat hier früh vorgemacht, wie Zivilgesellschaft im "
                "Strukturwandel mitreden kann. Das Regional-Team baut darauf auf und sucht Initiativen, die "
                "Energie, Mobilität und Zusammenhalt gemeinsam denken.",
            ),
        ),
        "initiatives": [
            {
                "name": "Bürgersolar Spremberg",
                "kind": "project",
                "fields": [ENERGY],
                "website": "https://buergersolar-spremberg.example",
                "description": "Sammelt Geld bei Bürgerinnen und Bürgern für Solaranlagen auf Vereinsheimen.",
                "address": "Spremberg",
                "lat": 51.5710,
                "lng": 14.3790,
            },
            {
                "name": "Kulturbahnhof Weißwasser",
                "kind": "association",
                "fields": [SOCIAL],
                "website": "https://kulturbahnhof-weisswasser.example",
                "description": "Ein alter Bahnhof als Treffpunkt für Konzerte, Repair-Café und Erzählabende.",
                "address": "Weißwasser/O.L.",
                "lat": 51.5040,
                "lng": 14.6390,
            },
            {
                "name": "Seenland-Gärten Senftenberg",
                "kind": "project",
                "fields": [FOOD, SOCIAL],
                "website": "https://seenland-gaerten.example",
                "description": "Gemeinschaftsbeete und eine Saatgutbibliothek in der Stadtbibliothek.",
                "address": "Senftenberg",
                "lat": 51.5250,
                "lng": 14.0010,
            },
            {
                "name": "Hoyerswerdaer Mitfahrnetz",
                "kind": "individual",
                "fields": [ENERGY, SOCIAL],
                "website": "",
                "description": "Eine Pendlerin organisiert Fahrgemeinschaften zu den großen Arbeitgebern der Region.",
                "address": "Hoyerswerda",
                "lat": 51.4380,
                "lng": 14.2350,
                "approved": False,
            },
        ],
    },
    {
        "slug": "dresden",
        "title": "Dresden und Elbland",
        "address": "Dresden, Sachsen",
        "lat": 51.0504,
        "lng": 13.7373,
        "area_description": "Landeshauptstadt Dresden mit Radebeul, Pirna und dem Elbtal",
        "summary": (
            "In Dresden gibt es viele Nachhaltigkeitsgruppen, aber noch kein gemeinsames Dach. Interessierte "
            "prüfen gerade, ob sie im nächsten Regionallabor starten."
        ),
        "status": "interested",
        "start_year": None,
        "fields": [FOOD, ECONOMY],
        "contact_email": "dresden@mitmach-hub.example",
        "body": body(
            paragraph(
                "Ein erstes Kennenlerntreffen hat gezeigt: Foodsharing, Gemeinschaftsgärten und "
                "Gemeinwohl-Unternehmen wollen enger zusammenarbeiten. Jetzt wird ein Team gesucht, das den "
                "Prozess trägt."
            ),
        ),
        "initiatives": [
            {
                "name": "Elbtal-Gemeinwohl-Runde",
                "kind": "organisation",
                "fields": [ECONOMY],
                "website": "https://gemeinwohl-elbtal.example",
                "description": "Unternehmen aus Dresden und Umgebung, die gemeinsam ihre Gemeinwohl-Bilanz erstellen.",
                "address": "Dresden",
                "lat": 51.0530,
                "lng": 13.7410,
            },
            {
                "name": "Weinberg-Garten Radebeul",
                "kind": "project",
                "fields": [FOOD],
                "website": "https://weinberggarten.example",
                "description": "Ein brachliegender Hang wird gemeinsam zu einem Obst- und Kräutergarten.",
                "address": "Radebeul",
                "lat": 51.1066,
                "lng": 13.6600,
            },
            {
                "name": "Pirnaer Tafelrunde",
                "kind": "association",
                "fields": [FOOD, SOCIAL],
                "website": "https://tafelrunde-pirna.example",
                "description": "Kochabende mit geretteten Lebensmitteln, offen für alle und gegen Spende.",
                "address": "Pirna",
                "lat": 50.9576,
                "lng": 13.9404,
                "approved": False,
            },
        ],
    },
]
