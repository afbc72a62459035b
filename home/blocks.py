"""StreamField blocks shared by every page type."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[("h2", _("Überschrift 2")), ("h3", _("Überschrift 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Überschrift")
        template = "blocks/heading_block.html"
        preview_value = {"text": "Gemeinsam anfangen", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Bild"))
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=250)
    attribution = blocks.CharBlock(label=_("Bildnachweis"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Zitat"))
    attribution = blocks.CharBlock(label=_("Quelle"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "blocks/quote_block.html"
        preview_value = {
            "text": "Wandel gelingt, wenn wir ihn gemeinsam vor Ort gestalten.",
            "attribution": "Regionalteam",
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(
        label=_("Titel"),
        required=False,
        help_text=_("Leer lassen, um den Titel des Dokuments zu verwenden."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Dokument zum Herunterladen")
        template = "blocks/document_block.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    button_label = blocks.CharBlock(label=_("Beschriftung der Schaltfläche"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Ziel-Seite"), required=False)
    url = blocks.URLBlock(
        label=_("Oder externe Adresse"),
        required=False,
        help_text=_("Wird nur verwendet, wenn keine Seite gewählt ist."),
    )

    class Meta:
        icon = "pick"
        label = _("Handlungsaufruf")
        template = "blocks/call_to_action_block.html"
        preview_value = {
            "title": "Eure Region fehlt noch?",
            "text": "Startet eine Mitmach-Region und holt euch Begleitung.",
            "button_label": "Region starten",
            "url": "https://example.org",
        }


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Frage"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Antwort"), features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Einträge"))

    class Meta:
        icon = "list-ul"
        label = _("FAQ / Akkordeon")
        template = "blocks/accordion_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        icon="pilcrow",
        features=RICH_TEXT_FEATURES,
        template="blocks/paragraph_block.html",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(
        label=_("Video oder Einbettung"),
        icon="media",
        help_text=_("Adresse eines Videos, z. B. bei Vimeo oder YouTube."),
        template="blocks/embed_block.html",
    )
    document = DocumentBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
