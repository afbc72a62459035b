"""Region applications: the application page and its form fields."""

import wagtail_factories

from region_applications.models import RegionApplicationFormField, RegionApplicationPage

TEAM_ADDRESS = "regionallabor@mitmach-hub.example"

# (label, field type, required): the form most tests post to. Clean names: name, e_mail, regionort,
# warum_jetzt, zustimmung_datenschutz.
DEFAULT_FIELDS = [
    ("Name", "singleline", True),
    ("E-Mail", "email", True),
    ("Region/Ort", "singleline", False),
    ("Warum jetzt?", "multiline", True),
    ("Zustimmung Datenschutz", "checkbox", True),
]


class RegionApplicationPageFactory(wagtail_factories.PageFactory):
    title = "Region starten"
    intro = "<p>Bewerbt euch für das Regionallabor.</p>"
    to_address = TEAM_ADDRESS
    deadline = None

    class Meta:
        model = RegionApplicationPage


def add_fields(page, fields=DEFAULT_FIELDS):
    for order, (label, field_type, required) in enumerate(fields):
        RegionApplicationFormField.objects.create(
            page=page, sort_order=order, label=label, field_type=field_type, required=required
        )
    return page
