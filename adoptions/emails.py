"""E-mails about reports: to the region's team when one arrives, to the reporter when the team decides."""

from django.urls import reverse

from adoptions.models import Adoption, AdoptionStatus
from common.links import absolute
from members.language import in_language, language_of
from regions.emails import reviewers_of, send_template


def send_review_request_mail(adoption_pk):
    """Ask the region's team (or the editors, when it has none) to confirm a report, each in their language."""
    adoption = (
        Adoption.objects.select_related("action", "region", "initiative").filter(pk=adoption_pk).first()
    )
    if adoption is None or adoption.status != AdoptionStatus.PENDING:
        return
    for reviewer in reviewers_of(adoption):
        with in_language(language_of(reviewer)):
            context = {
                "adoption": adoption,
                "user": reviewer,
                "action": adoption.action.localized.title,
                "region": adoption.region.localized.title,
                "review_url": absolute(reverse("regions:review_initiatives")),
                "action_url": absolute(adoption.action.localized.url),
            }
            send_template("adoptions/emails/review_request", context, reviewer.email)


def send_decision_mail(adoption_pk):
    """Tell the reporter whether the team confirmed their report."""
    adoption = Adoption.objects.select_related("action", "region", "initiative", "reported_by")
    adoption = adoption.filter(pk=adoption_pk).first()
    if adoption is None or adoption.reported_by is None or not adoption.reported_by.email:
        return
    reporter = adoption.reported_by
    with in_language(language_of(reporter)):
        context = {
            "adoption": adoption,
            "user": reporter,
            "action": adoption.action.localized.title,
            "region": adoption.region.localized.title,
            "action_url": absolute(adoption.action.localized.url),
        }
        send_template("adoptions/emails/decided", context, reporter.email)
