from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The hub's own user model, in place from the first migration so profiles can grow later."""

    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    display_name = models.CharField(
        _("Anzeigename"),
        max_length=80,
        blank=True,
        help_text=_("So erscheinst du im Forum und auf der Karte."),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("Mitglied")
        verbose_name_plural = _("Mitglieder")

    def __str__(self):
        return self.display_name or self.get_full_name() or self.username

    @property
    def public_name(self):
        """The name shown to visitors: never the username or e-mail address, which may be private."""
        return self.display_name or self.get_full_name() or _("Mitglied")
