from django.urls import path

from wagtail import hooks

from common.po_upload import guarded_upload_pofile


@hooks.register("register_admin_urls")
def guard_po_upload():
    """Takes wagtail-localize's upload address before its own view (``common`` is the first app)."""
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            guarded_upload_pofile,
            name="guarded_upload_pofile",
        )
    ]
