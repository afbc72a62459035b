"""Region teams as the admin writes them."""

from regions.models import RegionModerator


def set_team(region, users):
    """Write the team as an editor does: through the InlinePanel's rows in a revision, then publish."""
    region.refresh_from_db()
    region.moderators = [RegionModerator(user=user) for user in users]
    region.save_revision().publish()
    region.refresh_from_db()
    return region
