"""English names for the taxonomy: fields of action (name and description, editable) and resources.

The four original fields of action and the resource vocabulary get their English names; an English name an
editor has already entered is kept.
"""

from django.db import migrations, models

FIELDS_OF_ACTION = {
    "energie-und-verkehr": (
        "Energy and Mobility",
        "Local renewable energy, saving energy, and getting around together in climate-friendly ways.",
    ),
    "ernaehrungssystem": (
        "Food System",
        "Regional food, community-supported agriculture, gardens and less food waste.",
    ),
    "finanzen-und-wirtschaft": (
        "Finance and Economy",
        "An economy for the common good: sharing, repairing and regional cycles.",
    ),
    "sozialer-zusammenhalt": (
        "Social Cohesion",
        "Meeting people, taking part and neighbourhoods where everyone can join in.",
    ),
}

RESOURCES = {
    "time": "Time",
    "money": "Money",
    "space": "Space",
    "material": "Materials",
    "expertise": "Expertise",
    "partners": "Partners",
}


def add_english_names(apps, schema_editor):
    FieldOfAction = apps.get_model("home", "FieldOfAction")
    Resource = apps.get_model("home", "Resource")
    for slug, (name, description) in FIELDS_OF_ACTION.items():
        FieldOfAction.objects.filter(slug=slug, name_en="").update(name_en=name)
        FieldOfAction.objects.filter(slug=slug, description_en="").update(description_en=description)
    for slug, name in RESOURCES.items():
        Resource.objects.filter(slug=slug, name_en="").update(name_en=name)


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0004_english_locale'),
    ]

    operations = [
        migrations.AddField(
            model_name='fieldofaction',
            name='description_en',
            field=models.TextField(blank=True, max_length=500, verbose_name='Short description (English)'),
        ),
        migrations.AddField(
            model_name='fieldofaction',
            name='name_en',
            field=models.CharField(blank=True, help_text='Shown on the English pages. If empty, they show the German name.', max_length=80, verbose_name='Name (English)'),
        ),
        migrations.AddField(
            model_name='resource',
            name='name_en',
            field=models.CharField(blank=True, max_length=60, verbose_name='Name (English)'),
        ),
        migrations.AlterField(
            model_name='fieldofaction',
            name='description',
            field=models.TextField(blank=True, max_length=500, verbose_name='Short description (German)'),
        ),
        migrations.AlterField(
            model_name='fieldofaction',
            name='name',
            field=models.CharField(max_length=80, unique=True, verbose_name='Name (German)'),
        ),
        migrations.AlterField(
            model_name='resource',
            name='name',
            field=models.CharField(max_length=60, verbose_name='Name (German)'),
        ),
        migrations.RunPython(add_english_names, migrations.RunPython.noop),
    ]
