"""Generic create-or-skip helpers: every object is keyed (pages by slug under their parent, images and
documents by title) and only written when it is missing, so a second run changes nothing."""

import json
from collections import Counter

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.utils.file import hash_filelike

from demo.files import artwork_png, simple_pdf
from demo.stream import Body, Ref


class DemoWriter:
    """Writes demo objects, reports progress and counts what it created and what it found."""

    def __init__(self, stdout, style):
        self.stdout = stdout
        self.style = style
        self.created = Counter()
        self.found = Counter()
        self.home = None

    # --- reporting ----------------------------------------------------------------------------

    def step(self, text):
        self.stdout.write(self.style.MIGRATE_HEADING(text))

    def note(self, label, name, created):
        counter = self.created if created else self.found
        counter[label] += 1
        if created:
            self.stdout.write(f"  + {label}: {name}")

    # --- pages --------------------------------------------------------------------------------

    def ensure_page(self, parent, model, slug, *, publish=True, **fields):
        """The child of ``parent`` with ``slug``; created (and published through a revision) if missing.

        ``fields`` may hold parental many-to-many values and child objects (modelcluster assigns them
        before the first save), ``tags`` as a list of names, and ``Body`` values for StreamFields.
        Returns ``(page, created)``.
        """
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            self.note(model._meta.verbose_name, existing.title, created=False)
            return existing.specific, False

        tags = fields.pop("tags", None)
        fields = {name: self.prepare(value) for name, value in fields.items()}
        page = model(slug=slug, live=publish, **fields)
        if tags:
            page.tags.set(tags)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        self.note(model._meta.verbose_name, page.title, created=True)
        return page, True

    def remove_page(self, parent, slug):
        """Delete the child of ``parent`` with ``slug``, if there is one, with its copies in other languages."""
        page = parent.get_children().filter(slug=slug).first()
        if page is None:
            return
        copies = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
        for copy in copies:
            copy.delete()
        page.delete()
        self.stdout.write(f"  - {page.title} ({slug})")

    def prepare(self, value):
        """StreamField data to JSON with its references swapped for ids; other values unchanged."""
        if isinstance(value, Body):
            return json.dumps(self._resolve(list(value)))
        return value

    def _resolve(self, value):
        if isinstance(value, Ref):
            return self.lookup(value).pk
        if isinstance(value, dict):
            return {key: self._resolve(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self._resolve(item) for item in value]
        return value

    def lookup(self, ref):
        if ref.kind == "image":
            return get_image_model().objects.get(title=ref.key)
        if ref.kind == "document":
            return get_document_model().objects.get(title=ref.key)
        if ref.kind == "page":
            return self.page(ref.key)
        raise ValueError(f"Unknown reference kind: {ref.kind}")

    def page(self, path):
        """A page by its path below the home page, e.g. ``"regionen/neumarkt"``."""
        url_path = f"{self.home.url_path}{path.strip('/')}/"
        return Page.objects.get(url_path=url_path).specific

    # --- media --------------------------------------------------------------------------------

    def ensure_image(self, title, spec, description=""):
        """A Wagtail image with ``title``; drawn locally from ``spec`` if missing."""
        Image = get_image_model()
        image = Image.objects.filter(title=title).first()
        if image is not None:
            self.note("Bild", title, created=False)
            return image
        data = artwork_png(spec)
        image = Image(
            title=title,
            description=description,
            file=ImageFile(ContentFile(data), name=f"{spec['filename']}.png"),
            file_size=len(data),
        )
        image.file_hash = hash_filelike(ContentFile(data))
        image.save()
        self.note("Bild", title, created=True)
        return image

    def ensure_document(self, title, filename, paragraphs):
        """A Wagtail document with ``title``; a one-page PDF written from ``paragraphs`` if missing."""
        Document = get_document_model()
        document = Document.objects.filter(title=title).first()
        if document is not None:
            self.note("Dokument", title, created=False)
            return document
        data = simple_pdf(title, paragraphs)
        document = Document(title=title, file=ContentFile(data, name=f"{filename}.pdf"), file_size=len(data))
        document.file_hash = hash_filelike(ContentFile(data))
        document.save()
        self.note("Dokument", title, created=True)
        return document

    # --- other objects ------------------------------------------------------------------------

    def ensure_object(self, model, lookup, defaults, label=None):
        """A model instance found by ``lookup``; created from ``lookup`` + ``defaults`` if missing.

        Many-to-many values in ``defaults`` (lists) are set after the first save.
        """
        label = label or model._meta.verbose_name
        instance = model.objects.filter(**lookup).first()
        if instance is not None:
            self.note(label, str(instance), created=False)
            return instance, False
        m2m = {name: defaults.pop(name) for name in list(defaults) if isinstance(defaults[name], list)}
        instance = model(**lookup, **defaults)
        instance.full_clean()
        instance.save()
        for name, values in m2m.items():
            getattr(instance, name).set(values)
        self.note(label, str(instance), created=True)
        return instance, True
