from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.points import validate_point
from members.names import public_name


class User(AbstractUser):
    """A member (Mitmacher:in): account and profile in one row, in place from the first migration."""

    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    display_name = models.CharField(
        _("Anzeigename"),
        max_length=80,
        blank=True,
        help_text=_("So erscheinst du im Forum und auf der Karte."),
    )
    organisation = models.CharField(_("Organisation"), max_length=160, blank=True)
    bio = models.TextField(_("Über mich"), max_length=1000, blank=True)
    avatar = models.ImageField(_("Profilbild"), upload_to="members/avatars/", blank=True)
    fields_of_action = models.ManyToManyField(
        "home.FieldOfAction",
        verbose_name=_("Meine Handlungsfelder"),
        blank=True,
        related_name="members",
    )
    # The member's card on the network map: only with this explicit opt-in, and only a coarse position.
    show_on_map = models.BooleanField(_("Meine Visitenkarte auf der Karte zeigen"), default=False)
    map_place = models.CharField(
        _("Ort für die Karte"),
        max_length=120,
        blank=True,
        help_text=_("Ein Ort oder eine Postleitzahl, nie die genaue Adresse."),
    )
    map_location = models.CharField(
        _("Ungefähre Position"),
        max_length=80,
        blank=True,
        help_text=_("SRID=4326;POINT(lng lat), auf etwa einen Kilometer gerundet."),
        validators=[validate_point],
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("Mitglied")
        verbose_name_plural = _("Mitglieder")

    def __str__(self):
        return self.display_name or self.get_full_name() or self.username

    @property
    def public_name(self):
        """The name shown to visitors (``members.names.public_name``): never the username or anything that
        looks like an e-mail address."""
        return public_name(self.display_name, self.first_name, self.last_name)

    def public_name_text(self):
        """machina's display-name hook (a method name in settings)."""
        return str(self.public_name)
