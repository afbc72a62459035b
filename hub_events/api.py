"""Events in the JSON API: ``/api/v3/events/…`` (one OpenAPI schema with Wagtail's API)."""

from ninja import Router

router = Router(tags=["Veranstaltungen"])
