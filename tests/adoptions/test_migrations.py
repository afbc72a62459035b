"""The data migrations of the adoption of actions, run on the models as they are now."""

import importlib

from django.apps import apps

import pytest

from actions.models import ActionPage
from adoptions.models import Adoption, AdoptionStatus
from tests.helpers import english_tree

pytestmark = pytest.mark.django_db

drop_regions = importlib.import_module("actions.migrations.0007_revisions_without_regions").drop_regions
copy_done_in = importlib.import_module("adoptions.migrations.0002_reports_from_done_in").copy_done_in


def test_old_revisions_naming_regions_load_again(action, region):
    revision = action.save_revision()
    revision.content["regions"] = [region.pk]  # as revisions stored it while "regions" was part of the page
    revision.save(update_fields=["content"])
    with pytest.raises(TypeError):
        revision.as_object()

    drop_regions(apps, None)

    revision.refresh_from_db()
    assert "regions" not in revision.content
    assert revision.as_object().title == action.title


def test_ticked_regions_become_confirmed_reports_for_every_language(action, region):
    english_tree()
    english = ActionPage.objects.get(translation_key=action.translation_key, locale__language_code="en")
    action.regions.set([region])  # what editors had ticked; the English alias had none

    copy_done_in(apps, None)

    [report] = Adoption.objects.all()
    assert (report.action_id, report.region_id, report.status) == (
        action.pk,
        region.pk,
        AdoptionStatus.CONFIRMED,
    )
    assert list(english.regions.all()) == [region]
