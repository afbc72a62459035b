from django.urls import path

from regions import co_owners, member_list, views

app_name = "regions"
urlpatterns = [
    path("region/<int:page_id>/beitreten/", views.join_region, name="join"),
    path("region/<int:page_id>/verlassen/", views.leave_region, name="leave"),
    path("region/<int:page_id>/einwilligung/", views.change_team_consent, name="team_consent"),
    path("region/<int:page_id>/mitglieder/", member_list.region_members, name="members"),
    path("region/<int:page_id>/mitglieder.csv", member_list.region_members_csv, name="members_csv"),
    path("initiative/neu/", views.submit_initiative, name="submit_initiative"),
    path("initiativen/<int:pk>/", views.initiative_profile, name="initiative"),
    path("initiativen/<int:pk>/bearbeiten/", views.edit_initiative, name="edit_initiative"),
    path("initiativen/<int:pk>/zurueckziehen/", views.withdraw_initiative, name="withdraw_initiative"),
    path("initiativen/<int:pk>/loeschen/", views.delete_initiative, name="delete_initiative"),
    path("initiativen/<int:pk>/aenderungen/freigeben/", views.approve_changes, name="approve_changes"),
    path("initiativen/<int:pk>/aenderungen/ablehnen/", views.reject_changes, name="reject_changes"),
    path("initiativen/<int:pk>/mitverantwortliche/", co_owners.co_owners, name="co_owners"),
    path(
        "initiativen/<int:pk>/mitverantwortliche/einladungen/<int:invitation_id>/zurueckziehen/",
        co_owners.revoke_invitation,
        name="revoke_co_owner_invitation",
    ),
    path(
        "initiativen/<int:pk>/mitverantwortliche/<int:co_owner_id>/entfernen/",
        co_owners.remove_co_owner,
        name="remove_co_owner",
    ),
    path("initiativen/<int:pk>/mitverantwortliche/verlassen/", co_owners.leave, name="leave_initiative"),
    path(
        "initiativen/einladung/<str:token>/",
        co_owners.accept_invitation,
        name="accept_co_owner_invitation",
    ),
    path("initiativen/meine/", views.my_initiatives, name="my_initiatives"),
    path("initiativen/freigabe/", views.review_initiatives, name="review_initiatives"),
    path("initiativen/<int:pk>/freigeben/", views.approve_initiative, name="approve_initiative"),
    path("initiativen/<int:pk>/ablehnen/", views.reject_initiative, name="reject_initiative"),
]
