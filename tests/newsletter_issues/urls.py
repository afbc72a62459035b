"""The hub's URLs, plus a stand-in for ``newsletters:unsubscribe`` while that view is not in this branch.

The issue mails' links and ``List-Unsubscribe`` headers need the route to exist; once the newsletters app has its
``unsubscribe`` view, this module adds nothing and the tests use the real view.
"""

from django.http import HttpResponseNotFound
from django.urls import include, path

from hub import urls as hub_urls
from newsletters import urls as newsletters_urls

HAS_UNSUBSCRIBE_VIEW = any(
    getattr(pattern, "name", None) == "unsubscribe" for pattern in newsletters_urls.urlpatterns
)


def not_built_yet(request, token):
    return HttpResponseNotFound()


urlpatterns = list(hub_urls.urlpatterns)
if not HAS_UNSUBSCRIBE_VIEW:
    stand_in = [path("<str:token>/", not_built_yet, name="unsubscribe")]
    urlpatterns.insert(0, path("newsletter/abmelden/", include((stand_in, "newsletters"))))
