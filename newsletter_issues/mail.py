"""An issue as a mail: an HTML part in the hub's look (inline styles, absolute links and image addresses, as mail
programs need them) and a plain-text part, with the list's unsubscribe link in the footer and in the headers.

The content is the same for every recipient; only the unsubscribe link differs. ``IssueMail`` renders each language
once (with a placeholder for the link) and a recipient's message only puts their link in: a batch of hundreds of
mails renders the blocks once.
"""

import re

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html, format_html_join, linebreaks
from django.utils.safestring import mark_safe

from bs4 import BeautifulSoup

from common.links import absolute
from common.one_click import list_headers
from newsletters.links import unsubscribe_url

# Stands for the recipient's unsubscribe link in a rendered issue (signed tokens never contain it).
LINK_PLACEHOLDER = "@@UNSUBSCRIBE-LINK@@"
PRIMARY = "#24572f"
RELATIVE = re.compile(r'(href|src)="/(?!/)')
LINK_STYLE = f'<a style="color:{PRIMARY};text-decoration:underline" '


def absolute_links(html):
    """Every ``href``/``src`` of ``html`` with the site's address, links in the hub's colour."""
    base = absolute("/")
    return RELATIVE.sub(lambda match: f'{match.group(1)}="{base}', html).replace("<a ", LINK_STYLE)


def rich_text_html(value):
    return absolute_links(str(value.__html__()))


def image_url(image, spec="width-1200"):
    return absolute(image.get_rendition(spec).url)


def page_url(page):
    return absolute(page.specific.url or "/") if page else ""


def block_html(block):
    """One block of the body, inline-styled for mail programs."""
    kind, value = block.block_type, block.value
    text = "margin:0 0 16px;font-size:16px;line-height:1.55"
    if kind == "heading":
        size = "22px" if value["level"] == "h2" else "18px"
        return format_html(
            '<h2 style="margin:24px 0 12px;font-size:{};line-height:1.3;color:#173b1f">{}</h2>',
            size,
            value["text"],
        )
    if kind == "paragraph":
        return format_html('<div style="{}">{}</div>', text, mark_safe(rich_text_html(value)))  # noqa: S308 (editors' rich text, Wagtail's HTML)
    if kind == "image" and value["image"]:
        caption = " · ".join(part for part in (value["caption"], value["attribution"]) if part)
        return format_html(
            '<p style="margin:0 0 16px"><img src="{}" alt="{}" width="560" '
            'style="display:block;width:100%;max-width:560px;height:auto;border:0">{}</p>',
            image_url(value["image"]),
            value["image"].default_alt_text or value["caption"] or "",
            format_html('<span style="font-size:13px;color:#4d5a52">{}</span>', caption) if caption else "",
        )
    if kind == "quote":
        return format_html(
            '<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid {};{}">{}{}</blockquote>',
            PRIMARY,
            text,
            mark_safe(linebreaks(value["text"], autoescape=True)),  # noqa: S308 (escaped by linebreaks)
            format_html("<p>— {}</p>", value["attribution"]) if value["attribution"] else "",
        )
    if kind == "embed" and value:
        return format_html(
            '<p style="{}"><a href="{}" style="color:{}">{}</a></p>', text, value.url, PRIMARY, value.url
        )
    if kind == "document" and value["document"]:
        document = value["document"]
        return format_html(
            '<p style="{}"><a href="{}" style="color:{}">{}</a></p>',
            text,
            absolute(document.url),
            PRIMARY,
            value["title"] or document.title,
        )
    if kind == "call_to_action":
        target = page_url(value["page"]) or value["url"]
        return format_html(
            '<table role="presentation" width="100%" style="margin:0 0 16px;background:#e3efe4;border-radius:8px">'
            '<tr><td style="padding:16px"><p style="margin:0 0 8px;font-size:18px;font-weight:bold">{}</p>{}{}'
            "</td></tr></table>",
            value["title"],
            format_html('<p style="{}">{}</p>', text, value["text"]) if value["text"] else "",
            format_html(
                '<a href="{}" style="display:inline-block;padding:10px 18px;background:{};color:#ffffff;'
                'text-decoration:none;border-radius:6px;font-weight:bold">{}</a>',
                target,
                PRIMARY,
                value["button_label"],
            )
            if target
            else "",
        )
    if kind == "accordion":
        items = format_html_join(
            "",
            '<p style="margin:0 0 4px;font-weight:bold">{}</p><div style="{}">{}</div>',
            ((item["question"], text, mark_safe(rich_text_html(item["answer"]))) for item in value["items"]),  # noqa: S308
        )
        title = (
            format_html('<h3 style="margin:16px 0 8px;font-size:18px">{}</h3>', value["title"])
            if value["title"]
            else ""
        )
        return title + items
    return ""


