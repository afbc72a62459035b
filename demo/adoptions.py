"""Demo content: where actions have been done, as confirmed reports of regions and initiatives
(``demo/data/actions.py``). Idempotent: an existing report of the same action and region or initiative stays.

Runs after the English tree exists, so the action pages of both languages learn their regions.
"""

import datetime as dt

from actions.models import ActionPage
from adoptions.models import Adoption, AdoptionStatus
from demo.data import actions as action_data
from regions.models import Initiative, network_locale_id


def _month(text):
    year, month = text.split("-")
    return dt.date(int(year), int(month), 1)


def load(writer, region_pages):
    writer.step("Umgesetzte Aktionen")
    actions = {
        page.slug: page
        for page in ActionPage.objects.filter(locale_id=network_locale_id()).defer_streamfields()
    }
    initiatives = {initiative.name: initiative for initiative in Initiative.objects.select_related("region")}
    for data in action_data.ACTIONS:
        action = actions[data["slug"]]
        for slug in data["regions"]:
            writer.ensure_object(
                Adoption,
                {"action": action, "region": region_pages[slug], "initiative": None},
                {"status": AdoptionStatus.CONFIRMED},
                label="Umgesetzt",
            )
        for name, month, note in data.get("initiatives", []):
            initiative = initiatives[name]
            writer.ensure_object(
                Adoption,
                {"action": action, "initiative": initiative},
                {
                    "region": initiative.region,
                    "month": _month(month),
                    "note": note,
                    "status": AdoptionStatus.CONFIRMED,
                },
                label="Umgesetzt",
            )
