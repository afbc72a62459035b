from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.settings_page, name="settings"),
    path("abmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
