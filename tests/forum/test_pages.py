"""Every forum page renders inside the site's layout, in German, with no Bootstrap/jQuery assets."""

from django.urls import reverse

import pytest
from machina.apps.forum_conversation.models import Topic

from forum import structure
from tests.forum.factories import make_topic
from tests.forum.helpers import create_topic_url, forum_url, reply_url, topic_url


@pytest.fixture
def topic(field_forum, member):
    return make_topic(field_forum, member, replies=1)


def urls(topic, member):
    forum = topic.forum
    return [
        "/forum/",
        forum_url(forum),
        topic_url(topic),
        create_topic_url(forum),
        reply_url(topic),
        reverse("forum_member:profile", args=[member.pk]),
        reverse("forum_member:user_posts", args=[member.pk]),
        reverse("forum_member:user_subscriptions"),
        reverse("forum_tracking:unread_topics"),
        reverse("forum_search:search") + "?q=Thema",
        reverse(
            "forum_conversation:post_delete",
            kwargs={
                "forum_slug": forum.slug,
                "forum_pk": forum.pk,
                "topic_slug": topic.slug,
                "topic_pk": topic.pk,
                "pk": topic.last_post_id,
            },
        ),
        reverse("forum_moderation:queue"),
        reverse("forum_moderation:topic_lock", kwargs={"slug": topic.slug, "pk": topic.pk}),
        reverse("hub_forum:reports"),
        reverse("hub_forum:report_post", args=[topic.first_post_id]),
    ]


def test_pages_render_in_the_site_layout(client, topic, member, editor):
    client.force_login(editor)
    for url in urls(topic, member):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert 'class="site-header"' in html and 'class="site-footer"' in html, url
        assert "css/forum.css" in html, url
        assert "machina.board_theme" not in html and "machina.packages" not in html, url


def test_forum_pages_have_one_h1_labels_and_table_headers(client, topic, member):
    client.force_login(member)
    for url in ("/forum/", forum_url(topic.forum), topic_url(topic), create_topic_url(topic.forum)):
        html = client.get(url).content.decode()
        assert html.count("<h1") == 1, url
    html = client.get(forum_url(topic.forum)).content.decode()
    assert '<th scope="col">Thema</th>' in html and "<caption>" in html
    form = client.get(create_topic_url(topic.forum)).content.decode()
    assert (
        '<label for="id_subject">Betreff</label>' in form
        and '<label for="id_content">Nachricht</label>' in form
    )
    assert 'lang="de"' in form


def test_topic_feed_is_bounded_and_readable_only(client, field_forum, region_forum, region, member):
    make_topic(region_forum, member, subject="Geheim")
    structure.close_region_forum(region)
    for number in range(32):
        Topic.objects.create(
            forum=field_forum, poster=member, subject=f"Thema {number}", type=0, status=0, approved=True
        )
    response = client.get("/forum/feeds/topics/")
    assert response.status_code == 200
    xml = response.content.decode()
    assert xml.count("<item>") == 30
    assert "Geheim" not in xml
    slug = field_forum.slug
    assert (
        client.get(f"/forum/feeds/forum/{slug}-{field_forum.pk}/topics/").content.decode().count("<item>")
        == 30
    )


def test_double_forum_subscription_is_harmless(client, field_forum, member):
    from django.urls import reverse as url

    from forum.models import ForumSubscription as Subscription

    client.force_login(member)
    for _ in range(2):
        assert client.post(url("hub_forum:forum_subscribe", args=[field_forum.pk])).status_code == 302
    assert Subscription.objects.filter(user=member, forum=field_forum).count() == 1
