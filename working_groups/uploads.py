"""Checks for the picture and the document of a progress report: judged by their content, never by their name.

The picture is opened with Pillow, must be a JPEG, PNG or WebP of sensible size, and is stored as a re-encoded
copy (scaled down, without metadata such as GPS positions). The document's type comes from its first bytes
(``filetype``); only PDF and the open and Microsoft office formats are taken. Both get a random name: the
media folder is public.
"""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

import filetype
from PIL import Image, ImageOps, UnidentifiedImageError

IMAGE_MAX_BYTES = 5 * 1024 * 1024
IMAGE_MAX_SIDE = 8000
IMAGE_MIN_SIDE = 16
# A small file can hold a huge picture (an 8000 × 8000 PNG of zeros is 243 KB and 256 MB decoded): the number of
# pixels is checked before a single one is decoded.
IMAGE_MAX_PIXELS = 40_000_000
IMAGE_STORED_SIDE = 1600
IMAGE_FORMATS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png"), "WEBP": ("webp", "image/webp")}

DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
# Detected MIME type → stored extension. Office files are zip archives: filetype tells them apart by content.
DOCUMENT_TYPES = {
    "application/pdf": "pdf",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
}
DOCUMENT_ACCEPT = ".pdf,.odt,.ods,.odp,.docx,.xlsx,.pptx"


def _too_large(upload, limit):
    return ValidationError(
        _("The file is %(size)s. At most %(max)s is allowed."),
        code="file_too_large",
        params={"size": filesizeformat(upload.size), "max": filesizeformat(limit)},
    )


def clean_image(upload):
    """A re-encoded copy of the uploaded picture, or a ValidationError."""
    if upload.size > IMAGE_MAX_BYTES:
        raise _too_large(upload, IMAGE_MAX_BYTES)
    not_an_image = ValidationError(
        _("The file is not a JPEG, PNG or WebP image (or it is damaged)."), code="invalid_image"
    )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                image_format = image.format
                if image_format not in IMAGE_FORMATS:
                    raise not_an_image
                width, height = image.size
                if max(width, height) > IMAGE_MAX_SIDE or min(width, height) < IMAGE_MIN_SIDE:
                    raise ValidationError(
                        _(
                            "The image is %(width)s × %(height)s pixels. Each side must be %(min)s to %(max)s pixels."
                        ),
                        code="invalid_dimensions",
                        params={
                            "width": width,
                            "height": height,
                            "min": IMAGE_MIN_SIDE,
                            "max": IMAGE_MAX_SIDE,
                        },
                    )
                if width * height > IMAGE_MAX_PIXELS:
                    raise ValidationError(
                        _(
                            "The image has %(pixels)s million pixels. At most %(max)s million pixels are "
                            "allowed: please make it smaller."
                        ),
                        code="too_many_pixels",
                        params={
                            "pixels": round(width * height / 1_000_000),
                            "max": IMAGE_MAX_PIXELS // 1_000_000,
                        },
                    )
                if image_format == "JPEG":  # decode at a reduced scale where JPEG allows it
                    image.draft("RGB", (IMAGE_STORED_SIDE, IMAGE_STORED_SIDE))
                # thumbnail() reads every byte (truncated or corrupt data fails here) and shrinks before the
                # rotation copies the picture; the EXIF orientation is kept in ``info`` for exif_transpose.
                image.thumbnail((IMAGE_STORED_SIDE, IMAGE_STORED_SIDE))
                image = ImageOps.exif_transpose(image)
                if image_format == "JPEG" and image.mode not in ("RGB", "L"):
                    image = image.convert("RGB")
                buffer = io.BytesIO()
                options = {"quality": 85} if image_format in ("JPEG", "WEBP") else {"optimize": True}
                image.save(buffer, format=image_format, **options)  # no metadata passed on
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning, OSError):
        raise not_an_image from None
    extension, content_type = IMAGE_FORMATS[image_format]
    return SimpleUploadedFile(f"{uuid.uuid4().hex}.{extension}", buffer.getvalue(), content_type=content_type)


def clean_document(upload):
    """The uploaded document under a random name with the extension of its content, or a ValidationError."""
    if upload.size > DOCUMENT_MAX_BYTES:
        raise _too_large(upload, DOCUMENT_MAX_BYTES)
    upload.seek(0)
    kind = filetype.guess(upload.read(8192))
    upload.seek(0)
    if kind is None or kind.mime not in DOCUMENT_TYPES:
        raise ValidationError(
            _("Please upload a PDF or an office document (ODT, ODS, ODP, DOCX, XLSX, PPTX)."),
            code="wrong_type",
        )
    upload.name = f"{uuid.uuid4().hex}.{DOCUMENT_TYPES[kind.mime]}"
    return upload
