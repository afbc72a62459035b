"""Images (drawn locally, see ``files.artwork_png``) and documents (one-page PDFs) of the demo.

Both are keyed by title; pages refer to them by that title.
"""

IMAGES = [
    {
        "title": "Illustration: Menschen vor grünen Hügeln",
        "description": "Stilisierte Menschengruppe vor einer grünen Hügellandschaft mit Sonne",
        "spec": {
            "filename": "menschen-huegel",
            "sky": ("#F6D58E", "#F9EFD9"),
            "hills": ("#8DBF6A", "#5E9A3F", "#3F7A26"),
            "motif": "people",
            "motif_colour": "#A8325E",
            "sun": (0.2, 0.3),
        },
    },
    {
        "title": "Illustration: Konferenz im Kreis",
        "description": "Konzentrische Kreise als Sinnbild für Gesprächsrunden vor einer Abendlandschaft",
        "spec": {
            "filename": "konferenz-kreis",
            "sky": ("#E8A17A", "#F7E3CF"),
            "hills": ("#C98A5A", "#A8325E", "#6E1F40"),
            "motif": "circles",
            "phase": 0.8,
        },
    },
    {
        "title": "Illustration: Lastenrad in der Landschaft",
        "description": "Gezeichnetes Fahrrad vor sanften Hügeln unter blauem Himmel",
        "spec": {
            "filename": "lastenrad",
            "sky": ("#9CC7E8", "#E6F2FA"),
            "hills": ("#E0A458", "#C25E00", "#8A4300"),
            "motif": "bike",
            "phase": 2.1,
            "sun": (0.85, 0.22),
        },
    },
    {
        "title": "Illustration: Solarmodule im Abendlicht",
        "description": "Schräg aufgestellte Solarmodule vor einer Hügelkette in der Abendsonne",
        "spec": {
            "filename": "solarmodule",
            "sky": ("#F2B45A", "#FCE9C2"),
            "hills": ("#B7A27A", "#7A6A4F", "#4A3F2F"),
            "motif": "sun-panels",
            "motif_colour": "#1F5FA8",
            "sun": (0.5, 0.25),
            "sun_colour": "#FFF8D6",
        },
    },
    {
        "title": "Illustration: Keimling im Garten",
        "description": "Ein junger Keimling mit zwei Blättern vor grünen Beeten",
        "spec": {
            "filename": "keimling",
            "sky": ("#BFE3C0", "#F1F8EC"),
            "hills": ("#7FB069", "#4F8A3A", "#2F5E22"),
            "motif": "sprout",
            "motif_colour": "#F4F1DE",
            "phase": 1.3,
        },
    },
    {
        "title": "Illustration: Häuser einer Kleinstadt",
        "description": "Schematische Häuserreihe einer Kleinstadt vor Hügeln und Himmel",
        "spec": {
            "filename": "kleinstadt",
            "sky": ("#A9B8E8", "#EEF0FA"),
            "hills": ("#8FA3C9", "#1F5FA8", "#163F70"),
            "motif": "houses",
            "motif_colour": "#F6E7C1",
            "sun": (0.15, 0.25),
        },
    },
    {
        "title": "Illustration: Netzwerk-Kreise auf Blau",
        "description": "Kreise, die sich überlagern, als Sinnbild für Vernetzung",
        "spec": {
            "filename": "netzwerk",
            "sky": ("#1F5FA8", "#8FB8E0"),
            "hills": ("#3F7A26", "#2F5E22", "#1E3D16"),
            "motif": "circles",
            "motif_colour": "#FCC30B",
            "sun": (0.82, 0.2),
            "phase": 3.0,
        },
    },
    {
        "title": "Illustration: Gemeinsam feiern",
        "description": "Menschengruppe vor einer warmen Abendlandschaft",
        "spec": {
            "filename": "gemeinsam-feiern",
            "sky": ("#D9779B", "#F8DDE6"),
            "hills": ("#E3A6BC", "#A8325E", "#5C1A33"),
            "motif": "people",
            "motif_colour": "#FFF3C4",
            "sun": (0.8, 0.3),
            "phase": 4.2,
        },
    },
]

