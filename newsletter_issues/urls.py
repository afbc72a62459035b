from django.urls import path

from newsletter_issues import views

app_name = "newsletter_issues"

urlpatterns = [
    path("", views.archive, name="archive"),
    path("<int:pk>/", views.detail, name="detail"),
]