def html_to_text(html):
    """Rich text as plain text: one paragraph a line, links as ``text (address)``."""
    soup = BeautifulSoup(html, "html.parser")
    for link in soup.find_all("a"):
        label, href = link.get_text(" ", strip=True), link.get("href", "")
        link.replace_with(f"{label} ({href})" if href and href != label else label)
    for item in soup.find_all("li"):
        item.insert(0, "- ")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    lines = []
    for element in soup.find_all(["p", "h3", "h4", "li", "hr"]) or [soup]:
        lines.append("---" if element.name == "hr" else " ".join(element.get_text().split()))
    return "\n\n".join(line for line in lines if line)


def block_text(block):
    kind, value = block.block_type, block.value
    if kind == "heading":
        return f"{value['text']}\n{'=' * min(len(value['text']), 60)}"
    if kind == "paragraph":
        return html_to_text(rich_text_html(value))
    if kind == "image" and value["image"]:
        return " · ".join(part for part in (value["caption"], value["attribution"]) if part)
    if kind == "quote":
        return f"„{value['text']}“" + (f"\n— {value['attribution']}" if value["attribution"] else "")
    if kind == "embed" and value:
        return value.url
    if kind == "document" and value["document"]:
        return f"{value['title'] or value['document'].title}: {absolute(value['document'].url)}"
    if kind == "call_to_action":
        target = page_url(value["page"]) or value["url"]
        return "\n".join(
            part
            for part in (
                value["title"],
                value["text"],
                f"→ {value['button_label']}: {target}" if target else "",
            )
            if part
        )
    if kind == "accordion":
        return "\n\n".join(
            f"{item['question']}\n{html_to_text(rich_text_html(item['answer']))}" for item in value["items"]
        )
    return ""


class IssueMail:
    """The mails of one issue; render once per language, then ``message()`` per recipient."""

    def __init__(self, issue):
        self.issue = issue
        self._rendered = {}

    def body(self):
        if "body" not in self._rendered:
            blocks = list(self.issue.body)
            self._rendered["body"] = (
                mark_safe("".join(str(block_html(block)) for block in blocks)),  # noqa: S308 (built with format_html)
                "\n\n".join(text for text in (block_text(block) for block in blocks) if text),
            )
        return self._rendered["body"]

    def rendered(self, language):
        """(HTML, text) of the issue in ``language`` (the footer's), with ``LINK_PLACEHOLDER`` for the link."""
        if language not in self._rendered:
            body_html, body_text = self.body()
            with translation.override(language):  # the links too: /en/… for English subscribers
                context = {
                    "issue": self.issue,
                    "body_html": body_html,
                    "body_text": body_text,
                    "unsubscribe_url": LINK_PLACEHOLDER,
                    "archive_url": absolute(self.issue.get_absolute_url())
                    if self.issue.pk
                    else absolute("/"),
                    "site_url": absolute(translate_url("/", language)),
                }
                self._rendered[language] = (
                    render_to_string("newsletter_issues/mail/issue.html", context),
                    render_to_string("newsletter_issues/mail/issue.txt", context),
                )
        return self._rendered[language]

    def preview_html(self, language):
        return self.rendered(language)[0].replace(LINK_PLACEHOLDER, absolute("/"))

    def build(self, address, language, link, headers=None, subject_prefix=""):
        html, text = self.rendered(language)
        message = EmailMultiAlternatives(
            subject=subject_prefix + self.issue.subject,
            body=text.replace(LINK_PLACEHOLDER, link),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[address],
            headers=headers or {},
        )
        message.attach_alternative(html.replace(LINK_PLACEHOLDER, link), "text/html")
        return message

    def message(self, address, subscription):
        """The mail to one subscriber: their language, their unsubscribe link and headers (RFC 2369/8058)."""
        with translation.override(subscription.language):
            link = unsubscribe_url(subscription)  # once: the signed token carries the second it was made
        return self.build(address, subscription.language, link, list_headers(link))

    def test_message(self, address, language):
        """A test mail to its editor: no list behind it, so the footer's link leads to the site."""
        return self.build(address, language, absolute("/"), subject_prefix="[Test] ")