DOCUMENTS = [
    {
        "title": "Checkliste Repair-Café",
        "filename": "checkliste-repair-cafe",
        "paragraphs": [
            "Vor dem ersten Termin: Raum mit Tischen, Steckdosen und guter Beleuchtung reservieren; "
            "Haftungsfrage mit dem Träger klären; Werkzeugkisten, Lötstation, Nähmaschine und Verbrauchsmaterial "
            "organisieren.",
            "Team: mindestens drei Reparaturkundige, eine Person am Empfang, eine Person für Kaffee und Kuchen. "
            "Wer repariert, erklärt dabei – die Gäste schrauben möglichst selbst mit.",
            "Ablauf am Tag: Gegenstände am Empfang mit Laufzettel aufnehmen, Wartezeit mit Getränken überbrücken, "
            "Ergebnis (repariert / nicht reparierbar / Ersatzteil nötig) notieren.",
            "Danach: Laufzettel auswerten, gerettete Kilogramm zählen und in der Presse und im Mitmach-Hub "
            "davon erzählen. Den nächsten Termin gleich festlegen – Regelmäßigkeit schafft Vertrauen.",
        ],
    },
    {
        "title": "Leitfaden Mitmach-Konferenz",
        "filename": "leitfaden-mitmach-konferenz",
        "paragraphs": [
            "Eine Mitmach-Konferenz bringt an einem Tag zwischen 30 und 200 Menschen aus der Region an "
            "Thementischen zusammen. Ziel ist nicht ein perfektes Programm, sondern Begegnung und verabredete "
            "nächste Schritte.",
            "Sechs Monate vorher: Orga-Team bilden, Datum und Ort festlegen, Budget und Förderung klären. "
            "Vier Monate vorher: Akteur:innen ansprechen und Gastgeber:innen für Thementische gewinnen.",
            "Zwei Monate vorher: Einladung breit streuen – über Vereine, Verwaltung, Presse und persönliche "
            "Ansprache. Einen Monat vorher: Ablauf proben, Material für die Tische packen, Helfende einteilen.",
            "Nach der Konferenz: Ergebnisse dokumentieren, im Erfolgs-Workshop auswerten und die entstandenen "
            "Projektgruppen weiter begleiten.",
        ],
    },
    {
        "title": "Vorlage Einladung Kleidertauschparty",
        "filename": "vorlage-einladung-kleidertausch",
        "paragraphs": [
            "Tauschen statt kaufen! Bring bis zu zehn gut erhaltene Kleidungsstücke mit und nimm mit, was dir gefällt.",
            "Wann: [Datum, Uhrzeit] – Wo: [Ort] – Eintritt frei, Spenden für den Raum willkommen.",
            "Was nach der Party übrig bleibt, geht an eine soziale Einrichtung in unserer Nachbarschaft.",
        ],
    },
    {
        "title": "Folien Webinar Bürgerenergie",
        "filename": "folien-webinar-buergerenergie",
        "paragraphs": [
            "Webinar im Handlungsfeld Energie und Verkehr: Wie aus einer Idee eine Energiegenossenschaft wird.",
            "1. Warum Bürgerenergie: Wertschöpfung bleibt in der Region, Akzeptanz für Wind und Sonne steigt.",
            "2. Die ersten Schritte: Gründungsgruppe, Geschäftsidee, Prüfungsverband, Satzung.",
            "3. Erste Projekte: Dachanlagen auf öffentlichen Gebäuden, Mieterstrom, Beteiligung an Freiflächenanlagen.",
            "4. Fragen aus der Runde und Hinweise auf Beratungsangebote der Landesenergieagenturen.",
        ],
    },
    {
        "title": "Ergebnisse Regionalgespräch Münsterland und Ostwestfalen-Lippe",
        "filename": "ergebnisse-regionalgespraech-muensterland-owl",
        "paragraphs": [
            "Teilnehmende aus Kommunen, Nachhaltigkeits-Initiativen und Freiwilligenagenturen haben online gesammelt, "
            "was Zusammenarbeit leichter macht.",
            "Gelingt gut: feste Ansprechpersonen in der Verwaltung, gemeinsame Aktionswochen, kurze Wege über "
            "regionale Netzwerke.",
            "Hürden: wenig Zeit im Ehrenamt, unklare Zuständigkeiten, fehlende Räume.",
            "Sofort machbar: Wissen teilen statt alles neu erfinden – Kontaktlisten, Vorlagen und gute Beispiele "
            "werden über den Mitmach-Hub ausgetauscht.",
        ],
    },
    {
        "title": "Übersicht Regionallabor 2024/25",
        "filename": "uebersicht-regionallabor-2024-25",
        "paragraphs": [
            "Das Regionallabor begleitet neue Regional-Teams von Oktober 2024 bis März 2025.",
            "Modul 0 (1. Oktober 2024, online): Auftakt, Kennenlernen und Orientierung.",
            "Modul 1 (Oktober, online): die eigene Region neu entdecken. Modul 2 (November, online): mit "
            "Akteur:innen in Kontakt kommen. Modul 3 (Dezember, online): Vision und Ziele.",
            "Modul 4 (25. und 26. Januar 2025, vor Ort): den Weg planen. Modul 5 (Februar, online): ein "
            "regionales Treffen organisieren. Modul 6 (März, online): sichtbar werden.",
            "Die Online-Module dauern jeweils zwei Stunden, das Präsenzmodul eineinhalb Tage.",
        ],
    },
]
