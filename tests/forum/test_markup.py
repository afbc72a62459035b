"""Member text is rendered safely: markdown2's published safe_mode bypasses end up harmless.

Payloads from python-markdown2's tracker (trentm/python-markdown2 issues #285, #341, #348, #601, #694, #699,
#702, #703, #721) plus a few classics. markdown2 alone lets several of them through; forum/markup.py runs its
output through nh3, which must leave no executable markup.
"""

import re
from html import unescape
from html.parser import HTMLParser

import pytest
from machina.apps.forum_conversation.models import Topic

from forum.markup import render
from tests.forum.factories import make_topic
from tests.forum.helpers import create_topic_url, post_data, reply_url, topic_url
from tests.members.factories import UserFactory

PAYLOADS = [
    # #285 (CVE-2018-5773): an unclosed tag
    '<img src="" onerror=alert(/XSS/) ',
    '<img/src="" onerror=alert(/XSS/) ',
    # #341: autolinks and link text
    "<http://g<!s://q?<!-<[<script>alert(1);/\\*](http://g)->a><http://g<!s://g.c?<!-<[a\\\\*/</script>alert(1);/*](http://g)->a>",
    "<http:[<script>alert(1);//]()><http:[</script>]()>",
    # #348: tags with non-alphanumeric names
    '<lol@/ //id="pwn"//onclick="alert(1)"//**abc**',
    '<x- onclick="alert(1)"*Click Me*',
    # #601
    '<img src=# onerror="alert()"></p>',
    # #694
    '<iframe\n<http:> srcdoc="<script>alert()</script>" a=',
    # #699: leaked hashing salt
    '![`" onerror="alert(1)//`]()![a](`md5-2e7b9665ab3aa53368daab9d6e1b01cf//`)',
    # #702
    '`\n<img src onerror="alert(origin)">\n[x]: `',
    # #703: title attribute break-out
    '![A](B "<C D="E" onerror=alert(origin) >")',
    # #721: entity-encoded scheme, corrupted tag, escaped comment
    "[Click me](javascript&#58alert(origin))",
    "<http:|><x| oncontentvisibilityautostatechange=alert(origin) style=display:block;content-visibility:auto>",
    "\\<!--<img src onerror=alert(origin)//>-->",
    # classics
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "![x](javascript:alert(1))",
    "<script>alert(1)</script>",
    '<a href="javascript:alert(1)">x</a>',
    "<svg onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "[x](  javascript:alert(1))",
    "[x](java\tscript:alert(1))",
    "<javascript:alert(1)>",
]

DANGEROUS_TAGS = {
    "script",
    "iframe",
    "svg",
    "img",
    "object",
    "embed",
    "style",
    "math",
    "frame",
    "base",
    "meta",
    "link",
}
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def assert_harmless(html):
    """No executable markup: parsed as a browser would, not by searching the text."""
    assert "<script" not in html.lower(), html
    parser = TagCollector()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.tags:
        assert tag not in DANGEROUS_TAGS and not re.search(r"[^a-z0-9]", tag), (tag, html)
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, html)
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                url = re.sub(r"[\x00-\x20]", "", unescape(value or "")).lower()
                assert not url.startswith(DANGEROUS_SCHEMES), (tag, name, value, html)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_render_neutralises_payload(payload):
    assert_harmless(render(payload))


def test_links_are_marked_and_limited_to_safe_schemes():
    html = render("[a](https://example.org) [b](mailto:team@example.org) [c](ftp://example.org)")
    assert html.count('rel="nofollow ugc"') == 3
    assert 'href="https://example.org"' in html and 'href="mailto:team@example.org"' in html
    assert "ftp:" not in html


def test_allowed_markup_survives():
    html = render("### Titel\n\n**fett** *kursiv*\n\n- eins\n- zwei\n\n> Zitat\n\n`code`")
    for tag in ("<h3>", "<strong>", "<em>", "<ul>", "<li>", "<blockquote>", "<code>"):
        assert tag in html


def test_payloads_through_the_forms_and_the_topic_page(client, field_forum, member, no_interval):
    client.force_login(member)
    subject = '<script>alert("s")</script><img src=x onerror=alert(1)>'
    response = client.post(create_topic_url(field_forum), post_data(subject, PAYLOADS[0]))
    assert response.status_code == 302
    topic = Topic.objects.get()
    for payload in PAYLOADS[1:]:
        assert client.post(reply_url(topic), post_data("Re", payload)).status_code == 302
    assert topic.posts.count() == len(PAYLOADS)
    html = client.get(topic_url(topic) + "?page=1").content.decode()
    html += client.get(topic_url(topic) + "?page=2").content.decode()
    main = "".join(re.findall(r"<main.*?</main>", html, re.S))
    assert_harmless(main)
    assert "&lt;script&gt;alert(&quot;s&quot;)&lt;/script&gt;" in main  # the subject, escaped
    index = client.get("/forum/").content.decode()
    assert_harmless("".join(re.findall(r"<main.*?</main>", index, re.S)))


def test_preview_is_sanitised_too(client, field_forum, member):
    client.force_login(member)
    response = client.post(create_topic_url(field_forum), post_data("Vorschau", PAYLOADS[10], preview="1"))
    assert response.status_code == 200
    main = re.search(r"<main.*?</main>", response.content.decode(), re.S).group(0)
    # The textarea keeps the raw text (escaped); the rendered preview must be harmless.
    preview = re.search(r'<section class="post post--preview".*?</section>', main, re.S).group(0)
    assert_harmless(preview)


def test_usernames_are_escaped(client, field_forum):
    author = UserFactory(verified=True, display_name='<b onmouseover="alert(1)">Eve</b>')
    topic = make_topic(field_forum, author)
    html = client.get(topic_url(topic)).content.decode()
    assert '<b onmouseover="alert(1)">' not in html
    assert "&lt;b onmouseover=&quot;alert(1)&quot;&gt;Eve&lt;/b&gt;" in html
