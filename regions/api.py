"""The network map's GeoJSON in the JSON API: ``/api/v3/map/…`` (one OpenAPI schema with Wagtail's API)."""

from ninja import Router

router = Router(tags=["Vernetzungslandkarte"])
