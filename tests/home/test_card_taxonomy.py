"""attach_taxonomy: the badges of cards of several kinds in one query, the same rows a prefetch gives."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images.models import Image

import pytest

from actions.models import ActionPage
from home.models import SDG, FieldOfAction
from home.taxonomy import attach_taxonomy
from news.models import NewsPage
from regions.models import ApprovalStatus, Initiative
from tests.actions.factories import ActionPageFactory
from tests.news.factories import NewsPageFactory
from tests.regions.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def test_cards_of_every_kind_get_the_rows_a_prefetch_gives_in_one_query(action_index, news_index, region):
    fields = list(FieldOfAction.objects.all())
    ActionPageFactory(parent=action_index, taxonomy__fields=fields[2:0:-1], taxonomy__sdgs=[])
    ActionPageFactory(
        parent=action_index,
        taxonomy__fields=fields[:1],
        taxonomy__sdgs=list(SDG.objects.filter(number__in=[13, 2])),
    )
    news = NewsPageFactory(parent=news_index)
    news.fields_of_action.set(fields[1:3])
    news.save()
    NewsPageFactory(parent=news_index)  # no fields at all
    initiative = InitiativeFactory(region=region, approval_status=ApprovalStatus.APPROVED)
    initiative.fields_of_action.set(fields[3:])
    region.fields_of_action.set(fields[:2])
    region.save()

    actions = list(ActionPage.objects.order_by("pk"))
    news_items = list(NewsPage.objects.order_by("pk"))
    initiatives = list(Initiative.objects.all())
    with CaptureQueriesContext(connection) as captured:
        attach_taxonomy(
            (actions, "fields_of_action"),
            (actions, "sdgs"),
            (news_items, "fields_of_action"),
            (initiatives, "fields_of_action"),
            ([region], "fields_of_action"),
        )
        shown = {
            (type(obj).__name__, obj.pk, name): [row.pk for row in getattr(obj, name).all()]
            for group, name in [
                (actions, "fields_of_action"),
                (actions, "sdgs"),
                (news_items, "fields_of_action"),
                (initiatives, "fields_of_action"),
                ([region], "fields_of_action"),
            ]
            for obj in group
        }
    assert len(captured) == 1

    expected = {
        (type(obj).__name__, obj.pk, name): [
            row.pk for row in getattr(type(obj).objects.get(pk=obj.pk), name).all()
        ]
        for (_, _, name), obj in zip(
            shown, [*actions, *actions, *news_items, *initiatives, region], strict=True
        )
    }
    assert shown == expected
    assert shown["ActionPage", actions[1].pk, "sdgs"] == [2, 13]
    assert shown["NewsPage", news_items[1].pk, "fields_of_action"] == []
    first = actions[1].fields_of_action.all()[0]
    assert (first.name, first.colour, first.slug) == (fields[0].name, fields[0].colour, fields[0].slug)


def test_nothing_to_attach_runs_no_query():
    with CaptureQueriesContext(connection) as captured:
        attach_taxonomy(([], "fields_of_action"))
    assert len(captured) == 0


def test_news_tags_come_in_the_same_query(news_index):
    tagged = NewsPageFactory(parent=news_index)
    tagged.tags.add("Konferenz", "Energie")
    tagged.save()
    NewsPageFactory(parent=news_index)  # no tags
    news_items = list(NewsPage.objects.order_by("pk"))

    with CaptureQueriesContext(connection) as captured:
        attach_taxonomy((news_items, "fields_of_action"), (news_items, "tags"))
        shown = [sorted(tag.name for tag in item.tags.all()) for item in news_items]

    assert len(captured) == 1
    assert shown == [["Energie", "Konferenz"], []]


def test_generic_tags_are_refused():
    # Wagtail's image tags share taggit's one TaggedItem table with every other model: no per-relation table.
    with pytest.raises(ValueError, match="through model of its own"):
        attach_taxonomy(([Image()], "tags"))
