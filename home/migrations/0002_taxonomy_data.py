"""The taxonomy's starting data: four fields of action (editable later), 17 SDGs and the resources."""

from django.db import migrations

FIELDS_OF_ACTION = [
    (
        "Energie und Verkehr",
        "energie-und-verkehr",
        "#C25E00",
        "Erneuerbare Energie vor Ort, Energie sparen, gemeinsam und klimafreundlich unterwegs sein.",
    ),
    (
        "Ernährungssystem",
        "ernaehrungssystem",
        "#3F7A26",
        "Regionale Lebensmittel, solidarische Landwirtschaft, Gärten und weniger Verschwendung.",
    ),
    (
        "Finanzen und Wirtschaft",
        "finanzen-und-wirtschaft",
        "#1F5FA8",
        "Gemeinwohlorientiertes Wirtschaften, Teilen, Reparieren und regionale Kreisläufe.",
    ),
    (
        "Sozialer Zusammenhalt",
        "sozialer-zusammenhalt",
        "#A8325E",
        "Begegnung, Beteiligung und Nachbarschaft, in der alle mitmachen können.",
    ),
]

# Official short titles (German: Bundesregierung; English: United Nations) and official colours.
SDGS = [
    (1, "Keine Armut", "No Poverty", "#E5243B"),
    (2, "Kein Hunger", "Zero Hunger", "#DDA63A"),
    (3, "Gesundheit und Wohlergehen", "Good Health and Well-being", "#4C9F38"),
    (4, "Hochwertige Bildung", "Quality Education", "#C5192D"),
    (5, "Geschlechtergleichheit", "Gender Equality", "#FF3A21"),
    (6, "Sauberes Wasser und Sanitäreinrichtungen", "Clean Water and Sanitation", "#26BDE2"),
    (7, "Bezahlbare und saubere Energie", "Affordable and Clean Energy", "#FCC30B"),
    (8, "Menschenwürdige Arbeit und Wirtschaftswachstum", "Decent Work and Economic Growth", "#A21942"),
    (9, "Industrie, Innovation und Infrastruktur", "Industry, Innovation and Infrastructure", "#FD6925"),
    (10, "Weniger Ungleichheiten", "Reduced Inequalities", "#DD1367"),
    (11, "Nachhaltige Städte und Gemeinden", "Sustainable Cities and Communities", "#FD9D24"),
    (12, "Nachhaltige/r Konsum und Produktion", "Responsible Consumption and Production", "#BF8B2E"),
    (13, "Maßnahmen zum Klimaschutz", "Climate Action", "#3F7E44"),
    (14, "Leben unter Wasser", "Life Below Water", "#0A97D9"),
    (15, "Leben an Land", "Life on Land", "#56C02B"),
    (16, "Frieden, Gerechtigkeit und starke Institutionen", "Peace, Justice and Strong Institutions", "#00689D"),
    (17, "Partnerschaften zur Erreichung der Ziele", "Partnerships for the Goals", "#19486A"),
]

RESOURCES = [
    ("time", "Zeit"),
    ("money", "Geld"),
    ("space", "Raum"),
    ("material", "Material"),
    ("expertise", "Fachwissen"),
    ("partners", "Partner:innen"),
]


def load(apps, schema_editor):
    FieldOfAction = apps.get_model("home", "FieldOfAction")
    SDG = apps.get_model("home", "SDG")
    Resource = apps.get_model("home", "Resource")
    for order, (name, slug, colour, description) in enumerate(FIELDS_OF_ACTION, start=1):
        FieldOfAction.objects.update_or_create(
            slug=slug, defaults={"name": name, "colour": colour, "description": description, "order": order}
        )
    for number, title_de, title_en, colour in SDGS:
        SDG.objects.update_or_create(
            number=number, defaults={"title_de": title_de, "title_en": title_en, "colour": colour}
        )
    for order, (slug, name) in enumerate(RESOURCES, start=1):
        Resource.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})


def unload(apps, schema_editor):
    apps.get_model("home", "SDG").objects.all().delete()
    apps.get_model("home", "Resource").objects.all().delete()
    apps.get_model("home", "FieldOfAction").objects.filter(
        slug__in=[slug for _, slug, _, _ in FIELDS_OF_ACTION]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
