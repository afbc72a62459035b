"""Every login goes through django-allauth: its rate limits, its lockout and its mandatory e-mail verification.

Wagtail's admin login and the Django admin's login only send people to allauth's login page (keeping
``next``); no password is ever checked there, and no backend takes a username and password past allauth.
"""

from urllib.parse import unquote

from django.contrib.auth import authenticate
from django.urls import reverse

import pytest

from tests.members.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

WRONG = "falsch-falsch"

# (URL name, how its form names the account and the password)
LOGIN_FORMS = [
    pytest.param("account_login", "login", id="allauth"),
    pytest.param("wagtailadmin_login", "username", id="wagtail-admin"),
    pytest.param("admin:login", "username", id="django-admin"),
]


def is_logged_in(client):
    return "_auth_user_id" in client.session


def make_staff_editor(**fields):
    """An editor who is also staff: the kind of account both admin logins would accept."""
    user = UserFactory(editor=True, **fields)
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return user


def post_login(client, url_name, field, identifier, password, next_url="/admin/"):
    url = f"{reverse(url_name)}?next={next_url}"
    return client.post(url, {field: identifier, "password": password, "next": next_url})


def attempt(client, url_name, field, identifier, password):
    """A guess as a script makes it: post to the URL, and post again wherever a redirect to a login leads."""
    response = post_login(client, url_name, field, identifier, password)
    if response.status_code == 302 and response["Location"].startswith(reverse("account_login")):
        response = client.post(response["Location"], {"login": identifier, "password": password})
    return response


@pytest.mark.parametrize(("url_name", "field"), LOGIN_FORMS)
def test_a_burst_of_wrong_passwords_locks_the_account_on_every_login_url(client, url_name, field):
    user = make_staff_editor(email="redaktion@example.org", username="redaktion")

    for _ in range(5):
        attempt(client, url_name, field, user.email, WRONG)
    response = attempt(client, url_name, field, user.email, PASSWORD)

    # After the burst even the right password does not get in: allauth's lockout for the address holds.
    assert not is_logged_in(client)
    assert response.status_code == 429 or "Zu viele gescheiterte Anmeldeversuche" in response.content.decode()


@pytest.mark.parametrize(("url_name", "field"), LOGIN_FORMS)
def test_no_login_url_takes_a_username_and_password(client, url_name, field):
    """Guessing by username would count against no address: the only login (allauth's) takes e-mail only."""
    user = make_staff_editor(email="redaktion@example.org", username="redaktion")

    for _ in range(5):
        attempt(client, url_name, field, user.username, WRONG)
    attempt(client, url_name, field, user.username, PASSWORD)

    assert not is_logged_in(client)


@pytest.mark.parametrize(("url_name", "field"), LOGIN_FORMS)
def test_many_login_requests_from_one_address_end_in_a_429(client, settings, url_name, field):
    make_staff_editor(email="redaktion@example.org", username="redaktion")
    limit = int(settings.ACCOUNT_RATE_LIMITS["login"].split("/")[0])

    for attempt_number in range(limit):
        attempt(client, url_name, field, f"versuch{attempt_number}@example.org", WRONG)
    response = attempt(client, url_name, field, "redaktion@example.org", PASSWORD)

    assert response.status_code == 429
    assert not is_logged_in(client)


@pytest.mark.parametrize(("url_name", "field"), LOGIN_FORMS[1:])
@pytest.mark.parametrize("by", ["email", "username"])
def test_admin_logins_never_check_a_password_and_send_people_to_allauth(client, url_name, field, by):
    user = make_staff_editor(email="redaktion@example.org", username="redaktion")

    response = post_login(client, url_name, field, getattr(user, by), PASSWORD, next_url="/admin/pages/")

    assert not is_logged_in(client)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=/admin/pages/"


@pytest.mark.parametrize(("url_name", "field"), LOGIN_FORMS[1:])
def test_an_unverified_account_cannot_log_in_through_the_admin_logins(client, url_name, field):
    unverified = UserFactory(unverified=True, email="ungeprueft@example.org", username="ungeprueft")
    unverified.is_staff = True
    unverified.is_superuser = True
    unverified.save(update_fields=["is_staff", "is_superuser"])

    for identifier in (unverified.username, unverified.email):
        post_login(client, url_name, field, identifier, PASSWORD)
        assert not is_logged_in(client)

    assert client.get("/admin/").status_code == 302
    assert client.get("/django-admin/").status_code == 302


def test_an_unverified_account_cannot_log_in_through_allauth_either(client):
    UserFactory(unverified=True, email="ungeprueft@example.org")

    response = post_login(client, "account_login", "login", "ungeprueft@example.org", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert not is_logged_in(client)


def test_no_backend_takes_a_username_and_password_past_allauth():
    user = UserFactory(username="direkt", email="direkt@example.org")

    assert authenticate(username="direkt", password=PASSWORD) is None
    # Permissions still come from the remaining (allauth's) backend.
    assert user.has_perm("wagtailadmin.access_admin") is False


def test_the_admin_sends_anonymous_visitors_to_allauths_login(client):
    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=/admin/pages/"


def test_the_django_admin_sends_anonymous_visitors_to_allauths_login(client):
    response = client.get("/django-admin/", follow=True)

    assert unquote(response.redirect_chain[-1][0]) == f"{reverse('account_login')}?next=/django-admin/"
    assert response.status_code == 200


def test_a_member_without_admin_rights_gets_the_login_form_not_a_redirect_loop(client):
    client.force_login(UserFactory(verified=True))

    for path in ("/admin/", "/django-admin/"):
        response = client.get(path, follow=True)
        assert response.status_code == 200
        assert response.redirect_chain[-1][0].startswith(reverse("account_login"))


def test_a_verified_editor_logs_in_through_allauth_and_lands_in_the_admin(client):
    UserFactory(editor=True, email="redaktion@example.org")

    response = post_login(
        client, "account_login", "login", "redaktion@example.org", PASSWORD, next_url="/admin/"
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert is_logged_in(client)
    assert client.get("/admin/").status_code == 200


def test_the_admin_login_link_keeps_next_through_allauth(client):
    UserFactory(editor=True, email="redaktion@example.org")

    redirected = client.get(f"{reverse('wagtailadmin_login')}?next=/admin/pages/")
    assert redirected.status_code == 302
    response = client.post(
        redirected["Location"],
        {"login": "redaktion@example.org", "password": PASSWORD, "next": "/admin/pages/"},
    )

    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_verified_operator_reaches_the_django_admin_through_allauth(client):
    operator = UserFactory(verified=True, email="betrieb@example.org")
    operator.is_staff = True
    operator.is_superuser = True
    operator.save(update_fields=["is_staff", "is_superuser"])

    response = post_login(
        client, "account_login", "login", "betrieb@example.org", PASSWORD, next_url="/django-admin/"
    )

    assert response["Location"] == "/django-admin/"
    assert client.get("/django-admin/").status_code == 200


def test_wagtails_own_password_reset_is_off_allauths_is_the_one(client):
    assert client.get("/admin/password_reset/").status_code == 404
    assert client.get(reverse("account_reset_password")).status_code == 200
