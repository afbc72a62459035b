import re

import pytest

from home.models import SDG, FieldOfAction, Level, Resource

pytestmark = pytest.mark.django_db

HEX = re.compile(r"^#[0-9A-F]{6}$", re.IGNORECASE)


def test_the_four_fields_of_action_exist_in_order():
    assert list(FieldOfAction.objects.values_list("name", flat=True)) == [
        "Energie und Verkehr",
        "Ernährungssystem",
        "Finanzen und Wirtschaft",
        "Sozialer Zusammenhalt",
    ]
    assert all(HEX.match(colour) for colour in FieldOfAction.objects.values_list("colour", flat=True))


def test_all_17_sdgs_exist_with_official_titles_and_colours():
    sdgs = list(SDG.objects.all())
    assert [sdg.number for sdg in sdgs] == list(range(1, 18))
    assert all(HEX.match(sdg.colour) and sdg.title_de and sdg.title_en for sdg in sdgs)
    climate = SDG.objects.get(number=13)
    assert (climate.title_de, climate.title_en, climate.colour) == (
        "Maßnahmen zum Klimaschutz",
        "Climate Action",
        "#3F7E44",
    )


def test_sdg_title_follows_the_active_language():
    from django.utils import translation

    goal = SDG.objects.get(number=7)
    with translation.override("de"):
        assert goal.title == "Bezahlbare und saubere Energie"
    with translation.override("en"):
        assert goal.title == "Affordable and Clean Energy"


def test_resources_vocabulary_and_levels():
    assert list(Resource.objects.values_list("slug", flat=True)) == [
        "time",
        "money",
        "space",
        "material",
        "expertise",
        "partners",
    ]
    assert [level.value for level in Level] == ["low", "medium", "high"]
    assert Level.rank("low") < Level.rank("medium") < Level.rank("high")
