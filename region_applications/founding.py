"""An accepted application becomes a draft region, and the applicant joins its team.

The region page is a draft child of the German regions overview, so nothing is public until an editor
publishes it. Its team is set as editors set teams (``regions.roles``): a ``RegionModerator`` row, which the
group and its rights follow, and the same person in the page's latest revision, so that publishing the draft
later keeps them.

Only an account whose address is *confirmed* joins at once: anyone can sign up with someone else's address,
and the team grants rights in the admin. Otherwise the applicant is invited by mail, and joins when they confirm
that address (allauth's ``email_confirmed``, connected in ``RegionApplicationsConfig.ready``).
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from allauth.account.models import EmailAddress

from members.language import in_language, language_of, supported
from region_applications.models import Application, ApplicationStatus
from regions.models import RegionIndexPage, RegionModerator, RegionPage, RegionStatus, network_locale_id

# What a new region may start as: it has no team yet, so it cannot be active.
STARTING_STATUSES = (RegionStatus.INTERESTED, RegionStatus.FORMING)


class CannotCreateRegion(Exception):
    """The application is not accepted, already has a region, or there is no regions overview."""


def confirmed_user(address):
    """The active account whose confirmed address ``address`` is, or None."""
    if not address:
        return None
    found = (
        EmailAddress.objects.filter(email__iexact=address, verified=True, user__is_active=True)
        .select_related("user")
        .first()
    )
    return found.user if found else None


@transaction.atomic
def create_region(application, title, status, editor):
    """Create the draft region of an accepted application; put the applicant into its team or invite them.

    Returns the new RegionPage (``application`` is not refreshed). Mails go out after the transaction commits.
    """
    # Locked, so that two clicks make one region.
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != ApplicationStatus.ACCEPTED or application.region_id is not None:
        raise CannotCreateRegion
    index = RegionIndexPage.objects.filter(locale_id=network_locale_id()).first()
    if index is None:
        raise CannotCreateRegion
    user = confirmed_user(application.email)
    region = RegionPage(title=title, area_description=title, status=status, live=False)
    if user is not None:
        region.moderators = [RegionModerator(user=user)]
    index.add_child(instance=region)
    region.save_revision(user=editor)

    application.region = region
    application.invited_email = "" if user is not None or not application.email else application.email.lower()
    application.changed_by = editor
    application.changed_at = timezone.now()
    application.save(update_fields=["region", "invited_email", "changed_by", "changed_at"])

    pk = application.pk
    transaction.on_commit(lambda: send_team_mail(pk))
    return region


def add_to_team(region, user):
    """Put ``user`` into the team of the draft ``region``: the saved row (rights now) and the latest revision
    (kept on publishing). Acts without a user, like the code behind the editors' decision."""
    if RegionModerator.objects.filter(region=region, user=user).exists():
        return
    draft = region.get_latest_revision_as_object()
    draft.moderators.add(RegionModerator(user=user))
    draft.save_revision(user=None)
    RegionModerator.objects.create(region=region, user=user)


def join_invited_teams(request, email_address, **kwargs):
    """allauth's ``email_confirmed``: the invited applicant joins the teams of their applications' regions."""
    invited = list(
        Application.objects.filter(
            invited_email=email_address.email.lower(), region__isnull=False
        ).select_related("region")
    )
    for application in invited:
        add_to_team(application.region, email_address.user)
        application.invited_email = ""
        application.save(update_fields=["invited_email"])


def send_team_mail(application_pk):
    """Tell the applicant about their region: that they are in its team, or how to join it (a sign-up link).

    In their account's language; without an account in the language of the page they applied on.
    """
    application = (
        Application.objects.select_related("region", "submission__page__locale")
        .filter(pk=application_pk)
        .first()
    )
    if application is None or application.region is None or not application.email:
        return
    if application.invited_email:
        template = "region_applications/emails/invitation"
        language = supported(application.submission.page.locale.language_code)
    else:
        template = "region_applications/emails/team_joined"
        language = language_of(confirmed_user(application.email))
    with in_language(language):
        context = {
            "application": application,
            "region": application.region,
            "admin_url": _absolute(reverse("wagtailadmin_pages:edit", args=[application.region.pk])),
            "signup_url": _absolute(reverse("account_signup")),
        }
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
    send_mail(f"{prefix}{subject}", body, None, [application.email])


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
