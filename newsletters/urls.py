from django.conf import settings
from django.urls import include, path

from newsletters import views

app_name = "newsletters"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("bestaetigen/<str:secret>/", views.confirm, name="confirm"),
    path("abmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("meine/", views.mine, name="mine"),
]

# The mail provider's bounce and complaint reports (django-anymail; newsletters.webhooks). Without a secret anyone
# could post them and have any address suppressed, so they exist only once ANYMAIL_WEBHOOK_SECRET is set.
if settings.ANYMAIL.get("WEBHOOK_SECRET"):
    urlpatterns.append(path("anymail/", include("anymail.urls")))
