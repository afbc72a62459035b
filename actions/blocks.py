from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from home.blocks import RICH_TEXT_FEATURES, BaseStreamBlock


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=160)
    text = blocks.RichTextBlock(label=_("Description"), required=False, features=RICH_TEXT_FEATURES)


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, default=_("Step by step"))
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Steps")
        template = "blocks/steps_block.html"
        preview_value = {
            "title": _("Step by step"),
            "steps": [
                {"title": _("Find people to join you"), "text": ""},
                {"title": _("Set a date and a place"), "text": ""},
            ],
        }


class ActionBodyBlock(BaseStreamBlock):
    steps = StepsBlock()
