""" "Region starten": the yearly application form for new Mitmach-Regionen, open until a deadline.

Editors build the form in the admin (Wagtail's form builder); answers are stored as Wagtail form
submissions, listed under "Formulare" in the admin and exportable as CSV. After the deadline the page
shows a closed notice instead of the form and refuses submissions with 410 Gone.
"""

import datetime
import logging

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, FormSubmission
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from allauth.core import ratelimit

from home.blocks import RICH_TEXT_FEATURES
from home.models import RoutedPageMixin
from region_applications import emails
from region_applications.forms import RegionApplicationAdminForm, RegionApplicationFormBuilder

logger = logging.getLogger(__name__)

# allauth's rate limiter counts accepted applications per IP under this action; the rate comes from
# ACCOUNT_RATE_LIMITS["region_application"] (no entry there: no limit).
RATE_LIMIT_ACTION = "region_application"

DEFAULT_CLOSED_TEXT = _(
    "<p>The application period is over – many thanks to everyone who applied! "
    "We will announce the next round of the Regionallabor here and in the newsletter in good time.</p>"
)
DEFAULT_THANK_YOU_TEXT = _(
    "<p>Thank you for your application! We read all applications after the deadline "
    "and will then get back to you.</p>"
)
DEFAULT_CONFIRMATION_SUBJECT = _("Your application has arrived")
DEFAULT_CONFIRMATION_TEXT = _(
    "Hello,\n\n"
    "thank you for your application! It has reached us. After the application deadline "
    "we will read all applications and get back to you.\n\n"
    "If you would like to add anything, simply reply to this email."
)


class RegionApplicationFormField(AbstractFormField):
    """One field of the application form, as the editors build it."""

    page = ParentalKey("RegionApplicationPage", related_name="form_fields", on_delete=models.CASCADE)

    class Meta(AbstractFormField.Meta):
        verbose_name = _("Form field")
        verbose_name_plural = _("Form fields")


LAST_MINUTE = datetime.timedelta(minutes=1)


def is_before_deadline(deadline, now):
    """True until ``deadline`` has passed (always, if there is none)."""
    return deadline is None or now < deadline.replace(second=0, microsecond=0) + LAST_MINUTE


