"""/forum/aktion/<id>/ opens (on first use: creates) the topic about an action."""

import pytest
from machina.apps.forum_conversation.models import Topic

from forum import structure
from forum.models import ActionDiscussion
from forum.views import start_action_discussion
from home.models import FieldOfAction
from tests import factories
from tests.forum.conftest import topic_url


@pytest.fixture
def action(forums, action_index):
    field = FieldOfAction.objects.get(slug="ernaehrungssystem")
    return factories.ActionPageFactory(
        parent=action_index, title="Gemeinschaftsgarten", taxonomy__fields=[field]
    )


def test_action_page_links_to_its_discussion(client, action):
    html = client.get(action.url).content.decode()
    assert f'href="/forum/aktion/{action.pk}/"' in html and "Diskutieren" in html


def test_first_visit_creates_the_topic_then_reuses_it(client, action):
    response = client.get(f"/forum/aktion/{action.pk}/")
    assert response.status_code == 302
    discussion = ActionDiscussion.objects.get(action=action)
    topic = discussion.topic
    assert response["Location"] == topic_url(topic)
    assert topic.forum == structure.field_forum(FieldOfAction.objects.get(slug="ernaehrungssystem"))
    first = topic.first_post
    assert first.poster is None and first.username == "Mitmach-Hub"
    assert action.url in first.content.raw or action.full_url in first.content.raw
    assert 'rel="nofollow ugc"' in first.content.rendered
    # Second visit: the same topic.
    assert client.get(f"/forum/aktion/{action.pk}/")["Location"] == topic_url(topic)
    assert Topic.objects.count() == 1
    page = client.get(topic_url(topic)).content.decode()
    assert "Mitmach-Hub" in page and "Gemeinschaftsgarten" in page


def test_drafts_and_unknown_actions_are_404(client, action, action_index):
    draft = factories.ActionPageFactory(parent=action_index, title="Entwurf", live=False)
    assert client.get(f"/forum/aktion/{draft.pk}/").status_code == 404
    assert client.get("/forum/aktion/999999/").status_code == 404
    assert client.get(f"/forum/aktion/{action_index.pk}/").status_code == 404  # not an action
    assert not Topic.objects.exists()


def test_a_lost_race_returns_the_winners_topic(action):
    winner = start_action_discussion(action)
    # As if a second request had checked before the first one committed: its insert hits the unique
    # constraint, its topic is rolled back, and it goes to the winner's topic.
    again = start_action_discussion(action)
    assert again.pk == winner.pk
    assert Topic.objects.count() == 1
