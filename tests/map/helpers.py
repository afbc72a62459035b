"""Helpers for the network map's tests: the endpoints, a field of action by slug, the names on the map."""

from django.urls import reverse

from home.models import FieldOfAction

FEATURES = reverse("wagtailapi_v3:map_features")
NEAR = reverse("wagtailapi_v3:map_regions_near")


def field(slug):
    return FieldOfAction.objects.get(slug=slug)


def names(collection, layer=None):
    return sorted(
        feature["properties"]["name"]
        for feature in collection["features"]
        if not feature["properties"]["cluster"] and (layer is None or feature["properties"]["layer"] == layer)
    )
