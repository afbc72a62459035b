from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import FieldOfAction


class FieldOfActionViewSet(SnippetViewSet):
    model = FieldOfAction
    icon = "tag"
    menu_label = _("Fields of action")
    list_display = ["name", "name_en", "slug", "colour", "order"]
    ordering = ["order", "name"]


register_snippet(FieldOfActionViewSet)
