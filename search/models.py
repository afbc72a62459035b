from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingIndexChange(models.Model):
    """An action whose search document must be brought in line with the database.

    The row only says *which* action changed; replaying it reads the page's current state (index it if
    live and public, delete it otherwise), so the order of changes never matters and nothing is lost
    while the engine is down.
    """

    action_id = models.PositiveBigIntegerField(_("Action"), unique=True)
    queued_at = models.DateTimeField(_("Queued at"), auto_now=True)
    attempts = models.PositiveIntegerField(_("Attempts"), default=0)
    last_error = models.TextField(_("Last error"), blank=True)

    class Meta:
        ordering = ["queued_at"]
        verbose_name = _("Pending index change")
        verbose_name_plural = _("Pending index changes")

    def __str__(self):
        return _("Action %(id)s") % {"id": self.action_id}
