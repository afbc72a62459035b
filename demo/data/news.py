"""News of the network. Dates are days before the first load, so the news always looks recent.

``parent`` is ``"news"`` or a region slug (regions publish their own news); ``regions`` links news to
regions either way.
"""

from demo.data.keys import ECONOMY, ENERGY, FOOD, SOCIAL
from demo.stream import body, heading, image, paragraph, quote

NEWS = [
    {
        "slug": "videothek-webinare-online",
        "title": "Neu in der Videothek: die Webinare zu den Handlungsfeldern",
        "parent": "news",
        "days_ago": 6,
        "image": "Illustration: Netzwerk-Kreise auf Blau",
        "intro": "Wer ein Webinar verpasst hat, kann es jetzt in Ruhe nachschauen – samt Folien und Materialien.",
        "fields": [ENERGY, FOOD, SOCIAL, ECONOMY],
        "regions": [],
        "tags": ["Videothek", "Webinar"],
        "body": body(
            paragraph(
                "Die Aufzeichnungen der letzten Webinare zu Bürgerenergie, Solidarischer Landwirtschaft und dem "
                "Aktions-Pool sind online. Ihr findet sie bei den jeweiligen Veranstaltungen.",
                "Nicht jede Region kann zu jedem Termin dabei sein. Deshalb zeichnen wir Live-Calls und Webinare "
                "auf, damit alle im eigenen Tempo lernen können.",
            ),
        ),
    },
    {
        "slug": "rueckblick-mitmach-konferenz-neumarkt",
        "title": "Rückblick: So war die Mitmach-Konferenz in Neumarkt",
        "parent": "news",
        "days_ago": 15,
        "image": "Illustration: Konferenz im Kreis",
        "intro": "Thementische bis auf den letzten Platz besetzt, acht neue Projektgruppen und ein Mittagessen vom eigenen Acker.",
        "fields": [FOOD, SOCIAL],
        "regions": ["neumarkt-oberpfalz"],
        "tags": ["Mitmach-Konferenz", "Rückblick"],
        "body": body(
            paragraph(
                "Schon beim Ankommen war klar: Das wird voll. Landwirt:innen, Lehrkräfte, Handwerker:innen, "
                "Menschen aus der Verwaltung und viele Neugierige verteilten sich auf die Thementische.",
                "Besonders lebhaft ging es am Tisch zur Gemeinschaftsverpflegung zu. Eine Schulküche und zwei "
                "Höfe haben verabredet, im Frühjahr gemeinsam einen Speiseplan mit Gemüse aus der Region zu testen.",
            ),
            quote(
                "Ich bin gekommen, um zuzuhören, und gehe mit drei Terminen im Kalender nach Hause.",
                "Teilnehmerin der Konferenz",
            ),
            heading("Wie es weitergeht", "h3"),
            paragraph(
                "Im Auswertungs-Workshop schaut das Regional-Team mit allen Projektgruppen, was aus den "
                "Verabredungen geworden ist."
            ),
        ),
    },
    {
        "slug": "lastenraeder-muensterland",
        "title": "Lastenräder rollen jetzt auch im Umland",
        "parent": "muensterland",
        "days_ago": 37,
        "image": "Illustration: Lastenrad in der Landschaft",
        "intro": "Vier neue Verleihstationen in Dörfern des Münsterlands: Bäckereien und Bibliotheken geben die Schlüssel aus.",
        "fields": [ENERGY],
        "regions": ["muensterland"],
        "tags": ["Mobilität", "Lastenrad"],
        "body": body(
            paragraph(
                "Was in der Stadt längst selbstverständlich ist, kommt nun aufs Land: Lastenräder zum Ausleihen. "
                "Gebucht wird online, abgeholt beim Bäcker oder in der Gemeindebücherei.",
                "Die Idee stammt aus dem Aktions-Pool und wurde auf einem Netzwerktreffen der Mitmach-Region "
                "weiterentwickelt. Finanziert wurden die Räder über Fördermittel und viele kleine Spenden.",
            ),
            image("Illustration: Lastenrad in der Landschaft", caption="Ein Lastenrad kommt selten allein."),
        ),
    },
    {
        "slug": "regionalgespraech-muensterland-owl-rueckblick",
        "title": "Kommunen und Initiativen am virtuellen Kaffeetisch",
        "parent": "news",
        "days_ago": 33,
        "image": "Illustration: Häuser einer Kleinstadt",
        "intro": "Beim Regionalgespräch für das Münsterland und Ostwestfalen-Lippe ging es darum, wie Verwaltung und Engagierte besser zusammenarbeiten.",
        "fields": [SOCIAL],
        "regions": ["muensterland", "minden-ostwestfalen-lippe"],
        "tags": ["Regionalgespräch", "Kommunen"],
        "body": body(
            paragraph(
                "Vertreter:innen von Städten, Initiativen und Freiwilligenagenturen trafen sich online. Nach "
                "einer kurzen Vorstellungsrunde ging es in kleinen Gruppen ins Gespräch – so zwanglos wie in "
                "der Kaffeepause einer Tagung.",
                "Zwei Beispiele aus Minden und Münster zeigten, was möglich ist, wenn Verwaltung und "
                "Zivilgesellschaft an einem Strang ziehen. Das Fazit der Runde: Wissen teilen spart allen Zeit.",
            ),
        ),
    },
    {
        "slug": "lausitz-startet",
        "title": "Neue Mitmach-Region im Aufbau: die Lausitz",
        "parent": "news",
        "days_ago": 58,
        "image": "Illustration: Solarmodule im Abendlicht",
        "intro": "Ein Team aus Brandenburg und Sachsen will den Strukturwandel in der Lausitz gemeinsam mit den Menschen vor Ort gestalten.",
        "fields": [ENERGY, SOCIAL],
        "regions": ["lausitz"],
        "tags": ["Neue Region", "Strukturwandel"],
        "body": body(
            paragraph(
                "Die Lausitz ist eine Region im Umbruch. Das neue Regional-Team möchte zeigen, dass der Wandel "
                "nicht nur in Ministerien geplant wird, sondern auch in Vereinsheimen, Gärten und Dorfläden "
                "entsteht.",
                "Erste Ideen: Solaranlagen auf Vereinsdächern, Erzählcafés über Arbeit und Heimat und eine "
                "Saatgutbibliothek.",
            ),
        ),
    },
    {
        "slug": "buendnis-mitteldeutsches-revier",
        "title": "Drei Arbeitsgruppen für das Revier",
        "parent": "mitteldeutsches-revier",
        "days_ago": 84,
        "image": "Illustration: Keimling im Garten",
        "intro": "Im Mitteldeutschen Revier arbeiten Engagierte aus Sachsen und Sachsen-Anhalt jetzt in drei Gruppen an einem gerechten Strukturwandel.",
        "fields": [SOCIAL, ECONOMY],
        "regions": ["mitteldeutsches-revier"],
        "tags": ["Strukturwandel", "Beteiligung"],
        "body": body(
            paragraph(
                "Nachhaltige Dorfentwicklung, Transparenz und Beteiligung sowie der Aufbau des Netzwerks selbst: "
                "Das sind die Schwerpunkte, auf die sich die Beteiligten geeinigt haben.",
                "Alle Gruppen sind offen. Wer mitarbeiten möchte, meldet sich über die Seite der Region.",
            ),
        ),
    },
    {
        "slug": "aktions-pool-waechst",
        "title": "Der Aktions-Pool wächst: über 30 erprobte Aktionen",
        "parent": "news",
        "days_ago": 110,
        "image": "Illustration: Gemeinsam feiern",
        "intro": "Vom Repair-Café bis zur Bürgerenergie-Genossenschaft: Im Aktions-Pool findet jede Region Ideen, die woanders schon funktioniert haben.",
        "fields": [ENERGY, FOOD, ECONOMY, SOCIAL],
        "regions": [],
        "tags": ["Aktions-Pool"],
        "body": body(
            paragraph(
                "Jede Aktion ist mit Aufwand, Wirkung und den nötigen Ressourcen beschrieben und einer Anleitung "
                "in wenigen Schritten. Filter nach Handlungsfeld und Nachhaltigkeitsziel helfen bei der Auswahl.",
                "Ihr habt selbst etwas ausprobiert, das anderen helfen könnte? Schreibt uns – der Pool lebt von "
                "euren Erfahrungen.",
            ),
        ),
    },
]
