"""A member's data: the JSON export and account deletion with anonymised forum posts."""

import io
import json

from django.core import serializers
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from allauth.account.models import EmailAddress
from machina.core.db.models import get_model
from PIL import Image

from home.models import FieldOfAction
from members.models import User
from members.privacy import DELETED_MEMBER_NAME
from regions.models import Initiative, RegionMembership, RegionModerator
from tests.forum.factories import make_topic
from tests.members.factories import UserFactory
from tests.regions.factories import InitiativeFactory, RegionPageFactory

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")

PRIVACY = reverse("members:privacy")
EXPORT = reverse("members:data_export")
DELETE = reverse("members:account_delete")


@pytest.fixture
def forum(db):
    return Forum.objects.create(name="Energie und Verkehr", type=Forum.FORUM_POST)


def reply(topic, poster, content):
    return Post.objects.create(topic=topic, poster=poster, subject=f"Re: {topic.subject}", content=content)


@pytest.fixture
def rich_member(member, region, region_index, forum):
    """A member with something in every place the hub stores personal data."""
    member.bio = "Ich repariere Fahrräder."
    member.show_on_map = True
    member.map_place = "Neumarkt"
    member.map_location = "SRID=4326;POINT(11.46 49.28)"
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "green").save(buffer, format="PNG")
    member.avatar = SimpleUploadedFile("0123abcd.png", buffer.getvalue(), content_type="image/png")
    member.save()
    member.fields_of_action.set(FieldOfAction.objects.all()[:1])
    EmailAddress.objects.create(user=member, email="ada.zweit@example.org", verified=False)
    RegionMembership.objects.create(user=member, region=region)
    team_region = RegionPageFactory(parent=region_index, title="Wendland", slug="wendland")
    RegionModerator.objects.create(user=member, region=team_region, role="Finanzen")
    InitiativeFactory(
        name="Lastenrad-Verleih", region=region, submitted_by=member, description="Räder für alle."
    )
    own_topic = make_topic(forum, member, "Wer hat ein Lastenrad?", "Ich suche ein Lastenrad zum Leihen.")
    own_topic.subscribers.add(member)
    from forum.models import ForumSubscription, PostReport

    ForumSubscription.objects.create(user=member, forum=forum)
    PostReport.objects.create(
        post=own_topic.first_post or own_topic.posts.first(), reporter=member, reason="Doppelt"
    )
    return member


@pytest.fixture
def other_member(region, forum):
    other = UserFactory(
        verified=True,
        email="bea.geheim@example.org",
        username="bea_privat",
        display_name="Bea Nachbarin",
        organisation="BUND",
    )
    RegionMembership.objects.create(user=other, region=region)
    InitiativeFactory(name="Beas Gemeinschaftsgarten", region=region, submitted_by=other)
    topic = make_topic(forum, other, "Beas Thema", "Beas eigener Beitrag.")
    topic.subscribers.add(other)
    return other


def test_privacy_page_needs_login(client, db):
    assert client.get(PRIVACY).status_code == 302
    assert client.get(EXPORT).status_code == 302
    assert client.post(DELETE, {"password": "x", "confirm": "on"}).status_code == 302


def test_privacy_page_offers_export_and_deletion(member_client):
    response = member_client.get(PRIVACY)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Meine Daten</h1>" in html
    assert f'href="{EXPORT}"' in html
    assert f'action="{DELETE}"' in html
    assert 'name="password"' in html


def test_export_is_a_json_attachment_with_all_own_data(member_client, rich_member, other_member, region):
    response = member_client.get(EXPORT)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="mitmach-hub-meine-daten-')
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    data = json.loads(response.content)

    profile = data["profile"]
    assert profile["email"] == "ada@example.org"
    assert profile["display_name"] == "Ada Mitmacherin"
    assert profile["organisation"] == "Repair-Café Neumarkt"
    assert profile["bio"] == "Ich repariere Fahrräder."
    assert profile["show_on_map"] is True
    assert profile["map_location"] == "SRID=4326;POINT(11.46 49.28)"
    assert profile["avatar_url"].startswith("http://testserver/media/members/avatars/")
    assert data["fields_of_action"] == [FieldOfAction.objects.first().name]
    assert {a["email"] for a in data["email_addresses"]} == {"ada@example.org", "ada.zweit@example.org"}
    [membership] = data["region_memberships"]
    assert membership["region"] == "Neumarkt in der Oberpfalz"
    assert membership["url"] == f"http://testserver{region.url}"
    assert membership["joined_at"]
    assert data["region_teams"] == [
        {"region": "Wendland", "url": "http://testserver/regionen/wendland/", "role": "Finanzen"}
    ]
    [initiative] = data["initiatives"]
    assert initiative["name"] == "Lastenrad-Verleih"
    assert initiative["status"] == "Wartet auf Freigabe"
    assert initiative["region"] == "Neumarkt in der Oberpfalz"
    assert initiative["description"] == "Räder für alle."
    assert initiative["created_at"]
    [post] = data["forum_posts"]
    assert post == {
        "topic": "Wer hat ein Lastenrad?",
        "forum": "Energie und Verkehr",
        "subject": "Wer hat ein Lastenrad?",
        "created": post["created"],
        "updated": post["updated"],
        "content": "Ich suche ein Lastenrad zum Leihen.",
    }
    assert data["forum_topic_subscriptions"] == [
        {"topic": "Wer hat ein Lastenrad?", "forum": "Energie und Verkehr"}
    ]
    assert [s["forum"] for s in data["forum_subscriptions"]] == ["Energie und Verkehr"]
    [report] = data["forum_reports"]
    assert (report["topic"], report["reason"], report["resolved"]) == (
        "Wer hat ein Lastenrad?",
        "Doppelt",
        None,
    )


