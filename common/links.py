"""Web addresses: the site's own made absolute for mails, and lists that members type, one per line (an
initiative's social media pages …)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

MAX_LINKS = 5  # the help text of Initiative.links says "five"
MAX_LINK_LENGTH = 200

# Only web links: "javascript:" and friends would run in visitors' browsers when clicked.
_web_address = URLValidator(schemes=["http", "https"])


def validate_links(value):
    """At most ``MAX_LINKS`` lines, each an http(s) address of at most ``MAX_LINK_LENGTH`` characters."""
    lines = [line.strip() for line in (value or "").splitlines() if line.strip()]
    if len(lines) > MAX_LINKS:
        raise ValidationError(
            _("At most %(max)d addresses, please."), code="too_many", params={"max": MAX_LINKS}
        )
    for line in lines:
        try:
            if len(line) > MAX_LINK_LENGTH:
                raise ValidationError("too long")
            _web_address(line)
        except ValidationError:
            raise ValidationError(
                _("“%(line)s” is not a web address starting with http:// or https://."),
                code="invalid",
                params={"line": line[:80]},
            ) from None


def absolute(path):
    """An address with the site's host (``WAGTAILADMIN_BASE_URL``), for mails; "" stays "", full URLs stay."""
    if not path or path.startswith(("http://", "https://")):
        return path or ""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
