"""Rendering of member-written forum text: Markdown without raw HTML, then an allowlist sanitizer.

markdown2's ``safe_mode`` has a history of bypasses (see the payloads in tests/forum/test_markup.py), so it
is only the first line: every byte of its output goes through nh3 (ammonia), which keeps the listed tags and
attributes, allows only http, https and mailto links and marks every link ``nofollow ugc``.
"""

import markdown2
import nh3

TAGS = {
    "p", "br", "strong", "em", "b", "i", "del", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
EXTRAS = ["break-on-newline", "fenced-code-blocks", "tables", "strike"]


def render(text, **kwargs):
    """The safe HTML of a post, a signature or a forum description (machina's MARKUP_LANGUAGE hook)."""
    html = markdown2.markdown(text or "", safe_mode="escape", extras=EXTRAS)
    return sanitize(html)


def sanitize(html):
    return nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags={"script", "style"},
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc",
        strip_comments=True,
    )
