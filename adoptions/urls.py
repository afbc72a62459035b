from django.urls import path

from adoptions import views

app_name = "adoptions"
urlpatterns = [
    path("aktion/<int:action_id>/", views.report, name="report"),
    path("meldung/<int:pk>/zurueckziehen/", views.withdraw, name="withdraw"),
    path("meldung/<int:pk>/bestaetigen/", views.confirm, name="confirm"),
    path("meldung/<int:pk>/ablehnen/", views.decline, name="decline"),
]
