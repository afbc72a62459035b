from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from members.models import User


@admin.register(User)
class MemberAdmin(UserAdmin):
    """Django's user admin plus the profile fields."""

    list_display = ("email", "display_name", "organisation", "is_staff", "is_active", "date_joined")
    search_fields = ("email", "username", "display_name", "organisation")
    filter_horizontal = (*UserAdmin.filter_horizontal, "fields_of_action")
    fieldsets = (
        *UserAdmin.fieldsets,
        (
            _("Profile"),
            {"fields": ("display_name", "organisation", "bio", "avatar", "fields_of_action", "language")},
        ),
        (_("Card on the map"), {"fields": ("show_on_map", "map_place", "map_location")}),
    )
