from django.urls import path

from members import views

app_name = "members"
urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("profil/bearbeiten/", views.profile_edit, name="profile_edit"),
    path("daten/", views.privacy, name="privacy"),
    path("daten/export/", views.data_export, name="data_export"),
    path("daten/konto-loeschen/", views.account_delete, name="account_delete"),
]
