from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingIndexChange(models.Model):
    """An action whose search document must be brought in line with the database.

    The row only says *which* action changed; replaying it reads the page's current state (index it if
    live and public, delete it otherwise), so the order of changes never matters and nothing is lost
    while the engine is down.
    """

    action_id = models.PositiveBigIntegerField(_("Aktion"), unique=True)
    queued_at = models.DateTimeField(_("Eingereiht am"), auto_now=True)
    attempts = models.PositiveIntegerField(_("Versuche"), default=0)
    last_error = models.TextField(_("Letzter Fehler"), blank=True)

    class Meta:
        ordering = ["queued_at"]
        verbose_name = _("Ausstehende Index-Änderung")
        verbose_name_plural = _("Ausstehende Index-Änderungen")

    def __str__(self):
        return f"Aktion {self.action_id}"
