"""Helpers for the search tests (imported by the test modules; fixtures stay in conftest.py)."""

from dataclasses import dataclass

from django.test import TestCase

from wagtail.models import Locale
from wagtail.rich_text import RichText

from actions.search import indexable_actions
from search.kinds import indexed_kind


def publish(page):
    """Publish a page the way the admin does, running what happens after the commit (the index sync)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.save_revision().publish()
    return page


def translate(page, language="en", **fields):
    """Turn the English alias of ``page`` (``tests.helpers.english_tree()`` made it) into a published
    translation with ``fields`` (``body`` as the text of one paragraph), as an editor would in the admin."""
    translation = page.get_translation(Locale.objects.get(language_code=language)).specific
    translation.alias_of = None
    for name, value in fields.items():
        setattr(translation, name, [("paragraph", RichText(f"<p>{value}</p>"))] if name == "body" else value)
    translation.save()
    return publish(translation)


def index_everything(engine):
    engine.rebuild(indexed_kind().document_of(page) for page in indexable_actions())


@dataclass(frozen=True)
class Spec:
    key: str
    title: str
    fields: tuple
    effort: str
    impact: str
    sdgs: tuple
    resources: tuple
    summary: str = "Eine erprobte Aktion."
    body: str = ""


# The contract's fixture: small enough to reason about by hand, varied enough for every facet.
SPECS = [
    Spec(
        "garden",
        "Gemeinschaftsgarten anlegen",
        ("ernaehrungssystem",),
        "low",
        "medium",
        (2, 11),
        ("space", "time"),
        body="Im Garten wachsen Gemüse und gute Nachbarschaft.",
    ),
    Spec(
        "repair",
        "Repair-Café gründen",
        ("finanzen-und-wirtschaft",),
        "low",
        "high",
        (12,),
        ("space", "expertise"),
        summary="Gemeinsam reparieren statt wegwerfen.",
    ),
    Spec(
        "energy",
        "Bürgerenergie-Genossenschaft gründen",
        ("energie-und-verkehr",),
        "high",
        "high",
        (7, 13),
        ("money", "partners"),
        summary="Erneuerbare Energien in Bürgerhand.",
    ),
    Spec("cargo", "Lastenrad-Verleih", ("energie-und-verkehr",), "medium", "medium", (11, 13), ("material",)),
    Spec(
        "csa",
        "Solidarische Landwirtschaft",
        ("ernaehrungssystem", "finanzen-und-wirtschaft"),
        "high",
        "high",
        (2, 12),
        ("money", "partners"),
    ),
    Spec("party", "Nachbarschaftsfest feiern", ("sozialer-zusammenhalt",), "low", "low", (11,), ("time",)),
    Spec(
        "swap",
        "Kleidertausch organisieren",
        ("finanzen-und-wirtschaft", "sozialer-zusammenhalt"),
        "low",
        "medium",
        (12,),
        ("space",),
    ),
    Spec(
        "gardens",
        "Offene Gärten am Wochenende",
        ("ernaehrungssystem", "sozialer-zusammenhalt"),
        "medium",
        "low",
        (3, 15),
        ("space",),
    ),
    Spec(
        "eco",
        "Ökostrom-Wechselparty",
        ("energie-und-verkehr", "sozialer-zusammenhalt"),
        "low",
        "medium",
        (7,),
        ("time",),
        summary="Gemeinsam zu Ökostrom wechseln.",
    ),
    Spec(
        "ride",
        "Mitfahrbank aufstellen",
        ("energie-und-verkehr", "sozialer-zusammenhalt"),
        "low",
        "low",
        (11,),
        ("material", "partners"),
    ),
    Spec(
        "money",
        "Regionalwährung einführen",
        ("finanzen-und-wirtschaft",),
        "high",
        "medium",
        (8,),
        ("money", "expertise", "partners"),
    ),
    Spec("seed", "Saatgut-Tauschbörse", ("ernaehrungssystem",), "low", "medium", (2, 15), ("space", "time")),
]
HIDDEN = [
    Spec("draft", "Geheimer Entwurf Garten", ("ernaehrungssystem",), "low", "low", (2,), ("time",)),
    Spec("private", "Private Garten-Aktion", ("ernaehrungssystem",), "low", "low", (2,), ("time",)),
]
