"""Attachment uploads checked by size and by content (magic bytes), not by the file name alone.

machina's class loader finds this module first and, for this sub-app, does not fall back to machina's:
every name machina asks for (AttachmentForm, AttachmentFormset, BaseAttachmentFormset) is defined here.
"""

import os
import uuid

from django import forms
from django.conf import settings
from django.forms.models import modelformset_factory
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

import filetype
from machina.apps.forum_conversation.forum_attachments.forms import (
    BaseAttachmentFormset as MachinaBaseAttachmentFormset,
)
from machina.apps.forum_conversation.forum_attachments.models import Attachment
from machina.conf import settings as machina_settings

__all__ = ["Attachment", "AttachmentForm", "AttachmentFormset", "BaseAttachmentFormset", "check_upload"]

# Extensions a detected type may carry (lower case, with the dot).
EXTENSIONS = {
    "application/pdf": {".pdf"},
    "image/jpeg": {".jpg", ".jpeg"},
    "image/png": {".png"},
    "image/gif": {".gif"},
    "image/webp": {".webp"},
}


def allowed_list():
    return ", ".join(settings.FORUM_ATTACHMENT_TYPES.values())


def check_upload(upload):
    """Raise ValidationError unless the upload is small enough, of an allowed type and named like it."""
    limit = settings.FORUM_ATTACHMENT_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        raise forms.ValidationError(
            _("The file “%(name)s” is %(size)s; at most %(limit)s is allowed.")
            % {"name": upload.name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_big",
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(position)
    kind = filetype.guess(head)
    mime = kind.mime if kind else None
    if mime not in settings.FORUM_ATTACHMENT_TYPES:
        raise forms.ValidationError(
            _("The file “%(name)s” is of a type that is not allowed. Allowed types: %(allowed)s.")
            % {"name": upload.name, "allowed": allowed_list()},
            code="wrong_type",
        )
    extension = os.path.splitext(upload.name or "")[1].lower()
    if extension not in EXTENSIONS.get(mime, {"." + kind.extension}):
        raise forms.ValidationError(
            _(
                "The name of the file “%(name)s” does not match its content (%(type)s). "
                "Please upload it with the right extension, e.g. “.%(extension)s”."
            )
            % {
                "name": upload.name,
                "type": settings.FORUM_ATTACHMENT_TYPES[mime],
                "extension": kind.extension,
            },
            code="wrong_extension",
        )
    return upload


class AttachmentForm(forms.ModelForm):
    """Allows to upload forum attachments."""

    class Meta:
        model = Attachment
        fields = ["file", "comment"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].label = _("File")
        self.fields["file"].help_text = _("%(allowed)s, at most %(limit)s.") % {
            "allowed": allowed_list(),
            "limit": filesizeformat(settings.FORUM_ATTACHMENT_MAX_BYTES),
        }
        self.fields["file"].widget.attrs["accept"] = ",".join(settings.FORUM_ATTACHMENT_TYPES)
        self.fields["comment"].label = _("Description")

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            check_upload(upload)
            # /media/ is public: stored under a random, unguessable name with the checked extension.
            # The name the member chose becomes the description if they gave none.
            self.original_name = os.path.basename(upload.name or "")
            upload.name = uuid.uuid4().hex + os.path.splitext(upload.name or "")[1].lower()
        return upload

    def clean(self):
        cleaned_data = super().clean()
        original = getattr(self, "original_name", "")
        if original and not (cleaned_data.get("comment") or "").strip():
            cleaned_data["comment"] = original[:255]
        return cleaned_data


class BaseAttachmentFormset(MachinaBaseAttachmentFormset):
    """machina's formset; a post sent without the attachment fields (a script, an old form) has no files."""

    def __init__(self, data=None, *args, **kwargs):
        prefix = kwargs.get("prefix") or self.get_default_prefix()
        if data is not None and f"{prefix}-TOTAL_FORMS" not in data:
            data = data.copy()
            data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
        super().__init__(data, *args, **kwargs)


AttachmentFormset = modelformset_factory(
    Attachment,
    AttachmentForm,
    formset=BaseAttachmentFormset,
    can_delete=True,
    extra=1,
    max_num=machina_settings.ATTACHMENT_MAX_FILES_PER_POST,
    validate_max=True,
)
