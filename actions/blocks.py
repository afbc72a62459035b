from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from home.blocks import RICH_TEXT_FEATURES, BaseStreamBlock


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Schritt"), max_length=160)
    text = blocks.RichTextBlock(label=_("Beschreibung"), required=False, features=RICH_TEXT_FEATURES)


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), required=False, default=_("Schritt für Schritt"))
    steps = blocks.ListBlock(StepBlock(), label=_("Schritte"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Schritte")
        template = "blocks/steps_block.html"
        preview_value = {
            "title": "Schritt für Schritt",
            "steps": [
                {"title": "Mitstreiter:innen finden", "text": ""},
                {"title": "Termin und Ort festlegen", "text": ""},
            ],
        }


class ActionBodyBlock(BaseStreamBlock):
    steps = StepsBlock()