def test_export_never_contains_other_members_data(member_client, rich_member, other_member):
    raw = member_client.get(EXPORT).content.decode()

    for secret in ("bea.geheim@example.org", "bea_privat", "Bea Nachbarin", "BUND", "Beas"):
        assert secret not in raw


def test_export_of_a_member_with_nothing_yet(member_client):
    data = json.loads(member_client.get(EXPORT).content)

    assert data["profile"]["avatar_url"] is None
    assert data["region_memberships"] == []
    assert data["forum_posts"] == []


def test_export_query_count_is_bounded(member_client, rich_member, forum, django_assert_max_num_queries):
    topic = Topic.objects.get(poster=rich_member)
    for number in range(10):
        reply(topic, rich_member, f"Antwort {number}")

    # A fixed number per section of the export (each app adds its own), none per row; the co-owner sections of
    # regions (co-ownerships, invitations sent and received) add three, newsletter issues and subscriptions two,
    # notifications three, working groups two (memberships and reports), event registrations one.
    with django_assert_max_num_queries(35):
        response = member_client.get(EXPORT)
    assert len(json.loads(response.content)["forum_posts"]) == 11


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"password": "falsch-falsch", "confirm": "on"}, "password", "Das Passwort stimmt nicht."),
        ({"password": "mitmachen-123"}, "confirm", "Bitte bestätige, dass du dein Konto löschen möchtest."),
        ({"confirm": "on"}, "password", "Bitte gib dein Passwort ein."),
    ],
)
def test_deletion_needs_the_password_and_the_confirmation(member_client, member, data, field, message):
    response = member_client.post(DELETE, data)

    assert response.status_code == 200
    assert message in response.context["delete_form"].errors[field]
    assert message in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()
    assert "_auth_user_id" in member_client.session


def test_deletion_attempts_are_rate_limited(member_client, member, settings):
    limit = int(settings.ACCOUNT_RATE_LIMITS["delete_account"].split("/")[0])
    for _ in range(limit):
        assert member_client.post(DELETE, {"password": "falsch", "confirm": "on"}).status_code == 200

    response = member_client.post(DELETE, {"password": "mitmachen-123", "confirm": "on"})

    assert response.status_code == 429
    assert User.objects.filter(pk=member.pk).exists()


def test_deleting_the_account_anonymises_posts_and_removes_everything_personal(
    member_client, rich_member, other_member, forum, home_page, django_capture_on_commit_callbacks
):
    member = rich_member
    own_topic = Topic.objects.get(poster=member)
    others_topic = Topic.objects.get(poster=other_member)
    own_reply = reply(others_topic, member, "Ich kann helfen!")
    others_reply = reply(own_topic, other_member, "Ich habe eins.")
    avatar_name = member.avatar.name
    assert default_storage.exists(avatar_name)
    personal = [
        member.email,
        "ada.zweit@example.org",
        member.username,
        member.display_name,
        member.organisation,
        member.bio,
        member.map_place,
        avatar_name,
    ]
    member_pk = member.pk
    post_ids = set(Post.objects.filter(poster=member).values_list("pk", flat=True))
    assert len(post_ids) == 2

    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(DELETE, {"password": "mitmachen-123", "confirm": "on"})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "_auth_user_id" not in member_client.session
    followed = member_client.get("/")
    assert "Dein Konto wurde gelöscht." in followed.content.decode()

    # The person is gone …
    assert not User.objects.filter(pk=member_pk).exists()
    assert not EmailAddress.objects.filter(user_id=member_pk).exists()
    assert not EmailAddress.objects.filter(email__in=["ada@example.org", "ada.zweit@example.org"]).exists()
    assert not RegionMembership.objects.filter(user_id=member_pk).exists()
    assert not RegionModerator.objects.filter(user_id=member_pk).exists()
    assert not default_storage.exists(avatar_name)
    # … their posts and topics stay, anonymised …
    anonymised = Post.objects.filter(pk__in=post_ids)
    assert anonymised.count() == 2
    for post in anonymised:
        assert post.poster is None
        assert post.username == DELETED_MEMBER_NAME
        assert post.anonymous_key == ""
        post.full_clean()  # still a valid machina post
    own_topic.refresh_from_db()
    assert own_topic.poster is None
    assert own_topic.posts.count() == 2
    assert not own_topic.subscribers.exists()
    # … initiatives stay without a submitter, and other people are untouched.
    initiative = Initiative.objects.get(name="Lastenrad-Verleih")
    assert initiative.submitted_by is None
    others_reply.refresh_from_db()
    assert others_reply.poster == other_member
    assert User.objects.filter(pk=other_member.pk).exists()
    assert Post.objects.filter(pk=own_reply.pk).exists()

    # Nothing personal is left in any row of the models involved.
    dump = serializers.serialize(
        "json",
        [
            *User.objects.all(),
            *EmailAddress.objects.all(),
            *RegionMembership.objects.all(),
            *RegionModerator.objects.all(),
            *Initiative.objects.all(),
            *Topic.objects.all(),
            *Post.objects.all(),
        ],
    )
    for value in personal:
        assert value not in dump, value


def test_deleted_account_cannot_log_in_again(client, member):
    client.force_login(member)
    client.post(DELETE, {"password": "mitmachen-123", "confirm": "on"})

    response = client.post(
        reverse("account_login"), {"login": "ada@example.org", "password": "mitmachen-123"}
    )

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_deleting_without_posts_or_avatar_works(member_client, member):
    response = member_client.post(DELETE, {"password": "mitmachen-123", "confirm": "on"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()