class RegionApplicationPage(RoutedPageMixin, AbstractEmailForm):
    """People apply to start a new Mitmach-Region (the Regionallabor), until ``deadline``."""

    intro = RichTextField(_("Introduction"), blank=True, features=RICH_TEXT_FEATURES)
    deadline = models.DateTimeField(
        _("Application deadline"),
        null=True,
        blank=True,
        help_text=_(
            "Applications are accepted until this time (German time); after it the page shows the "
            "“Text after the deadline”. Leave empty if applications are open without a deadline."
        ),
    )
    closed_text = RichTextField(
        _("Text after the deadline"),
        features=RICH_TEXT_FEATURES,
        default=DEFAULT_CLOSED_TEXT,
        help_text=_("Shown after the deadline instead of the form, below the date of the deadline."),
    )
    thank_you_text = RichTextField(
        _("Thank-you text"),
        features=RICH_TEXT_FEATURES,
        default=DEFAULT_THANK_YOU_TEXT,
        help_text=_("Shown after the form has been sent."),
    )
    confirmation_subject = models.CharField(
        _("Confirmation subject"), max_length=150, default=DEFAULT_CONFIRMATION_SUBJECT
    )
    confirmation_text = models.TextField(
        _("Confirmation text"),
        max_length=2000,
        default=DEFAULT_CONFIRMATION_TEXT,
        help_text=_(
            "Plain text. The confirmation goes to the first field of type “Email”; the page's title "
            "and the person's details follow below this text."
        ),
    )

    form_builder = RegionApplicationFormBuilder
    base_form_class = RegionApplicationAdminForm

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(heading=_("Applications received")),
        FieldPanel("intro"),
        FieldPanel("deadline"),
        InlinePanel(
            "form_fields",
            label=_("Form fields"),
            help_text=_(
                "The form needs a required field of type “Email”: the confirmation goes to the first "
                "one, and the team can reply."
            ),
        ),
        FieldPanel("thank_you_text"),
        FieldPanel("closed_text"),
        MultiFieldPanel(
            [FieldPanel("confirmation_subject"), FieldPanel("confirmation_text")],
            heading=_("Confirmation to the applicants"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel(
                            "to_address",
                            heading=_("Notify"),
                            help_text=_(
                                "Optional: these addresses (separated by commas) receive every new application "
                                "by email."
                            ),
                        ),
                        FieldPanel("from_address", heading=_("Sender")),
                    ]
                ),
                FieldPanel("subject", heading=_("Notification subject")),
            ],
            heading=_("Notification to the team"),
        ),
    ]
    search_fields = [*AbstractEmailForm.search_fields, index.SearchField("intro")]
    # The public parts only: never the addresses, the mail texts or the submissions.
    api_fields = [APIField("intro"), APIField("deadline"), APIField("closed_text")]

    parent_page_types = ["home.HomePage", "regions.RegionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("“Start a region” application page")
        verbose_name_plural = _("“Start a region” application pages")

    # --- deadline -----------------------------------------------------------------------------

    def is_open(self, now=None):
        """True until the deadline has passed (always, if there is none).

        The admin sets the deadline to the minute, and "bis 23:59 Uhr" includes that minute.
        """
        return is_before_deadline(self.deadline, now or timezone.now())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["is_open"] = self.is_open()
        return context

    def serve(self, request, *args, **kwargs):
        if not self.is_open():
            return self.serve_closed(request)
        if request.method == "POST":
            return self.serve_post(request, *args, **kwargs)
        return super().serve(request, *args, **kwargs)

    def serve_closed(self, request):
        """The closed notice instead of the form. A late POST stores nothing and gets 410 Gone.

        410 rather than 403: nobody lacks a permission, the application round is over. The answers the
        person typed are shown back (escaped, as text) so nothing they wrote is lost.
        """
        context = self.get_context(request)
        status = 200
        if request.method == "POST":
            status = 410
            context["refused_answers"] = self.posted_answers(request)
            logger.info("Late application for page %s refused (deadline %s)", self.pk, self.deadline)
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def posted_answers(self, request):
        """(label, text) of what was posted for each field of the form, for showing it back."""
        answers = []
        for field in self.get_form_fields():
            values = [value for value in request.POST.getlist(field.clean_name) if value.strip()]
            if values and field.field_type == "checkbox":
                values = [gettext("yes")]
            if values:
                answers.append((field.label, ", ".join(values)))
        return answers

    # --- submissions --------------------------------------------------------------------------

    def serve_post(self, request, *args, **kwargs):
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        status = 200
        if form.is_valid():
            if ratelimit.consume(request, action=RATE_LIMIT_ACTION):
                submission = self.process_form_submission(form)
                return self.render_landing_page(request, submission, *args, **kwargs)
            form.add_error(
                None,
                _(
                    "A great many applications came from your connection just now. Please wait a little, "
                    "then send the form again – what you entered is still in the form."
                ),
            )
            status = 429
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def process_form_submission(self, form):
        """Store the submission first, then send the mails; a failed mail is logged, never fatal.

        Sets ``confirmation_to`` on the returned submission (the address the confirmation went to, or
        "") and ``confirmation_failed``, for the landing page.
        """
        submission = self.get_submission_class().objects.create(form_data=form.cleaned_data, page=self)
        Application.objects.create(
            submission=submission,
            email=emails.applicant_address(self, form),
            **applicant_details(form.cleaned_data),
        )
        if self.to_address:
            try:
                self.send_mail(form)
            except Exception:
                logger.exception(
                    "Could not notify the team of application %s (page %s)", submission.pk, self.pk
                )
        submission.confirmation_to = emails.applicant_address(self, form)
        submission.confirmation_failed = False
        if submission.confirmation_to:
            try:
                emails.send_confirmation(self, form, submission.confirmation_to)
            except Exception:
                submission.confirmation_failed = True
                logger.exception(
                    "Could not send the confirmation of application %s (page %s)", submission.pk, self.pk
                )
        return submission

    def send_mail(self, form):
        emails.send_team_notification(self, form)


# --- what the editors make of an application -----------------------------------------------------------------


class ApplicationStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_CONVERSATION = "in_conversation", _("In conversation")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


NAME_MAX_LENGTH = 255
NOTE_MAX_LENGTH = 4000


def applicant_details(answers):
    """``name`` and ``region_name`` from a submission's answers, by the fields' names (editors name the fields,
    so this is a guess): the first field whose name holds "name", the first whose name holds "region"."""

    def first(word):
        for key, value in answers.items():
            if word in key and isinstance(value, str) and value.strip():
                return value.strip()[:NAME_MAX_LENGTH]
        return ""

    return {"name": first("name"), "region_name": first("region")}


class Application(models.Model):
    """The editors' record of one submission: its status, their note, and the region it became.

    The applicant's name, address and region are copied from the answers when the form is sent, so that the
    list, the data export and the account deletion find them without reading every form's fields.
    """

    submission = models.OneToOneField(
        FormSubmission, on_delete=models.CASCADE, related_name="application", verbose_name=_("Submission")
    )
    name = models.CharField(_("Name"), max_length=NAME_MAX_LENGTH, blank=True)
    email = models.EmailField(_("Email"), blank=True)
    region_name = models.CharField(_("Region"), max_length=NAME_MAX_LENGTH, blank=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.NEW
    )
    note = models.TextField(
        _("Internal note"),
        max_length=NOTE_MAX_LENGTH,
        blank=True,
        help_text=_("For the editors only; the applicant never sees it (but may ask for their data)."),
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("Changed on"), null=True, blank=True)
    region = models.ForeignKey(
        "regions.RegionPage",
        verbose_name=_("Region page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The applicant had no confirmed account when the region was created: they join its team once this
    # address is confirmed (``founding.join_invited_teams``). Emptied then. Matched ignoring case.
    invited_email = models.EmailField(_("Invited address"), blank=True)

    class Meta:
        verbose_name = _("Region application")
        verbose_name_plural = _("Region applications")
        ordering = ["-submission__submit_time", "-pk"]

    def __str__(self):
        return self.name or self.email or gettext("Application %(number)s") % {"number": self.pk}

    @property
    def submitted_at(self):
        return self.submission.submit_time
