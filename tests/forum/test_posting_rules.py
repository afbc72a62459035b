"""Maximum length and rate limits: refused with a clear German message, the text kept in the form."""

from datetime import timedelta

from django.utils import timezone

from machina.apps.forum_conversation.models import Post, Topic

from tests.forum.factories import make_topic
from tests.forum.helpers import create_topic_url, post_data, reply_url


def test_post_longer_than_the_maximum_is_refused_and_kept(client, field_forum, member, settings):
    settings.FORUM_POST_MAX_LENGTH = 10_000
    client.force_login(member)
    text = "x" * 10_001
    response = client.post(create_topic_url(field_forum), post_data("Zu lang", text))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Der Beitrag ist zu lang: höchstens 10000 Zeichen, dein Text hat 10001." in html
    assert text in html  # nothing lost
    assert not Topic.objects.exists()
    assert client.post(create_topic_url(field_forum), post_data("Passt", "x" * 10_000)).status_code == 302


def test_second_post_within_the_interval_gets_429_with_the_text_kept(client, field_forum, member):
    topic = make_topic(field_forum, member)  # a post just now
    client.force_login(member)
    text = "Meine sorgfältig formulierte Antwort mit Umlauten: äöü."
    response = client.post(reply_url(topic), post_data("Re: Ein Thema", text))
    assert response.status_code == 429
    assert response["Retry-After"]
    html = response.content.decode()
    assert "Bitte warte noch" in html and "bevor du den nächsten Beitrag schreibst" in html
    assert text in html
    assert topic.posts.count() == 1
    # The preview is never refused.
    assert client.post(reply_url(topic), post_data("Re", text, preview="1")).status_code == 200
    # After the interval it works.
    Post.objects.filter(topic=topic).update(created=timezone.now() - timedelta(seconds=31))
    assert client.post(reply_url(topic), post_data("Re", text)).status_code == 302


def test_new_members_have_a_small_daily_topic_quota(client, field_forum, member, settings):
    settings.FORUM_POST_MIN_INTERVAL_SECONDS = 0
    client.force_login(member)
    for number in range(3):
        assert (
            client.post(create_topic_url(field_forum), post_data(f"Thema {number}", "Text")).status_code
            == 302
        )
    response = client.post(create_topic_url(field_forum), post_data("Thema 4", "Noch ein Text"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Du hast heute schon 3 neue Themen eröffnet" in html and "Noch ein Text" in html
    assert Topic.objects.count() == 3
    # Replies are still possible.
    assert client.post(reply_url(Topic.objects.first()), post_data("Re", "Antwort")).status_code == 302


def test_established_members_have_a_larger_quota(client, field_forum, member, settings):
    settings.FORUM_POST_MIN_INTERVAL_SECONDS = 0
    member.date_joined = timezone.now() - timedelta(days=30)
    member.save()
    for number in range(20):
        make_topic(field_forum, member, subject=f"Alt {number}")
    Post.objects.update(created=timezone.now() - timedelta(minutes=5))
    client.force_login(member)
    response = client.post(create_topic_url(field_forum), post_data("Nummer 21", "Text"))
    assert response.status_code == 429
    assert "bis zu 20 Themen am Tag" in response.content.decode()
    Topic.objects.update(created=timezone.now() - timedelta(days=1, minutes=1))
    assert client.post(create_topic_url(field_forum), post_data("Nummer 21", "Text")).status_code == 302


def test_moderators_are_exempt_from_the_interval(client, field_forum, editor):
    topic = make_topic(field_forum, editor)
    client.force_login(editor)
    assert client.post(reply_url(topic), post_data("Re", "Gleich noch was")).status_code == 302


def test_topics_cannot_be_started_in_a_category(client, forums, member):
    from forum import structure

    client.force_login(member)
    category = structure.category(structure.FIELDS)
    assert client.post(create_topic_url(category), post_data("Hier nicht", "Text")).status_code == 404
