"""Small constructors for StreamField content in the raw JSON form Wagtail stores.

Images, documents and pages are referred to by a ``Ref`` (a title or a path below the home page); the
writer swaps them for database ids when the page is created, so the data modules stay free of ids.
"""

from dataclasses import dataclass

from django.utils.html import escape


@dataclass(frozen=True)
class Ref:
    """A reference resolved at write time: ``kind`` is "image", "document" or "page"."""

    kind: str
    key: str


class Body(list):
    """A list of raw blocks that the writer turns into StreamField JSON."""


def body(*blocks):
    return Body(blocks)


def html_paragraphs(*texts):
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def html_list(items, ordered=False):
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{escape(item)}</li>" for item in items) + f"</{tag}>"


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(*texts, bullets=None, numbered=None):
    """Paragraphs of plain text, optionally followed by a bulleted or numbered list."""
    html = html_paragraphs(*texts)
    if bullets:
        html += html_list(bullets)
    if numbered:
        html += html_list(numbered, ordered=True)
    return {"type": "paragraph", "value": html}


def quote(text, attribution=""):
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def image(title, caption="", attribution=""):
    return {
        "type": "image",
        "value": {"image": Ref("image", title), "caption": caption, "attribution": attribution},
    }


def document(title, label=""):
    return {"type": "document", "value": {"document": Ref("document", title), "title": label}}


def call_to_action(title, text, button_label, page=None, url=""):
    """A button to a page (``page`` is a path below the home page, e.g. "aktionen") or to a URL."""
    return {
        "type": "call_to_action",
        "value": {
            "title": title,
            "text": text,
            "button_label": button_label,
            "page": Ref("page", page) if page else None,
            "url": url,
        },
    }


def faq(title, items):
    """``items`` are (question, answer) pairs of plain text."""
    return {
        "type": "accordion",
        "value": {
            "title": title,
            "items": [{"question": q, "answer": html_paragraphs(a)} for q, a in items],
        },
    }


def steps(items, title="Schritt für Schritt"):
    """The action pool's steps block; ``items`` are (step title, description) pairs."""
    return {
        "type": "steps",
        "value": {
            "title": title,
            "steps": [{"title": t, "text": html_paragraphs(text)} for t, text in items],
        },
    }
