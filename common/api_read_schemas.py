"""How many-to-many relations of our pages appear in Wagtail's API v3 (and its OpenAPI schema).

Wagtail's read-schema generator types a plain many-to-many field as a list of primary keys, which tells an
API client nothing. We register one rule for ``ManyToManyField`` (``ParentalManyToManyField`` included):
related pages appear like Wagtail's own foreign keys (``id`` and ``meta.type``, to be fetched at
``/api/v3/pages/{id}/``), everything else (fields of action, SDGs, resources) as a nested object with the
related model's own ``api_fields``. It must be registered before Wagtail builds its registry of page
schemas, which happens on the first import of ``wagtail.api.v3.registry``: ``CommonConfig.ready()`` does it and
refuses to start when the registry was imported before.
"""

from django.db.models import ManyToManyField

from wagtail.api.v3.schemas.generators.read import read_generator
from wagtail.models import Page


def many_to_many_schema(generator, field):
    related_model = field.related_model
    is_page = issubclass(related_model, Page)
    if is_page:
        item_schema = generator.get_foreign_key_schema(related_model)
    else:
        item_schema = generator.get_reverse_related_schema(related_model)
    name = field.name

    def resolve(obj):
        items = getattr(obj, name).all()
        # A reference to an unpublished page would tell that it exists.
        return [item for item in items if item.live] if is_page else list(items)

    return list[item_schema], [], staticmethod(resolve)


def register():
    read_generator.register_field_schema(ManyToManyField, many_to_many_schema)
