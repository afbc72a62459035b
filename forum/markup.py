"""Rendering of member-written forum text (placeholder until the sanitizer lands)."""

import markdown2


def render(text, **kwargs):
    return markdown2.markdown(text, safe_mode="escape")
