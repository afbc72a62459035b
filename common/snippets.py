"""Helpers for Wagtail snippet view sets."""


class WithoutChooser:
    """No chooser pages for a snippet: Wagtail's snippet chooser lists every row to anyone who reaches the admin
    (regional teams do), so rows that are not everybody's business must not have one. Nothing chooses them."""

    def register_chooser_viewset(self):
        pass
