"""The anonymous page cache across processes: server A and B share one Redis, and a third process (manage.py, as
an operator or an editor's publish would) changes what the pages show. No server may keep showing the old page."""

import uuid
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.production


def anonymous_visit(production, path, server, **kwargs):
    response = production.get(path, server=server, **kwargs)
    assert response.status_code == 200, (path, response.status_code)
    assert "Set-Cookie" not in response.headers, "a page for visitors carries no cookie"
    assert "csrfmiddlewaretoken" not in response.text
    return response


def change(production, script):
    """Python run by manage.py shell in its own process, with the production environment; its last line."""
    return production.manage("shell", "-c", script).strip().splitlines()[-1:]


def test_both_servers_serve_one_cached_page(production):
    # Behind a load balancer both servers see the site's one host name.
    site = {"Host": "localhost"}
    anonymous_visit(production, "/", production.a, headers=site)
    from_a = anonymous_visit(production, "/", production.a, headers=site)
    from_b = anonymous_visit(production, "/", production.b, headers=site)

    assert from_a.headers["X-Cache"] == "hit"
    assert from_b.headers["X-Cache"] == "hit", "B finds what A stored in the shared cache"
    assert from_a.text == from_b.text


def test_a_page_published_elsewhere_shows_at_once_in_the_menu_of_every_page(production):
    for server in (production.a, production.b):
        anonymous_visit(production, "/veranstaltungen/", server)
        assert anonymous_visit(production, "/veranstaltungen/", server).headers["X-Cache"] == "hit"
    title, slug = f"Werkstatt {uuid.uuid4().hex[:6]}", f"werkstatt-{uuid.uuid4().hex[:6]}"

    change(
        production,
        "from wagtail.models import Site; from home.models import ContentPage;"
        "home = Site.objects.get(is_default_site=True).root_page;"
        f"page = home.add_child(instance=ContentPage(title={title!r}, slug={slug!r}, show_in_menus=True, live=False));"
        "page.save_revision().publish()",
    )
    for server in (production.a, production.b):
        assert f'href="/{slug}/"' in anonymous_visit(production, "/veranstaltungen/", server).text, server
        assert title in anonymous_visit(production, f"/{slug}/", server).text

    change(
        production, f"from home.models import ContentPage; ContentPage.objects.get(slug={slug!r}).delete()"
    )
    for server in (production.a, production.b):
        assert f'href="/{slug}/"' not in anonymous_visit(production, "/veranstaltungen/", server).text, server
        assert production.get(f"/{slug}/", server=server).status_code == 404


def test_an_initiative_approved_elsewhere_shows_on_its_region_page(production):
    region = production.get("/api/v3/pages/?type=regions.RegionPage&limit=1").json()["items"][0]
    path = urlsplit(region["meta"]["html_url"]).path
    anonymous_visit(production, path, production.b)
    assert anonymous_visit(production, path, production.b).headers["X-Cache"] == "hit"
    name = f"Reparaturtreff {uuid.uuid4().hex[:6]}"

    change(
        production,
        "from regions.models import Initiative, ApprovalStatus, RegionPage;"
        f"Initiative.objects.create(name={name!r}, kind='association', region=RegionPage.objects.get(pk={region['id']}),"
        " approval_status=ApprovalStatus.APPROVED)",
    )
    assert name in anonymous_visit(production, path, production.b).text
    assert name in anonymous_visit(production, path, production.a).text

    change(
        production, f"from regions.models import Initiative; Initiative.objects.get(name={name!r}).delete()"
    )
    assert name not in anonymous_visit(production, path, production.a).text


def test_a_forum_topic_written_elsewhere_shows_in_the_forum_index(production):
    anonymous_visit(production, "/forum/", production.a)
    assert anonymous_visit(production, "/forum/", production.a).headers["X-Cache"] == "hit"
    subject = f"Saatgut tauschen {uuid.uuid4().hex[:6]}"

    printed = change(
        production,
        "from machina.apps.forum.models import Forum; from machina.apps.forum_conversation.models import Post, Topic;"
        "from members.models import User;"
        "poster, _ = User.objects.get_or_create(username='smoke-poster', defaults={'email': 'poster@example.org'});"
        "forum = Forum.objects.filter(type=Forum.FORUM_POST).order_by('pk').first();"
        f"topic = Topic.objects.create(forum=forum, poster=poster, subject={subject!r}, type=Topic.TOPIC_POST,"
        " status=Topic.TOPIC_UNLOCKED);"
        f"Post.objects.create(topic=topic, poster=poster, subject={subject!r}, content='Wer hat Tomatensamen?');"
        "print(forum.slug, forum.pk)",
    )
    forum_slug, forum_pk = printed[0].split()
    forum_page = f"/forum/forum/{forum_slug}-{forum_pk}/"
    for server in (production.a, production.b):
        assert subject in anonymous_visit(production, forum_page, server).text, server
