"""The Wagtail hook through which an app above regions adds contact links to the map's entries.

regions does not know who takes messages (that is the ``network`` app, above it): network registers a function
under ``MAP_CONTACT`` in its ``wagtail_hooks.py``. Without one, the map shows no contact links.
"""

from wagtail import hooks

# fn(layer) -> (condition, url) or None. ``layer``: "members" (rows of the user model) or "initiatives";
# ``condition``: an expression (e.g. an ``Exists``) true for the rows that may be written to, which the map adds
# to the query it makes anyway (no query of its own); ``url(pk)``: their contact form. The links go into cached
# answers: the app bumps ``common.public_cache`` when what it answers changes. The first answer counts.
MAP_CONTACT = "regions_map_contact"


def contact(layer):
    """``(condition, url)`` for ``layer``, or None when no app offers contact for it."""
    for answer in hooks.get_hooks(MAP_CONTACT):
        found = answer(layer)
        if found is not None:
            return found
    return None
