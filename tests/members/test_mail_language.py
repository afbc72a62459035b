"""Every mail of the hub in its recipient's language: the account's (``User.language``), set at sign-up from the
language the visitor signed up in and changed in the profile; links point to that language's site."""

import re

from django.core import mail
from django.urls import reverse
from django.utils import translation

import pytest

from forum import structure
from forum.models import ForumSubscription
from home.models import FieldOfAction
from members.models import User
from members.privacy import export_user_data
from tests.forum.factories import make_topic
from tests.forum.helpers import post_data, reply_url
from tests.helpers import english_tree
from tests.members.factories import UserFactory
from tests.region_applications.factories import RegionApplicationPageFactory, add_fields
from tests.region_applications.helpers import future, valid_data
from tests.regions.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Kompost-Rad-2030"
LINK = re.compile(r"https?://testserver(/[^\s]*)")


@pytest.fixture(autouse=True)
def _german_to_begin_with():
    """Each test starts on the German site: a request to /en/ leaves English active in the test's thread."""
    with translation.override("de"):
        yield


def english(name):
    """The route ``name`` on the English site (``/en/…``)."""
    with translation.override("en"):
        return reverse(name)


def links(message):
    return LINK.findall(message.body)


def signup(client, url, email):
    return client.post(
        url,
        {"email": email, "display_name": "Neu", "password1": PASSWORD, "password2": PASSWORD},
    )


# --- Accounts (allauth) ----------------------------------------------------------------------------------


def test_signing_up_in_english_stores_english_and_verifies_in_english(client):
    assert english("account_signup") == "/en/konto/signup/"

    response = signup(client, "/en/konto/signup/", "new@example.org")

    assert response.status_code == 302
    assert User.objects.get(email="new@example.org").language == "en"
    [message] = mail.outbox
    assert message.subject == "[Mitmach-Hub] Please Confirm Your Email Address"
    assert "Hello from Mitmach-Hub!" in message.body
    assert "Hallo" not in message.body
    [confirm] = [link for link in links(message) if "confirm-email" in link]
    assert confirm.startswith("/en/konto/confirm-email/")
    page = client.get(confirm)
    assert page.status_code == 200
    assert '<html lang="en"' in page.content.decode()


def test_signing_up_in_german_stores_german_and_verifies_in_german(client):
    signup(client, reverse("account_signup"), "neu@example.org")

    assert User.objects.get(email="neu@example.org").language == "de"
    [message] = mail.outbox
    assert message.subject == "[Mitmach-Hub] Bitte bestätige deine E-Mail-Adresse"
    assert "Hallo vom Mitmach-Hub!" in message.body
    assert all(not link.startswith("/en/") for link in links(message))


@pytest.mark.parametrize(
    ("language", "site", "subject", "greeting", "prefix"),
    [
        # Each member reads the mail in their own language, whichever site they asked on.
        (
            "de",
            "en",
            "[Mitmach-Hub] E-Mail zum Zurücksetzen des Passworts",
            "Hallo vom Mitmach-Hub!",
            "/konto/",
        ),
        ("en", "de", "[Mitmach-Hub] Password Reset Email", "Hello from Mitmach-Hub!", "/en/konto/"),
    ],
)
def test_password_reset_mail_is_in_the_members_language(client, language, site, subject, greeting, prefix):
    UserFactory(verified=True, email="forgetful@example.org", language=language)
    with translation.override(site):
        url = reverse("account_reset_password")

    client.post(url, {"email": "forgetful@example.org"})

    [message] = mail.outbox
    assert message.subject == subject
    assert greeting in message.body
    [reset] = [link for link in links(message) if "/password/reset/key/" in link]
    assert reset.startswith(prefix)
    assert client.get(reset, follow=True).status_code == 200


def test_a_mail_to_an_address_without_account_is_in_the_language_asked_in(client):
    client.post(english("account_reset_password"), {"email": "nobody@example.org"})

    [message] = mail.outbox
    assert "Hello from Mitmach-Hub!" in message.body
    assert any(link.startswith("/en/konto/signup/") for link in links(message))


# --- The profile ------------------------------------------------------------------------------------------


def profile_data(**overrides):
    return {"display_name": "Ada", "organisation": "", "bio": "", "map_place": "", **overrides}


def test_changing_the_language_in_the_profile_switches_mails_and_site(member_client, member):
    assert member.language == "de"
    edit = member_client.get(reverse("members:profile_edit")).content.decode()
    assert 'name="language"' in edit and "English" in edit

    response = member_client.post(reverse("members:profile_edit"), profile_data(language="en"))

    assert response.status_code == 302
    assert response["Location"] == "/en/mitglied/profil/"
    member.refresh_from_db()
    assert member.language == "en"
    page = member_client.get(response["Location"]).content.decode()
    assert '<html lang="en"' in page
    assert "Your profile has been saved." in page

    member_client.post(english("account_reset_password"), {"email": member.email})
    assert "Hello from Mitmach-Hub!" in mail.outbox[-1].body


def test_an_unknown_language_is_a_form_error(member_client, member):
    response = member_client.post(reverse("members:profile_edit"), profile_data(language="xx"))

    assert response.status_code == 200
    assert 'id="id_language_error"' in response.content.decode()
    member.refresh_from_db()
    assert member.language == "de"


