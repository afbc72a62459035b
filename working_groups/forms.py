from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from working_groups import uploads
from working_groups.models import ProgressReport

EARLIEST_YEAR = 2000


class ReportForm(forms.ModelForm):
    """A progress report written on the group page. Text is plain (shown escaped, line breaks kept)."""

    class Meta:
        model = ProgressReport
        fields = ["date", "title", "text", "image", "image_alt", "document", "document_title"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "text": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "image": _("JPEG, PNG or WebP, at most 5 MB."),
            "document": _("PDF or an office document, at most 10 MB."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["image"].widget.attrs["accept"] = "image/jpeg,image/png,image/webp"
        self.fields["document"].widget.attrs["accept"] = uploads.DOCUMENT_ACCEPT
        self.fields["text"].max_length = ProgressReport._meta.get_field("text").validators[0].limit_value
        self.fields["text"].widget.attrs["maxlength"] = self.fields["text"].max_length

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("Please give a date that is not in the future."))
        if date.year < EARLIEST_YEAR:
            raise forms.ValidationError(
                _("Please give a date from the year %(year)s on.") % {"year": EARLIEST_YEAR}
            )
        return date

    def clean_title(self):
        return self.cleaned_data["title"].strip()

    def clean_text(self):
        return self.cleaned_data["text"].strip()

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and "image" in self.changed_data:
            return uploads.clean_image(image)
        return image

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document and "document" in self.changed_data:
            return uploads.clean_document(document)
        return document

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not (cleaned.get("image_alt") or "").strip():
            self.add_error("image_alt", _("Please say in a few words what the picture shows."))
        return cleaned
