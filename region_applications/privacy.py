"""A member's applications for new regions: in their data export, and gone with their account.

Applications are sent without an account, so they are the member's by address: those sent from one of the
account's *confirmed* addresses (an unconfirmed address could be someone else's). Registered in
``region_applications.wagtail_hooks`` for the hooks of ``members.hooks``.
"""

from django.db.models import Q

from wagtail.contrib.forms.models import FormSubmission

from allauth.account.models import EmailAddress

from members.privacy import iso
from region_applications.models import Application


def confirmed_addresses(user):
    return list(EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True))


def applications_of(user):
    addresses = confirmed_addresses(user)
    if not addresses:
        return Application.objects.none()
    matches = Q()
    for address in addresses:
        matches |= Q(email__iexact=address)
    return Application.objects.filter(matches)


def export_applications(user, request=None):
    """Each application's answers, status, the editors' note and the region it became (``members_export_data``)."""
    applications = applications_of(user).select_related("submission__page", "region").order_by("pk")
    return {
        "region_applications": [
            {
                "page": application.submission.page.title,
                "submitted_at": iso(application.submission.submit_time),
                "answers": application.submission.form_data,
                "status": str(application.get_status_display()),
                "note": application.note,
                "changed_at": iso(application.changed_at),
                "region": application.region.title if application.region else None,
            }
            for application in applications
        ]
    }


def delete_applications(user):
    """The member's applications and their submissions go with the account (``members_before_account_deletion``);
    a region made from one stays, its team is the editors' call."""
    FormSubmission.objects.filter(pk__in=applications_of(user).values("submission_id")).delete()
