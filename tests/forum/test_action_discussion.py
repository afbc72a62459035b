"""/forum/aktion/<id>/ opens (on first use: creates) the topic about an action."""

import pytest
from machina.apps.forum_conversation.models import Topic

from forum import structure
from forum.models import ActionDiscussion
from forum.views import start_action_discussion
from home.models import FieldOfAction
from tests.actions.factories import ActionPageFactory
from tests.forum.helpers import topic_url


@pytest.fixture
def action(forums, action_index):
    field = FieldOfAction.objects.get(slug="ernaehrungssystem")
    return ActionPageFactory(parent=action_index, title="Gemeinschaftsgarten", taxonomy__fields=[field])


def test_action_page_links_to_its_discussion(client, action):
    html = client.get(action.url).content.decode()
    assert f'href="/forum/aktion/{action.pk}/"' in html and "Diskutieren" in html


def test_get_never_creates_a_topic(client, action, unverified):
    page = client.get(f"/forum/aktion/{action.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "noch keine Diskussion" in html and "Melde dich an" in html
    assert "Diskussion starten</button>" not in html
    assert client.post(f"/forum/aktion/{action.pk}/").status_code == 403
    client.force_login(unverified)
    assert (
        "Sobald deine E-Mail-Adresse bestätigt ist"
        in client.get(f"/forum/aktion/{action.pk}/").content.decode()
    )
    assert client.post(f"/forum/aktion/{action.pk}/").status_code == 403
    assert not Topic.objects.exists()


def test_post_creates_the_topic_then_get_reuses_it(client, action, member):
    client.force_login(member)
    html = client.get(f"/forum/aktion/{action.pk}/").content.decode()
    assert "Diskussion starten</button>" in html and "csrfmiddlewaretoken" in html
    assert not Topic.objects.exists()
    response = client.post(f"/forum/aktion/{action.pk}/")
    assert response.status_code == 302
    discussion = ActionDiscussion.objects.get(action=action)
    topic = discussion.topic
    assert response["Location"] == topic_url(topic)
    assert topic.forum == structure.field_forum(FieldOfAction.objects.get(slug="ernaehrungssystem"))
    first = topic.first_post
    assert first.poster is None and first.username == "Mitmach-Hub"
    assert action.url in first.content.raw or action.full_url in first.content.raw
    assert 'rel="nofollow ugc"' in first.content.rendered
    # Later visits (GET, anyone) and a second POST: the same topic.
    client.logout()
    assert client.get(f"/forum/aktion/{action.pk}/")["Location"] == topic_url(topic)
    client.force_login(member)
    assert client.post(f"/forum/aktion/{action.pk}/")["Location"] == topic_url(topic)
    assert Topic.objects.count() == 1
    page = client.get(topic_url(topic)).content.decode()
    assert "Mitmach-Hub" in page and "Gemeinschaftsgarten" in page


def test_post_needs_the_csrf_token(action, member):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.post(f"/forum/aktion/{action.pk}/").status_code == 403
    assert not Topic.objects.exists()


def test_drafts_and_unknown_actions_are_404(client, action, action_index):
    draft = ActionPageFactory(parent=action_index, title="Entwurf", live=False)
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
