"""Reports for the templates of apps below this one: the initiative profile, the review queue."""

from django import template
from django.urls import reverse

from adoptions import shown

register = template.Library()


@register.simple_tag
def initiative_actions(initiative):
    """[(action page, [reports])]: the actions the initiative has done."""
    return shown.done_by(initiative)


@register.simple_tag(takes_context=True)
def adoptions_to_review(context):
    """The reports waiting for the logged-in reviewer's decision."""
    return shown.to_review(context["request"].user)


@register.simple_tag
def adoption_report_url(page):
    """Where a member reports that the action ``page`` has been done."""
    return reverse("adoptions:report", args=[page.pk])
