from django.urls import path

from network import views

app_name = "network"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("visitenkarte/", views.card, name="card"),
    path("kontakt/<str:kind>/<int:pk>/", views.contact, name="contact"),
    path("melden/<uuid:token>/", views.report, name="report"),
]
