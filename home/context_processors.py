from wagtail.models import Site


def navigation(request):
    """The main menu: live top-level pages marked "show in menus", fetched lazily once per request."""

    def menu_pages():
        site = Site.find_for_request(request)
        if site is None:
            return []
        return list(
            site.root_page.get_children().live().public().in_menu().only("title", "url_path", "path", "depth")
        )

    return {"menu_pages": menu_pages}
