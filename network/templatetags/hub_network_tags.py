"""Links to write through the hub, for the pages of other apps (initiative profiles, region pages)."""

from django import template
from django.urls import reverse

from network.models import RecipientKind
from network.recipients import allows_contact, reachable_members

register = template.Library()


@register.simple_tag
def initiative_contact_url(initiative):
    """The contact form of an approved initiative whose owner takes messages, else "" (one query)."""
    owner = initiative.submitted_by if initiative.submitted_by_id else None
    if owner is None or not owner.is_active or not owner.email or not allows_contact(owner):
        return ""
    return reverse("network:contact", args=[RecipientKind.INITIATIVE, initiative.pk])


@register.simple_tag
def region_contact_url(page):
    """The contact form of a region's team when the region has a team address, else ""."""
    region = page.network_region()
    if region is None or not region.contact_email:
        return ""
    return reverse("network:contact", args=[RecipientKind.REGION, page.pk])


@register.simple_tag
def member_contact_url(user):
    """The contact form of a member who takes messages (a public card, contact allowed), else "" (one query)."""
    if not reachable_members().filter(pk=user.pk).exists():
        return ""
    return reverse("network:contact", args=[RecipientKind.MEMBER, user.pk])
