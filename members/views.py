"""A member's own pages: profile, profile editing, and their data (export and account deletion)."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wagtail import hooks

from allauth.core import ratelimit

from members import hooks as member_hooks
from members.forms import AccountDeleteForm, ProfileForm
from members.language import in_language
from members.models import User
from members.privacy import delete_account, export_user_data


@never_cache
@login_required
@require_GET
def profile(request):
    """One's own profile. The regions joined, team places and initiatives submitted are the regions app's
    sections (hook ``members_profile_sections``), the map card's position its context
    (``members_profile_context``); see ``members.hooks``."""
    user = request.user
    context = {"profile_user": user, "fields_of_action": user.fields_of_action.all()}
    for extra in hooks.get_hooks(member_hooks.PROFILE_CONTEXT):
        context.update(extra(request, user))
    context["profile_sections"] = [
        render_to_string(template_name, section_context, request=request)
        for sections in hooks.get_hooks(member_hooks.PROFILE_SECTIONS)
        for template_name, section_context in sections(request, user)
    ]
    return render(request, "members/profile.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    # A fresh copy: a form that fails validation must not change request.user for the rest of the page.
    user = User.objects.get(pk=request.user.pk)
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=user)
        if form.is_valid():
            user = form.save()
            # The language chosen for mails is the site's too: the profile, and the message, in that language.
            with in_language(user.language):
                messages.success(request, _("Your profile has been saved."))
                return redirect(reverse("members:profile"))
    else:
        form = ProfileForm(instance=user)
    return render(request, "members/profile_edit.html", {"form": form})


def _privacy_page(request, delete_form, status=200):
    return render(request, "members/privacy.html", {"delete_form": delete_form}, status=status)


@never_cache
@login_required
@require_GET
def privacy(request):
    """What we store, the export, and account deletion."""
    return _privacy_page(request, AccountDeleteForm(user=request.user))


@never_cache
@login_required
@require_GET
def data_export(request):
    data = export_user_data(request.user, request=request)
    filename = f"mitmach-hub-meine-daten-{timezone.localdate():%Y-%m-%d}.json"
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
@require_POST
def account_delete(request):
    # Password guessing through this form is limited like allauth's own forms.
    if not ratelimit.consume(request, action="delete_account", user=request.user):
        return ratelimit.respond_429(request)
    form = AccountDeleteForm(request.POST, user=request.user)
    if not form.is_valid():
        return _privacy_page(request, form)
    delete_account(request.user)
    logout(request)
    messages.success(
        request,
        _(
            "Your account has been deleted. Your posts in the forum stay, shown as “deleted member”; "
            "all personal data has been removed. Thank you for taking part!"
        ),
    )
    return redirect("/")
