"""A guard in front of wagtail-localize's PO upload (translation editor → "Upload PO file").

wagtail-localize answers a PO file without its ``X-WagtailLocalize-TranslationID`` header with a server error,
and reads a file of any size. Here the file is limited, must be UTF-8 text that parses as PO and belongs to a
translation; anything else goes back to the editor with a message. A good file is passed on unchanged.
"""

import tempfile
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import upload_pofile, user_can_edit_instance

import polib

MAX_PO_BYTES = 2_000_000


def _problem(upload):
    """Why ``upload`` is not a PO file of a translation, or None."""
    if upload is None:
        return _("Please choose a PO file.")
    if upload.size > MAX_PO_BYTES:
        return _("This PO file is larger than %(size)s MB.") % {"size": MAX_PO_BYTES // 1_000_000}
    content = upload.read()
    upload.seek(0)
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return _("Please upload a valid PO file.")
    if not text.strip() or "\x00" in text:
        return _("Please upload a valid PO file.")
    # polib reads a path or the text itself; a file keeps it from taking the text for a path.
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "upload.po"
        path.write_text(text, encoding="utf-8")
        try:
            po = polib.pofile(str(path))
        except (OSError, ValueError):
            return _("Please upload a valid PO file.")
    if not po.metadata.get("X-WagtailLocalize-TranslationID"):
        return _("This PO file was not exported from a translation of this site.")
    return None


@require_POST
def guarded_upload_pofile(request, translation_id):
    # Who may, before the file is read at all.
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    problem = _problem(request.FILES.get("file"))
    if problem:
        messages.error(request, problem)
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
    return upload_pofile(request, translation_id)
