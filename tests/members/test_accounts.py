"""Registration, login, password rules, rate limits and password reset through django-allauth, in German."""

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

import pytest
from allauth.account.models import EmailAddress

from tests.members.factories import UserFactory

User = get_user_model()
LINK = re.compile(r"https?://testserver(/konto/[^\s]+)")
GOOD_PASSWORD = "Kompost-Rad-2030"


def signup_data(**overrides):
    data = {
        "email": "neu@example.org",
        "display_name": "Neue Mitmacherin",
        "password1": GOOD_PASSWORD,
        "password2": GOOD_PASSWORD,
    }
    data.update(overrides)
    return data


def is_logged_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_signup_sends_a_german_verification_mail_whose_link_confirms_and_logs_in(client):
    response = client.post(reverse("account_signup"), signup_data())

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="neu@example.org")
    assert user.display_name == "Neue Mitmacherin"
    assert not is_logged_in(client)
    assert not EmailAddress.objects.get(user=user).verified

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["neu@example.org"]
    assert message.subject == "[Mitmach-Hub] Bitte bestätige deine E-Mail-Adresse"
    assert "Hallo vom Mitmach-Hub!" in message.body
    assert "Neue Mitmacherin" in message.body  # named by the public name, not the username
    assert "You're receiving" not in message.body
    link = LINK.search(message.body)
    assert link, message.body
    confirm_url = link.group(1)
    assert confirm_url.startswith("/konto/confirm-email/")

    page = client.get(confirm_url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "E-Mail-Adresse bestätigen" in html
    assert 'class="site-header"' in html

    confirmed = client.post(confirm_url)
    assert confirmed.status_code == 302
    assert confirmed["Location"] == reverse("members:profile")
    assert is_logged_in(client)
    assert EmailAddress.objects.get(user=user).verified


@pytest.mark.django_db
def test_sent_page_is_german_and_in_the_site_layout(client):
    response = client.post(reverse("account_signup"), signup_data(), follow=True)

    html = response.content.decode()
    assert 'class="site-header"' in html
    assert "<h1" in html
    assert "Bestätige deine E-Mail-Adresse" in html or "E-Mail-Adresse bestätigen" in html


@pytest.mark.django_db
def test_unverified_member_cannot_log_in(client):
    UserFactory(unverified=True, email="ungeprueft@example.org")

    response = client.post(
        reverse("account_login"), {"login": "ungeprueft@example.org", "password": "mitmachen-123"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert not is_logged_in(client)
    # A fresh confirmation mail goes out instead.
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_verified_member_logs_in_by_email_and_lands_on_the_profile(client):
    UserFactory(verified=True, email="aktiv@example.org")

    response = client.post(
        reverse("account_login"), {"login": "aktiv@example.org", "password": "mitmachen-123"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("members:profile")
    assert is_logged_in(client)


@pytest.mark.django_db
def test_wrong_password_gives_a_german_error(client):
    UserFactory(verified=True, email="aktiv@example.org")

    response = client.post(
        reverse("account_login"), {"login": "aktiv@example.org", "password": "falsch-falsch"}
    )

    assert response.status_code == 200
    assert "Die E-Mail-Adresse und/oder das Passwort sind leider falsch." in response.content.decode()
    assert not is_logged_in(client)


@pytest.mark.django_db
def test_filled_honeypot_creates_no_user(client):
    response = client.post(reverse("account_signup"), signup_data(website="https://spam.example"))

    # The bot is told everything went fine …
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    # … but nothing happened.
    assert not User.objects.filter(email="neu@example.org").exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_honeypot_is_hidden_from_people_and_screen_readers(client):
    html = client.get(reverse("account_signup")).content.decode()

    trap = html[html.index('name="website"') - 300 : html.index('name="website"')]
    assert 'aria-hidden="true"' in trap
    assert "form-field--trap" in trap


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Ab3-x", "Dieses Passwort ist zu kurz. Es muss mindestens 8 Zeichen enthalten."),
        ("password1", "Dieses Passwort ist zu üblich."),
        ("12345678", "Dieses Passwort ist zu üblich."),
        ("83920174", "Dieses Passwort ist komplett numerisch."),
    ],
)
def test_weak_passwords_are_refused_on_signup(client, password, message):
    response = client.post(reverse("account_signup"), signup_data(password1=password, password2=password))

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'class="errorlist"' in html
    # What the person typed stays in the form.
    assert 'value="neu@example.org"' in html
    assert 'value="Neue Mitmacherin"' in html
    assert not User.objects.filter(email="neu@example.org").exists()


@pytest.mark.django_db
def test_weak_password_is_refused_on_password_change(client):
    user = UserFactory(verified=True, email="aktiv@example.org")
    client.force_login(user)

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": "mitmachen-123", "password1": "kurz", "password2": "kurz"},
    )

    assert response.status_code == 200
    assert "Dieses Passwort ist zu kurz." in response.content.decode()
    user.refresh_from_db()
    assert user.check_password("mitmachen-123")


@pytest.mark.django_db
def test_login_is_rate_limited_with_a_friendly_german_429(client, settings):
    UserFactory(verified=True, email="aktiv@example.org")
    limit = int(settings.ACCOUNT_RATE_LIMITS["login"].split("/")[0])

    for attempt in range(limit):
        response = client.post(
            reverse("account_login"), {"login": f"versuch{attempt}@example.org", "password": "falsch-falsch"}
        )
        assert response.status_code == 200, attempt

    blocked = client.post(
        reverse("account_login"), {"login": "aktiv@example.org", "password": "mitmachen-123"}
    )

    assert blocked.status_code == 429
    html = blocked.content.decode()
    assert "Zu viele Versuche" in html
    assert 'class="site-header"' in html
    assert not is_logged_in(client)


@pytest.mark.django_db
def test_repeated_failed_logins_for_one_address_are_stopped(client, settings):
    UserFactory(verified=True, email="aktiv@example.org")

    for _ in range(5):
        client.post(reverse("account_login"), {"login": "aktiv@example.org", "password": "falsch-falsch"})
    response = client.post(
        reverse("account_login"), {"login": "aktiv@example.org", "password": "mitmachen-123"}
    )

    assert "Zu viele gescheiterte Anmeldeversuche" in response.content.decode()
    assert not is_logged_in(client)


@pytest.mark.django_db
def test_password_reset_mail_is_german_and_its_link_sets_a_new_password(client):
    user = UserFactory(verified=True, email="vergesslich@example.org")

    response = client.post(reverse("account_reset_password"), {"email": "vergesslich@example.org"})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "[Mitmach-Hub] E-Mail zum Zurücksetzen des Passworts"
    assert "Hallo vom Mitmach-Hub!" in message.body
    assert "You're receiving" not in message.body
    reset_url = LINK.search(message.body).group(1)

    form_page = client.get(reset_url, follow=True)
    assert form_page.status_code == 200
    assert "Passwort ändern" in form_page.content.decode()
    new_password = "Neues-Lastenrad-77"
    done = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_url,
        {"password1": new_password, "password2": new_password},
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new_password)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url_name", "heading"),
    [
        ("account_login", "Anmeldung"),
        ("account_signup", "Registrieren"),
        ("account_reset_password", "Passwort zurücksetzen"),
        ("account_reset_password_done", "Passwort zurücksetzen"),
        ("account_email_verification_sent", "Bestätige deine E-Mail-Adresse"),
    ],
)
def test_entrance_pages_render_in_the_site_layout(client, url_name, heading):
    response = client.get(reverse(url_name))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="site-header"' in html
    assert 'class="site-footer"' in html
    assert "page-account" in html
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip()
    assert h1 == heading
    assert f"<title>{heading}" in re.sub(r"<title>\s+", "<title>", html)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url_name", "heading"),
    [
        ("account_email", "E-Mail-Adressen"),
        ("account_change_password", "Passwort ändern"),
        ("account_logout", "Abmelden"),
    ],
)
def test_manage_pages_render_in_the_site_layout(client, url_name, heading):
    client.force_login(UserFactory(verified=True))

    response = client.get(reverse(url_name))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="site-header"' in html
    assert re.search(r"<h1[^>]*>\s*" + re.escape(heading) + r"\s*</h1>", html)


@pytest.mark.django_db
def test_header_shows_login_and_signup_to_visitors_and_profile_and_logout_to_members(client):
    visitor = client.get(reverse("account_login")).content.decode()
    assert reverse("account_signup") in visitor
    assert "Registrieren" in visitor

    client.force_login(UserFactory(verified=True))
    member = client.get(reverse("members:profile")).content.decode()
    assert 'href="/mitglied/profil/"' in member
    assert f'action="{reverse("account_logout")}"' in member


@pytest.mark.django_db
def test_logout_by_post_from_the_header(client):
    client.force_login(UserFactory(verified=True))

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert not is_logged_in(client)
