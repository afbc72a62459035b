"""How writable relations appear in the create and patch schemas of Wagtail's API v3.

Wagtail types a writable foreign key as any integer (``region_id``) and leaves a writable many-to-many field
to django-ninja, which makes it a *required* list of any integers. Two rules here, for both of Wagtail's
write-schema generators:

- An id must be a whole number in the range of the related primary key. Out of range, SQLite cannot even
  look the value up (``OverflowError``, a 500); now the schema refuses it first, as a 422 naming the field.
- A many-to-many field (``NewsPage.regions``) is an optional list of at most ``MAX_RELATED_IDS`` ids, empty
  when left out on create and left alone when left out of a patch.

Whether an id is one the user may choose is still the page form's call (``RegionScopedPageForm`` keeps a
regional moderator to their own regions), exactly as in the admin.

The rules must be registered before Wagtail builds its registry of page schemas, on the first import of
``wagtail.api.v3.registry`` (from the URL configuration); the ``ready()`` of the apps with writable
relations (events, news) call ``register()``, and it refuses to run late rather than silently do nothing.
"""

import sys
from types import NoneType, UnionType
from typing import Annotated, Union, get_args, get_origin

from django.core.exceptions import ImproperlyConfigured
from django.db.models import ForeignKey, ManyToManyField

from wagtail.api.v3.schemas.generators.write import (
    create_generator,
    foreign_key_schema,
    patch_generator,
)

from ninja.orm.fields import title_if_lower
from pydantic import Field
from pydantic.fields import FieldInfo

# Largest primary key per internal field type (PostgreSQL's column ranges; SQLite's are wider).
ID_MAXIMUM = {
    "AutoField": 2**31 - 1,
    "IntegerField": 2**31 - 1,
    "PositiveIntegerField": 2**31 - 1,
    "BigAutoField": 2**63 - 1,
    "BigIntegerField": 2**63 - 1,
    "PositiveBigIntegerField": 2**63 - 1,
    "SmallAutoField": 2**15 - 1,
    "SmallIntegerField": 2**15 - 1,
    "PositiveSmallIntegerField": 2**15 - 1,
}
# A page is tagged with a handful of regions; a long list is a mistake or an attack on the id lookup.
MAX_RELATED_IDS = 100

_registered = False


def _id_type(related_model):
    """``int`` limited to the related primary key's range, or None for a key that is not an integer."""
    pk = related_model._meta.pk
    while pk.is_relation:  # a page type's key is its link to Page (``page_ptr``): follow it to Page.id
        pk = pk.target_field
    maximum = ID_MAXIMUM.get(pk.get_internal_type())
    if maximum is None:
        return None
    return Annotated[int, Field(ge=1, le=maximum)]


def bounded_foreign_key_schema(generator, field):
    """Wagtail's shape (``<name>_id``, nullable when the field is), with the id in range."""
    annotation, info = foreign_key_schema(generator, field)
    id_type = _id_type(field.related_model)
    if id_type is None:
        return annotation, info
    nullable = get_origin(annotation) in (Union, UnionType) and NoneType in get_args(annotation)
    return (id_type | None if nullable else id_type), info


def many_to_many_schema(generator, field):
    """An optional list of ids: empty when left out (create), untouched when left out (patch)."""
    id_type = _id_type(field.related_model)
    if id_type is None:
        return None  # no defined writable shape: the field stays out of the schema
    info = FieldInfo(
        default_factory=list,
        max_length=MAX_RELATED_IDS,
        title=title_if_lower(field.verbose_name),
        description="Ids of the related objects; the list replaces the whole set.",
    )
    return list[id_type], info


def register():
    """Add the rules to Wagtail's create and patch generators (once; before the schemas are built)."""
    global _registered
    if _registered:
        return
    if "wagtail.api.v3.registry" in sys.modules:
        raise ImproperlyConfigured(
            "common.api_write_schemas.register() must run before wagtail.api.v3.registry is imported: "
            "the page write schemas are already built without its rules."
        )
    for generator in (create_generator, patch_generator):
        generator.register_field_schema(ForeignKey, bounded_foreign_key_schema)
        generator.register_field_schema(ManyToManyField, many_to_many_schema)
    _registered = True
