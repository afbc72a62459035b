"""Actions: the action pool and action pages with their taxonomy."""

import factory
import wagtail_factories

from actions.models import ActionIndexPage, ActionPage
from home.models import SDG, FieldOfAction, Level, Resource


class ActionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aktions-Pool"

    class Meta:
        model = ActionIndexPage


class ActionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Aktion {n}")
    summary = "Eine erprobte Aktion."
    effort = Level.LOW
    impact = Level.HIGH
    duration = "ein Nachmittag"

    class Meta:
        model = ActionPage
        skip_postgeneration_save = True

    @factory.post_generation
    def taxonomy(page, create, extracted, **kwargs):
        """Every action needs a field of action and an SDG; give it the first of each unless told."""
        if not create:
            return
        fields = kwargs.get("fields") or [FieldOfAction.objects.first()]
        sdgs = kwargs.get("sdgs") or [SDG.objects.get(number=13)]
        page.fields_of_action.set(fields)
        page.sdgs.set(sdgs)
        page.resources.set(kwargs.get("resources") or Resource.objects.filter(slug="time"))
        page.save()
