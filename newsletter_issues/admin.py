"""The issue in Wagtail's admin: its form (only lists the user may send to), who sees and edits which issue
(a permission policy asking ``newsletter_issues.rules``), and the page to test, send, schedule or cancel."""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies.base import ModelPermissionPolicy

import rules

from members.roles import EDITORS
from members.rules import is_editor
from newsletter_issues import sending
from newsletter_issues.models import IssueStatus, NewsletterIssue
from newsletter_issues.rules import may_see_issue, may_write_issues, sendable_lists
from regions.models import RegionTeam
from regions.rules import moderated_regions


class IssueForm(WagtailAdminModelForm):
    """Lists to choose from are those the user may send to; a sent or scheduled issue is not changed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "lists" in self.fields and self.for_user is not None:
            self.fields["lists"].queryset = sendable_lists(self.for_user)
            self.fields["lists"].widget = forms.CheckboxSelectMultiple()
            self.fields["lists"].widget.choices = self.fields["lists"].choices

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and not self.instance.editable:
            raise forms.ValidationError(
                _("This issue is scheduled or sent; cancel the schedule to change it.")
            )
        return cleaned

    def save(self, commit=True):
        if not self.instance.pk and self.for_user is not None:
            self.instance.created_by = self.for_user
        return super().save(commit=commit)


class IssuePermissionPolicy(ModelPermissionPolicy):
    """Editors and regional teams write issues (no model permissions needed: the rules decide); a team sees
    the issues its members wrote and those for its regions' lists; only drafts are changed or deleted."""

    def user_has_permission(self, user, action):
        return bool(may_write_issues(user))

    def users_with_any_permission(self, actions):
        teams = RegionTeam.objects.values("group")
        return (
            get_user_model()
            .objects.filter(
                Q(is_superuser=True)
                | Q(groups__name=EDITORS)
                | Q(groups__in=Group.objects.filter(pk__in=teams))
            )
            .filter(is_active=True)
            .distinct()
        )

    def user_has_permission_for_instance(self, user, action, instance):
        if not (may_write_issues(user) and may_see_issue(user, instance)):
            return False
        return instance.editable or action not in ("change", "delete", "publish")

    def instances_user_has_any_permission_for(self, user, actions):
        issues = NewsletterIssue.objects.all()
        if not may_write_issues(user):
            return issues.none()
        if is_editor(user):
            return issues
        return issues.filter(Q(created_by=user) | Q(lists__region__in=moderated_regions(user))).distinct()


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label=gettext_lazy("Send on"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )

    def clean_when(self):
        when = self.cleaned_data["when"]
        if when <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future."))
        if when > timezone.now() + timedelta(days=366):
            raise forms.ValidationError(_("Choose a time within the next year."))
        return when


def forbidden(request):
    return TemplateResponse(request, "newsletter_issues/admin/forbidden.html", status=403)


ACTIONS = ("test", "send", "schedule", "cancel", "resume")


def dispatch_view(request, pk):
    """Test, send, schedule, cancel: the confirm page (GET) shows how many addresses the issue would reach."""
    issue = get_object_or_404(NewsletterIssue, pk=pk)
    if not may_write_issues(request.user):
        return forbidden(request)
    if not may_see_issue(request.user, issue):
        raise Http404  # as the snippet views answer: another region's issue is not there for this team
    may_send = rules.has_perm("newsletter_issues.send_issue", request.user, issue)
    schedule_form = ScheduleForm(request.POST if request.POST.get("action") == "schedule" else None)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in ACTIONS:
            return TemplateResponse(request, "newsletter_issues/admin/bad_request.html", status=400)
        if action == "test":
            if sending.send_test(issue, request.user, translation.get_language()[:2]):
                messages.success(
                    request, _("A test mail is on its way to %(email)s.") % {"email": request.user.email}
                )
            else:
                messages.error(request, _("Your account has no e-mail address."))
            return redirect("newsletter_issues_admin_dispatch", issue.pk)
        # Every list of the issue must be one the user may send to: checked here, whatever the form allowed.
        if not may_send:
            return forbidden(request)
        done = False
        if action == "send":
            done = sending.send_now(issue)
        elif action == "schedule" and schedule_form.is_valid():
            done = sending.schedule(issue, schedule_form.cleaned_data["when"])
        elif action == "cancel":
            done = sending.cancel_schedule(issue)
        elif action == "resume":
            done = sending.resume(issue)
        if done:
            messages.success(request, _("Done."))
            return redirect("newsletter_issues_admin_dispatch", issue.pk)
        if action != "schedule" or schedule_form.is_bound and schedule_form.is_valid():
            messages.error(request, _("That is not possible in the issue's current state."))
            return redirect("newsletter_issues_admin_dispatch", issue.pk)
        status = 400
    else:
        status = 200
    return TemplateResponse(
        request,
        "newsletter_issues/admin/dispatch.html",
        {
            "issue": issue,
            "lists": issue.lists.all(),
            "recipients": sending.recipients_count(issue),
            "may_send": may_send,
            "schedule_form": schedule_form,
            "statuses": IssueStatus,
            "edit_url": reverse("wagtailsnippets_newsletter_issues_newsletterissue:edit", args=[issue.pk]),
            "header_title": _("Send “%(subject)s”") % {"subject": issue.subject},
        },
        status=status,
    )
