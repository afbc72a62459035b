from home import site_cache


def navigation(request):
    """The main menu and the footer, from the shared cache and only when a template uses them."""
    return {
        "menu_pages": lambda: site_cache.menu_pages(request),
        "site_footer": lambda: site_cache.footer(request),
    }
