"""Demo content: the "Region starten" application page with its form, open for about three months.

Called by ``load_demo_content`` with its ``DemoWriter``; idempotent like every demo step: an
existing page (same slug under the same parent) is left exactly as it is, deadline included.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from region_applications.models import RegionApplicationFormField, RegionApplicationPage

BERLIN = ZoneInfo("Europe/Berlin")
SLUG = "region-starten"
OPEN_FOR = timedelta(days=91)

INTRO = (
    "<p>Einmal im Jahr starten mehrere neue Regional-Teams gemeinsam ins <b>Regionallabor</b>: sechs Monate "
    "Begleitung mit Online-Modulen und einem Präsenz-Wochenende – von der Erkundung der Region über die "
    "gemeinsame Vision bis zur ersten Mitmach-Konferenz.</p>"
    "<p>Ihr seid zwei bis sechs Menschen, die in ihrer Region Initiativen, Betriebe und Verwaltung "
    "zusammenbringen wollen? Dann bewerbt euch für die nächste Runde.</p>"
)
THANK_YOU = (
    "<p>Danke für eure Bewerbung! Nach dem Bewerbungsschluss lesen wir alle Bewerbungen und laden die "
    "Teams zu einem kurzen Kennenlern-Gespräch ein.</p>"
)

# (label, field type, required, help text)
FIELDS = [
    ("Name", "singleline", True, "Dein Vor- und Nachname."),
    ("E-Mail", "email", True, "An diese Adresse schicken wir die Bestätigung und unsere Antwort."),
    ("Region/Ort", "singleline", True, "Zum Beispiel: Landkreis Neumarkt in der Oberpfalz."),
    ("Wer ist dabei?", "multiline", True, "Wer gehört zu eurem Team, und wer unterstützt euch schon?"),
    (
        "Warum jetzt?",
        "multiline",
        True,
        "Was wollt ihr in eurer Region bewegen, und warum ist jetzt die Zeit dafür?",
    ),
    (
        "Zustimmung Datenschutz",
        "checkbox",
        True,
        "Ich bin einverstanden, dass das Team des Mitmach-Hubs meine Angaben speichert, um die Bewerbung "
        "zu bearbeiten, und sie nach Abschluss der Bewerbungsrunde löscht.",
    ),
]


def deadline_after(today, days=OPEN_FOR):
    """23:59 German time, ``days`` after ``today``."""
    return datetime.combine(today + days, time(23, 59), tzinfo=BERLIN)


def region_application_page(writer, parent, today=None):
    """Ensure the published "Region starten" page (slug ``region-starten``) below ``parent``.

    Its deadline lies about three months after ``today`` (default: today in Europe/Berlin).
    Returns ``(page, created)``.
    """
    today = today or timezone.localdate()
    writer.step("Bewerbung „Region starten“")
    return writer.ensure_page(
        parent,
        RegionApplicationPage,
        SLUG,
        title="Region starten",
        search_description="Bewerbt euch mit eurem Regional-Team für das nächste Regionallabor.",
        intro=INTRO,
        deadline=deadline_after(today),
        thank_you_text=THANK_YOU,
        to_address="regionallabor@mitmach-hub.example",
        subject="Neue Bewerbung für das Regionallabor",
        form_fields=[
            RegionApplicationFormField(
                sort_order=order, label=label, field_type=field_type, required=required, help_text=help_text
            )
            for order, (label, field_type, required, help_text) in enumerate(FIELDS)
        ],
    )
