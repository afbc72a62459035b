"""Helpers for Wagtail snippet view sets."""

from django.http import Http404


class WithoutChooser:
    """No chooser pages for a snippet: Wagtail's snippet chooser lists every row to anyone who reaches the admin
    (regional teams do), so rows that are not everybody's business must not have one. Nothing chooses them."""

    def register_chooser_viewset(self):
        pass


def scoped(view_class, may_open):
    """``view_class`` (a snippet view that opens one object) answering 404 unless ``may_open(user, obj)``: another
    region's object is out of reach, not just unlisted."""

    class Scoped(view_class):
        def get_object(self, *args, **kwargs):
            obj = super().get_object(*args, **kwargs)
            if not may_open(self.request.user, obj):
                raise Http404
            return obj

    Scoped.__name__ = f"Scoped{view_class.__name__}"
    return Scoped
