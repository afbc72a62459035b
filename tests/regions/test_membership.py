"""Members join and leave regions on the region page."""

from django.test import Client
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from regions.models import RegionMembership
from tests.members.factories import UserFactory
from tests.regions.factories import RegionPageFactory

pytestmark = pytest.mark.django_db


def join_url(region):
    return reverse("regions:join", args=[region.pk])


def leave_url(region):
    return reverse("regions:leave", args=[region.pk])


@pytest.fixture
def member(client):
    user = UserFactory(verified=True)
    client.force_login(user)
    return user


def test_anonymous_visitor_sees_the_sign_up_link_and_no_join_button(client, region):
    html = client.get(region.url).content.decode()

    assert "Registrieren, um mitzumachen" in html
    assert f"/konto/signup/?next={region.url}" in html
    assert join_url(region) not in html
    assert "0 Mitglieder machen hier mit." in html


def test_anonymous_join_redirects_to_sign_up_and_back(client, region):
    response = client.post(join_url(region))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_signup')}?next=%2Fregionen%2Fneumarkt%2F"
    assert not RegionMembership.objects.exists()


def test_member_joins_and_leaves(client, region, member):
    assert "Mitmachen" in client.get(region.url).content.decode()

    response = client.post(join_url(region), follow=True)

    assert RegionMembership.objects.filter(user=member, region=region).count() == 1
    html = response.content.decode()
    assert "Region verlassen" in html
    assert "1 Mitglied macht hier mit." in html
    assert "Schön, dass du in dieser Region mitmachst!" in html

    response = client.post(leave_url(region), follow=True)

    assert not RegionMembership.objects.exists()
    assert "Du hast die Region verlassen." in response.content.decode()


def test_join_and_leave_are_idempotent(client, region, member):
    client.post(join_url(region))
    client.post(join_url(region))
    assert RegionMembership.objects.count() == 1

    client.post(leave_url(region))
    response = client.post(leave_url(region))
    assert response.status_code == 302
    assert not RegionMembership.objects.exists()


def test_member_count_counts_everyone(client, region, member):
    for user in (UserFactory(verified=True), UserFactory(verified=True)):
        RegionMembership.objects.create(user=user, region=region)

    assert "2 Mitglieder machen hier mit." in client.get(region.url).content.decode()


def test_join_needs_post(client, region, member):
    assert client.get(join_url(region)).status_code == 405
    assert not RegionMembership.objects.exists()


def test_join_needs_a_csrf_token(region):
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory(verified=True))

    assert client.post(join_url(region)).status_code == 403
    assert not RegionMembership.objects.exists()


def test_only_live_public_regions_can_be_joined(client, region, region_index, member):
    draft = RegionPageFactory(parent=region_index, live=False)
    private = RegionPageFactory(parent=region_index)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert client.post(join_url(draft)).status_code == 404
    assert client.post(join_url(private)).status_code == 404
    assert client.post(join_url(region_index)).status_code == 404
    assert client.post(reverse("regions:join", args=[999_999])).status_code == 404
    assert not RegionMembership.objects.exists()


def test_unverified_user_cannot_join_and_is_asked_to_confirm_the_address(client, region):
    """An account without a confirmed address that has a session (from before allauth's rules) must not join."""
    client.force_login(UserFactory(unverified=True))

    response = client.post(join_url(region))

    assert response.status_code == 403
    html = response.content.decode()
    assert "Bitte bestätige deine E-Mail-Adresse" in html
    assert "In einer Region mitmachen können nur Mitglieder mit bestätigter E-Mail-Adresse." in html
    assert not RegionMembership.objects.exists()
