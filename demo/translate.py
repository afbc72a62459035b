"""Turn the English alias of a German page into a wagtail-localize translation, as an editor would in the
admin ("Translate this page"): the German page becomes a translation source, each of its strings gets its
English translation in wagtail-localize's translation memory, and the translation is saved and published.

Editors then see the page as a translation of the German one: they can edit it string by string in
wagtail-localize's editor, and it is updated when the German page changes and is synced again.
"""

import json

from wagtail.models import Page
from wagtail_localize.models import SegmentOverride, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue, extract_strings

# The fields and blocks of the demo's pages that link to a page (the home page's call to action, the
# call-to-action block): on a translation they lead to the linked page's counterpart in its language.
PAGE_LINKS = {"hero_cta_page", "page"}


def strings_of(text):
    """The strings wagtail-localize cuts a text into: one for plain text, one per block element of HTML."""
    if text.lstrip().startswith("<"):
        _template, strings = extract_strings(text)
        return [string.data for string, _attrs in strings]
    return [StringValue.from_plaintext(text).data]


def string_pairs(german, english):
    """``{German string: English string}`` for the texts of ``english`` and those at the same place in
    ``german`` (data of the same shape: dicts with the same keys, lists of the same length)."""
    pairs = {}
    _pair(german, english, pairs, where="")
    return pairs


def _pair(german, english, pairs, where):
    if isinstance(german, str) and isinstance(english, str):
        german_strings, english_strings = strings_of(german), strings_of(english)
        if len(german_strings) != len(english_strings):
            raise ValueError(
                f"{where}: {len(english_strings)} English strings for {len(german_strings)} German"
            )
        pairs.update(zip(german_strings, english_strings, strict=True))
    elif isinstance(german, dict) and isinstance(english, dict):
        for key, value in english.items():
            if key not in german:
                raise ValueError(f"{where}.{key}: no German counterpart")
            _pair(german[key], value, pairs, where=f"{where}.{key}")
    elif isinstance(german, list | tuple) and isinstance(english, list | tuple):
        if len(german) != len(english):
            raise ValueError(f"{where}: {len(english)} English items for {len(german)} German")
        for index, (german_item, english_item) in enumerate(zip(german, english, strict=True)):
            _pair(german_item, english_item, pairs, where=f"{where}[{index}]")
    elif german != english:
        raise ValueError(f"{where}: {english!r} does not match {german!r}")


def translate(page, strings, locale):
    """Make ``page``'s counterpart in ``locale`` a published translation with ``strings`` (German → English).

    Returns ``(translated page, number of strings left in German)``, or ``(None, 0)`` when the counterpart
    is already a translation (an editor may have changed it since; it is left alone).
    """
    target = page.get_translation_or_none(locale)
    if target is not None and target.alias_of_id is None:
        return None, 0

    source, _ = TranslationSource.update_or_create_from_instance(page)
    untranslated = 0
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = strings.get(segment.string.data)
        if text is None:
            untranslated += 1
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string, locale=locale, context=segment.context, defaults={"data": text}
        )
    for segment in source.overridablesegment_set.select_related("context"):
        if segment.context.path.rsplit(".", 1)[-1] in PAGE_LINKS and segment.data:
            _link_to_counterpart(segment, locale)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    # Saved as a draft and published here rather than by wagtail-localize, which publishes once the outermost
    # transaction commits: the loader runs in one transaction, and tests run it inside theirs.
    translation.save_target(publish=False)
    translated = translation.get_target_instance()
    translated.get_latest_revision().publish()
    return translated, untranslated


def _link_to_counterpart(segment, locale):
    linked = Page.objects.filter(pk=segment.data).values("translation_key")
    counterpart = (
        Page.objects.filter(translation_key__in=linked, locale=locale).values_list("pk", flat=True).first()
    )
    if counterpart is not None:
        SegmentOverride.objects.update_or_create(
            locale=locale, context=segment.context, defaults={"data_json": json.dumps(counterpart)}
        )
