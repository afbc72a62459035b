from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.points import validate_point
from members.names import public_name


class User(AbstractUser):
    """A member (Mitmacher:in): account and profile in one row, in place from the first migration."""

    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("This is how you appear in the forum and on the map."),
    )
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    bio = models.TextField(_("about me"), max_length=1000, blank=True)
    avatar = models.ImageField(_("profile picture"), upload_to="members/avatars/", blank=True)
    fields_of_action = models.ManyToManyField(
        "home.FieldOfAction",
        verbose_name=_("my fields of action"),
        blank=True,
        related_name="members",
    )
    # The member's card on the network map: only with this explicit opt-in, and only a coarse position.
    show_on_map = models.BooleanField(_("show my card on the map"), default=False)
    map_place = models.CharField(
        _("place for the map"),
        max_length=120,
        blank=True,
        help_text=_("A place or a postcode, never the exact address."),
    )
    map_location = models.CharField(
        _("approximate position"),
        max_length=80,
        blank=True,
        help_text=_("SRID=4326;POINT(lng lat), rounded to about one kilometre."),
        validators=[validate_point],
    )

    # The language of the hub's mails to this member (members.language), set at sign-up to the language they
    # signed up in; the profile form changes it and switches the site to it.
    language = models.CharField(
        _("language for e-mails and the site"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("member")
        verbose_name_plural = _("members")

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