def test_a_post_without_a_language_keeps_the_stored_one(member_client, member):
    member.language = "en"
    member.save(update_fields=["language"])

    response = member_client.post(reverse("members:profile_edit"), profile_data(display_name="Ada L."))

    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.display_name, member.language) == ("Ada L.", "en")


def test_the_export_contains_the_language(member_client, member):
    member.language = "en"
    member.save(update_fields=["language"])

    assert export_user_data(member)["profile"]["language"] == "en"
    response = member_client.get(reverse("members:data_export"))
    assert '"language": "en"' in response.content.decode()


# --- Initiatives (regions) --------------------------------------------------------------------------------


def test_the_decision_on_an_initiative_reaches_each_submitter_in_their_language(
    client, moderator, region, django_capture_on_commit_callbacks
):
    english_tree()
    anna = UserFactory(verified=True, display_name="Anna", language="de")
    emma = UserFactory(verified=True, display_name="Emma", language="en")
    german = InitiativeFactory(region=region, name="Reparaturtreff", submitted_by=anna)
    englisch = InitiativeFactory(region=region, name="Repair Café", submitted_by=emma)
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        for initiative in (german, englisch):
            client.post(reverse("regions:approve_initiative", args=[initiative.pk]))

    to_anna, to_emma = mail.outbox
    assert to_anna.to == [anna.email]
    assert to_anna.subject == "[Mitmach-Hub] Deine Initiative „Reparaturtreff“ ist freigegeben"
    assert "Hallo Anna" in to_anna.body
    assert "/mitmachen/initiativen/meine/" in links(to_anna)
    assert "/regionen/neumarkt/" in links(to_anna)

    assert to_emma.to == [emma.email]
    assert to_emma.subject == "[Mitmach-Hub] Your initiative “Repair Café” has been approved"
    assert "Hello Emma" in to_emma.body
    assert "/en/mitmachen/initiativen/meine/" in links(to_emma)
    assert "/en/regionen/neumarkt/" in links(to_emma)
    assert client.get("/en/regionen/neumarkt/").status_code == 200


# --- Forum ------------------------------------------------------------------------------------------------


def test_new_posts_reach_each_subscriber_in_their_language(
    client, member, django_capture_on_commit_callbacks
):
    structure.ensure_structure()
    forum = structure.field_forum(FieldOfAction.objects.order_by("order", "name").first())
    topic = make_topic(forum, member, subject="Solarbank")
    anna = UserFactory(verified=True, language="de")
    emma = UserFactory(verified=True, language="en")
    ForumSubscription.objects.create(user=anna, forum=forum)
    topic.subscribers.add(emma)
    mail.outbox.clear()
    client.force_login(UserFactory(verified=True, display_name="Ada"))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reply_url(topic), post_data("Re: Solarbank", "Ich baue mit."))

    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {anna.email, emma.email}
    assert by_address[anna.email].subject == "Neue Antwort: Solarbank"
    assert "Abo beenden" in by_address[anna.email].body
    assert all(link.startswith("/forum/") for link in links(by_address[anna.email]))
    assert by_address[emma.email].subject == "New reply: Solarbank"
    assert "Unsubscribe" in by_address[emma.email].body
    assert all(link.startswith("/en/forum/") for link in links(by_address[emma.email]))


# --- Region applications ----------------------------------------------------------------------------------


@pytest.fixture
def application_page(home_page):
    page = RegionApplicationPageFactory(
        parent=home_page, slug="region-starten", deadline=future(), to_address="team-de@example.org"
    )
    add_fields(page)
    english_tree()
    return page


def test_the_confirmation_is_in_the_language_the_guest_applied_in(client, application_page):
    client.post("/en/region-starten/", valid_data(e_mail="guest@example.org"))
    client.post("/region-starten/", valid_data(e_mail="gast@example.org"))

    to_guest = next(message for message in mail.outbox if message.to == ["guest@example.org"])
    to_gast = next(message for message in mail.outbox if message.to == ["gast@example.org"])
    assert "Your application through “Region starten” has reached us." in to_guest.body
    assert "Your Mitmach-Hub team" in to_guest.body
    assert "http://localhost/en/region-starten/" in to_guest.body
    assert "Deine Bewerbung über „Region starten“ ist bei uns angekommen." in to_gast.body
    assert "Your application" not in to_gast.body


def test_the_team_gets_the_notice_each_in_their_language(client, application_page):
    UserFactory(verified=True, email="team-en@example.org", language="en")
    UserFactory(verified=True, email="team-de@example.org", language="de")
    application_page.to_address = "team-de@example.org, Team-EN@example.org, extern@example.org"
    application_page.save_revision().publish()

    client.post("/region-starten/", valid_data())

    notices = [message for message in mail.outbox if message.to != ["erika@example.org"]]
    to = {tuple(message.to): message for message in notices}
    assert set(to) == {("team-de@example.org", "extern@example.org"), ("Team-EN@example.org",)}
    assert "A new application has arrived" in to["Team-EN@example.org",].body
    assert "ist eine neue Bewerbung eingegangen" in to["team-de@example.org", "extern@example.org"].body
    assert all(message.reply_to == ["erika@example.org"] for message in notices)
