from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home import site_cache
from home.models import FieldOfAction
from home.sections import HOME_PAGE_SECTIONS, Section


class FieldOfActionViewSet(SnippetViewSet):
    model = FieldOfAction
    icon = "tag"
    menu_label = _("Fields of action")
    list_display = ["name", "name_en", "slug", "colour", "order"]
    ordering = ["order", "name"]


register_snippet(FieldOfActionViewSet)


@hooks.register(HOME_PAGE_SECTIONS)
def hero_button(page, request):
    """The target of the header's button in the page's language, from the shared cache (the English home page,
    an alias, points to the German page; ``HomePage.hero_cta`` finds its English counterpart)."""
    return Section("hero_cta", site_cache.cached(f"hero-cta:{page.pk}", page.hero_cta))
