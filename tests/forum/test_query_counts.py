"""The forum index, a forum page and a topic page cost the same number of queries for few or many items.

Each test records its two counts on its own report (``record_property``: in the JUnit XML, and in the failure
message when they differ).
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from machina.apps.forum_conversation.forum_attachments.models import Attachment

from forum import structure
from tests.forum.factories import make_topic
from tests.forum.helpers import forum_url, topic_url
from tests.members.factories import UserFactory
from tests.regions.factories import RegionPageFactory


def count(client, url):
    client.get(url)  # warm-up: session, tracking rows, content types
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def assert_same(record_property, few, many):
    record_property("queries with few items", few)
    record_property("queries with many items", many)
    assert few == many, f"{few} queries with few items, {many} with many"


@pytest.fixture(params=["anonymous", "member"])
def reader(request, client, db):
    if request.param == "member":
        client.force_login(UserFactory(verified=True))
    return request.param


def test_index(client, record_property, field_forum, region_index, reader):
    poster = UserFactory(verified=True)
    make_topic(field_forum, poster)
    few = count(client, "/forum/")
    for number in range(6):
        region = RegionPageFactory(parent=region_index, slug=f"r{number}")
        forum = structure.ensure_region_forum(region)[0]
        make_topic(forum, UserFactory(verified=True), replies=2)
        make_topic(field_forum, poster, subject=f"Noch eins {number}")
    many = count(client, "/forum/")
    assert_same(record_property, few, many)


def test_forum_page(client, record_property, field_forum, reader):
    make_topic(field_forum, UserFactory(verified=True, display_name="Eine"))
    few = count(client, forum_url(field_forum))
    for number in range(15):
        make_topic(field_forum, UserFactory(verified=True), subject=f"Thema {number}", replies=1)
    many = count(client, forum_url(field_forum))
    assert_same(record_property, few, many)


def test_topic_page(client, record_property, field_forum, reader):
    topic = make_topic(field_forum, UserFactory(verified=True))
    few = count(client, topic_url(topic))
    for number in range(12):
        post = topic.posts.create(
            poster=UserFactory(verified=True), subject=f"Re {number}", content="Antwort"
        )
        Attachment.objects.create(
            post=post, file=SimpleUploadedFile(f"a{number}.pdf", b"%PDF-1.4"), comment=""
        )
    many = count(client, topic_url(topic))
    assert_same(record_property, few, many)
