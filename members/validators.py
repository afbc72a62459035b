"""Checks for what members upload: the avatar is judged by its content (Pillow), never by its name."""

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from PIL import Image, ImageOps, UnidentifiedImageError

AVATAR_MAX_BYTES = 2 * 1024 * 1024
AVATAR_MAX_SIDE = 5000  # pixels; larger images are almost certainly not meant as an avatar
AVATAR_MIN_SIDE = 16
# The stored avatar is re-encoded at most this large: small files, and no EXIF data (GPS!) survives.
AVATAR_STORED_SIDE = 800
# Pillow's format name → (file extension, MIME type). Everything else is refused.
AVATAR_FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}


def _open_image(upload):
    """Open the upload as an image, or raise a ValidationError. Reads the header only."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # A decompression bomb is an error, not a warning, for us.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            image_format = image.format
            width, height = image.size
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning, OSError):
        raise ValidationError(
            _("The file is not a JPEG, PNG or WebP image (or it is damaged)."),
            code="invalid_image",
        ) from None
    return image, image_format, width, height


def validate_avatar(upload):
    """Refuse anything but a JPEG, PNG or WebP image of at most 2 MB and sensible dimensions.

    Returns ``(image_format, width, height)`` of the checked image.
    """
    if upload.size > AVATAR_MAX_BYTES:
        raise ValidationError(
            _("The image is %(size)s. At most %(max)s is allowed."),
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "max": filesizeformat(AVATAR_MAX_BYTES)},
        )
    image, image_format, width, height = _open_image(upload)
    if image_format not in AVATAR_FORMATS:
        raise ValidationError(
            _("This image format is not supported. Please upload a JPEG, PNG or WebP image."),
            code="invalid_format",
        )
    if max(width, height) > AVATAR_MAX_SIDE or min(width, height) < AVATAR_MIN_SIDE:
        raise ValidationError(
            _("The image is %(width)s × %(height)s pixels. Each side must be %(min)s to %(max)s pixels."),
            code="invalid_dimensions",
            params={"width": width, "height": height, "min": AVATAR_MIN_SIDE, "max": AVATAR_MAX_SIDE},
        )
    try:
        # verify() reads the whole file and spots truncated or corrupt data.
        image.verify()
    except Exception:
        raise ValidationError(_("The image is damaged and cannot be read."), code="invalid_image") from None
    finally:
        upload.seek(0)
    return image_format, width, height


def reencode_avatar(upload, name_stem):
    """A clean copy of a validated avatar: rotated upright, scaled down, without any metadata.

    Returns a new uploaded file named ``<name_stem>.<ext>`` so the stored name reveals nothing
    the member typed and its extension always matches its content.
    """
    upload.seek(0)
    with Image.open(upload) as image:
        image_format = image.format
        image = ImageOps.exif_transpose(image)
        image.thumbnail((AVATAR_STORED_SIDE, AVATAR_STORED_SIDE))
        if image_format == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        buffer = io.BytesIO()
        options = {"quality": 85} if image_format in ("JPEG", "WEBP") else {"optimize": True}
        # No exif=/icc_profile= passed: the copy carries no metadata.
        image.save(buffer, format=image_format, **options)
    extension, content_type = AVATAR_FORMATS[image_format]
    return SimpleUploadedFile(f"{name_stem}.{extension}", buffer.getvalue(), content_type=content_type)
