"""E-mails to people who submitted an initiative."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from members.language import in_language, language_of
from regions.models import ApprovalStatus, Initiative


def send_decision_mail(initiative_pk):
    """Tell the submitter that their initiative was approved or rejected (plain text, in their language, with
    links to their language's version of the site).

    Called after the transaction commits, so a rolled-back decision never sends a mail.
    """
    initiative = Initiative.objects.select_related("submitted_by", "region").filter(pk=initiative_pk).first()
    if initiative is None or initiative.submitted_by is None or not initiative.submitted_by.email:
        return
    if initiative.approval_status == ApprovalStatus.APPROVED:
        template = "regions/emails/initiative_approved"
    elif initiative.approval_status == ApprovalStatus.REJECTED:
        template = "regions/emails/initiative_rejected"
    else:
        return
    with in_language(language_of(initiative.submitted_by)):
        region = initiative.region.localized if initiative.region else None
        context = {
            "initiative": initiative,
            "user": initiative.submitted_by,
            "region_url": _absolute(region.url) if region and region.live else "",
            "my_initiatives_url": _absolute(reverse("regions:my_initiatives")),
        }
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
    send_mail(f"{prefix}{subject}", body, None, [initiative.submitted_by.email])


def _absolute(path):
    if not path:
        return ""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
