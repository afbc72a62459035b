"""The settings page (``/mitglied/benachrichtigungen/``) and the unsubscribe links of the mails."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from members.models import User
from members.rules import is_verified_member
from notifications.forms import SettingsForm, stop
from notifications.mails import read_unsubscribe_token


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request):
    if not is_verified_member(request.user):
        raise PermissionDenied(_("Please confirm your email address first."))
    form = SettingsForm(request.user, request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if not form.unknown_keys() and form.is_valid():
            form.save()
            messages.success(request, _("Your notification settings have been saved."))
            return redirect("notifications:settings")
        status = 400
    return render(request, "notifications/settings.html", {"form": form}, status=status)


@csrf_exempt  # RFC 8058: mail programs POST "List-Unsubscribe=One-Click" without a token; it only stops mails.
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks (mail scanners follow links, so it changes nothing); POST stops the mails the link names, or all
    notifications with ``what=all``. No login: the signed token says whose mails."""
    named = read_unsubscribe_token(token)
    user = User.objects.filter(pk=named[0]).first() if named else None
    if user is None:
        raise Http404
    stream = named[1]
    if request.method == "POST":
        what = "all" if request.POST.get("what") == "all" else stream
        stop(user, what)
        return render(request, "notifications/unsubscribed.html", {"what": what})
    return render(request, "notifications/unsubscribe.html", {"stream": stream})
