"""Our forum search (at machina's URL): approved posts in readable forums only, escaped, paginated."""

from django.urls import reverse

from machina.apps.forum_conversation.models import Post

from forum import structure
from tests.forum.factories import make_topic

URL = reverse("forum_search:search")


def test_search_is_ours_at_machinas_url(client, forums):
    assert URL == "/forum/search/"
    assert client.get(URL).status_code == 200


def test_finds_approved_posts_in_readable_forums_only(
    client, field_forum, region_forum, region, member, editor
):
    make_topic(field_forum, member, subject="Kompost offen", content="Wurmkiste <script>alert(1)</script>")
    make_topic(region_forum, member, subject="Kompost geschlossen", content="Wurmkiste im Dorf")
    hidden = make_topic(field_forum, member, subject="Noch zu prüfen")
    Post.objects.create(
        topic=hidden, poster=member, subject="Kompost wartet", content="Wurmkiste", approved=False
    )
    structure.close_region_forum(region)

    html = client.get(URL, {"q": "wurmkiste"}).content.decode()
    assert "Kompost offen" in html
    assert "Kompost geschlossen" not in html
    assert "Kompost wartet" not in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    client.force_login(member)
    html = client.get(URL, {"q": "Kompost"}).content.decode()
    assert "Kompost offen" in html and "Kompost geschlossen" not in html and "Kompost wartet" not in html
    client.force_login(editor)
    assert "Kompost geschlossen" in client.get(URL, {"q": "Kompost"}).content.decode()


def test_query_length_is_checked(client, field_forum):
    assert client.get(URL, {"q": "ab"}).status_code == 400
    assert client.get(URL, {"q": "x" * 101}).status_code == 400


def test_results_are_paginated_and_keep_the_query(client, field_forum, member):
    topic = make_topic(field_forum, member, subject="Lastenrad", replies=24)
    Post.objects.filter(topic=topic).update(content="Lastenrad teilen")
    html = client.get(URL, {"q": "Lastenrad"}).content.decode()
    assert "25 Beiträge gefunden" in html
    assert "?q=Lastenrad&amp;page=2" in html
    assert client.get(URL, {"q": "Lastenrad", "page": 2}).status_code == 200
