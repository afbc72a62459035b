"""The forum's URLs: our additions (reports, forum subscriptions, action discussions), then machina's board."""

from django.urls import include, path

from machina import urls as machina_urls

app_urls = ([], "hub_forum")

board_urls = [
    path("", include(app_urls)),
    path("", include(machina_urls)),
]
