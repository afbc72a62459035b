"""Region teams as the admin writes them, and members of a region."""

from django.test import Client

from regions.models import RegionMembership, RegionModerator


def set_team(region, users):
    """Write the team as an editor does: through the InlinePanel's rows in a revision, then publish."""
    region.refresh_from_db()
    region.moderators = [RegionModerator(user=user) for user in users]
    region.save_revision().publish()
    region.refresh_from_db()
    return region


def join(user, region, agreed):
    """``user`` joins ``region``, agreeing (or not) that its team may see and contact them."""
    return RegionMembership.objects.create(
        user=user, region=region, **RegionMembership.consent_fields(agreed)
    )


def logged_in(user):
    """A client logged in as ``user``."""
    client = Client()
    client.force_login(user)
    return client
