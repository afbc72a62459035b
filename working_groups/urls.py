from django.urls import path

from working_groups import views

app_name = "working_groups"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("<slug:slug>/", views.group_page, name="group"),
    path("<slug:slug>/beitreten/", views.join, name="join"),
    path("<slug:slug>/verlassen/", views.leave, name="leave"),
    path("<slug:slug>/name-zeigen/", views.show_name, name="show_name"),
    path("<slug:slug>/anfragen/<int:pk>/annehmen/", views.accept, name="accept"),
    path("<slug:slug>/anfragen/<int:pk>/ablehnen/", views.decline, name="decline"),
    path("<slug:slug>/berichte/neu/", views.write_report, name="write_report"),
    path("<slug:slug>/berichte/<int:pk>/bearbeiten/", views.edit_report, name="edit_report"),
    path("<slug:slug>/berichte/<int:pk>/loeschen/", views.delete_report, name="delete_report"),
]
