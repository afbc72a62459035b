"""The editors' list of applications in the Wagtail admin: status and note, and an accepted application's
draft region (``region_applications.founding``)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import BasePermissionPolicy

import rules

from region_applications import founding
from region_applications.models import Application, ApplicationStatus

PERMISSION = "region_applications.manage_applications"


class ApplicationPolicy(BasePermissionPolicy):
    """Editors view and change applications; nobody adds or deletes one here (they come from the form, and go
    with their submission)."""

    def user_has_permission(self, user, action):
        return action in {"change", "view"} and rules.has_perm(PERMISSION, user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Application.objects.none()
        return Application.objects.all()


class ApplicationIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("submission", "region")


class RegionForm(forms.Form):
    title = forms.CharField(label=_("Title of the region"), max_length=255)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(status.value, status.label) for status in founding.STARTING_STATUSES],
    )

    def clean_title(self):
        title = self.cleaned_data["title"]
        if not slugify(title, allow_unicode=True):
            raise forms.ValidationError(_("The title needs letters or digits (it makes the page's address)."))
        return title


class ApplicationEditView(generic.EditView):
    template_name = "region_applications/admin/application_edit.html"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("submission__page", "region", "changed_by")

    def save_instance(self):
        if self.form.has_changed():
            self.form.instance.changed_by = self.request.user
            self.form.instance.changed_at = timezone.now()
        return super().save_instance()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.object
        page = application.submission.page.specific
        data = application.submission.get_data()
        context["answers"] = [
            (label, data.get(name)) for name, label in page.get_data_fields() if name != "submit_time"
        ]
        context["submitted_at"] = application.submission.submit_time
        context["submissions_url"] = reverse("wagtailforms:list_submissions", args=[page.pk])
        context["can_create_region"] = (
            application.status == ApplicationStatus.ACCEPTED and application.region_id is None
        )
        context["region_form"] = RegionForm(
            initial={"title": application.region_name, "status": founding.STARTING_STATUSES[0].value}
        )
        context["create_region_url"] = reverse("region_applications:create_region", args=[application.pk])
        return context


@require_POST
def create_region(request, pk):
    """Turn an accepted application into a draft region (POST only)."""
    if not rules.has_perm(PERMISSION, request.user):
        raise PermissionDenied
    application = get_object_or_404(Application, pk=pk)
    edit_url = reverse("region_applications:edit", args=[application.pk])
    form = RegionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(edit_url)
    try:
        region = founding.create_region(
            application, form.cleaned_data["title"], form.cleaned_data["status"], request.user
        )
    except founding.CannotCreateRegion:
        messages.error(request, _("Only an accepted application without a region can become a region."))
        return redirect(edit_url)
    application.refresh_from_db(fields=["invited_email"])
    if application.invited_email:
        message = _("The draft region “%(title)s” was created; the applicant was invited to sign up.")
    else:
        message = _("The draft region “%(title)s” was created.")
    messages.success(request, message % {"title": region.title})
    return redirect(edit_url)


class ApplicationViewSet(ModelViewSet):
    model = Application
    icon = "form"
    menu_label = _("Region applications")
    add_to_admin_menu = True
    menu_order = 750
    copy_view_enabled = False
    form_fields = ["status", "note"]
    list_display = [
        TitleColumn("name", label=_("Name"), accessor=str, url_name="region_applications:edit"),
        Column("email", label=_("Email")),
        Column("region_name", label=_("Region")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("submitted_at", label=_("Submitted on"), accessor="submitted_at"),
        Column("region", label=_("Region page")),
    ]
    list_filter = ["status"]
    index_view_class = ApplicationIndexView
    edit_view_class = ApplicationEditView

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("create-region/<int:pk>/", create_region, name="create_region"),
        ]
