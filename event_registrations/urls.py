from django.urls import path

from event_registrations import views

app_name = "event_registrations"

urlpatterns = [
    path("veranstaltung/<int:event_id>/", views.register, name="register"),
    path("bestaetigen/<str:secret>/", views.confirm, name="confirm"),
    path("stornieren/<str:token>/", views.cancel, name="cancel"),
    path("meine/<int:pk>/stornieren/", views.cancel_own, name="cancel_own"),
    path("meine/", views.mine, name="mine"),
]
