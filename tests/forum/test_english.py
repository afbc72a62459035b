"""The forum in two languages: one forum per region (the German page's), reached from the English page too;
the hub's own texts in the forum are written in German, the network's language; posts stay as written."""

from django.utils import translation

import pytest
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post

from actions.models import ActionPage
from forum import structure
from forum.models import ActionDiscussion, RegionForum
from home.models import FieldOfAction
from regions.models import RegionPage
from tests.actions.factories import ActionPageFactory
from tests.forum.helpers import forum_url, topic_url
from tests.helpers import english_tree

pytestmark = pytest.mark.django_db


def english(page):
    return type(page).objects.get(translation_key=page.translation_key, locale__language_code="en")


def test_the_english_region_page_links_to_the_regions_one_forum(client, region_forum, region):
    english_tree()
    page = english(region)
    # Publishing the German page publishes its alias too (and sends page_published for it).
    region.save_revision().publish()

    assert RegionForum.objects.count() == 1
    german = forum_url(region_forum)
    with translation.override("en"):
        english_url = forum_url(region_forum)
    assert english_url == f"/en{german}"
    assert f'href="{german}"' in client.get(region.url).content.decode()
    html = client.get(page.url).content.decode()
    assert f'href="{english_url}">The region' in html
    assert structure.region_forum(page) == region_forum


def test_unpublishing_the_english_page_leaves_the_forum_open(region_forum, region):
    english_tree()

    english(region).unpublish()

    assert RegionForum.objects.get(forum=region_forum).closed is False
    assert structure.region_forum(region) == region_forum


def test_unpublishing_the_german_page_closes_the_forum_for_both(region_forum, region):
    english_tree()

    region.unpublish()

    assert RegionForum.objects.get(forum=region_forum).closed is True
    assert structure.region_forum(english(region)) is None


def test_forum_structure_closes_a_forum_an_english_page_got_earlier(forums, region):
    structure.ensure_region_forum(region)
    english_tree()
    page = english(region)
    stray = Forum.objects.create(
        parent=structure.category(structure.REGIONS), type=Forum.FORUM_POST, name="x"
    )
    RegionForum.objects.create(region=page, forum=stray)

    structure.ensure_structure()

    assert RegionForum.objects.get(forum=stray).closed is True
    assert RegionForum.objects.get(region=region).closed is False
    assert structure.region_forum(page).pk != stray.pk


def test_region_forums_are_made_for_german_pages_only(forums, region):
    english_tree()

    structure.ensure_structure()

    assert list(RegionForum.objects.values_list("region_id", flat=True)) == [region.pk]
    assert RegionPage.objects.filter(translation_key=region.translation_key).count() == 2


def test_categories_are_written_in_german_whatever_the_active_language(db):
    Forum.objects.all().delete()

    with translation.override("en"):
        regions = structure.category(structure.REGIONS)

    assert regions.name == "Regionen"
    assert regions.description.raw == "Ein Forum für jede Mitmach-Region."


@pytest.fixture
def action(forums, action_index):
    field = FieldOfAction.objects.get(slug="ernaehrungssystem")
    page = ActionPageFactory(parent=action_index, title="Gemeinschaftsgarten", taxonomy__fields=[field])
    english_tree()
    return page


def test_an_action_has_one_discussion_in_both_languages_opened_in_german(client, action, member):
    page = english(action)
    assert isinstance(page, ActionPage)
    client.force_login(member)
    start = client.get(f"/en/forum/aktion/{page.pk}/").content.decode()
    assert f'<a href="{page.url}">Back to the action</a>' in start

    response = client.post(f"/en/forum/aktion/{page.pk}/")

    assert response.status_code == 302
    discussion = ActionDiscussion.objects.get()
    assert discussion.action_id == action.pk
    first = Post.objects.get(topic=discussion.topic)
    assert first.content.raw.startswith("Hier diskutieren wir die Aktion **[Gemeinschaftsgarten]")
    assert action.url in first.content.raw
    # The German page (and the English one again) go to the same topic.
    with translation.override("de"):
        german_topic = topic_url(discussion.topic)
    assert response["Location"] == f"/en{german_topic}"
    assert client.get(f"/forum/aktion/{action.pk}/")["Location"] == german_topic
    assert client.get(f"/en/forum/aktion/{page.pk}/")["Location"] == response["Location"]
    assert ActionDiscussion.objects.count() == 1
