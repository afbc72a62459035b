"""GeoNames' places (CC BY 4.0) are credited where visitors type a place: the network map and the initiative form."""

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


def test_the_map_and_the_initiative_form_name_geonames_and_the_licence(client, region_index, member):
    client.force_login(member)
    for url in (region_index.url, reverse("regions:submit_initiative")):
        html = client.get(url).content.decode()
        assert 'href="https://www.geonames.org/"' in html, url
        assert "creativecommons.org/licenses/by/4.0/deed.de" in html, url
        assert "Ortsnamen" in html, url
