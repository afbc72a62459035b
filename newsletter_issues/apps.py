from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterIssuesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "newsletter_issues"
    verbose_name = _("Newsletter issues")
