"""The taxonomy rows of cards of any kind (fields of action, SDGs, tags), for all of them in one query.

A ``prefetch_related`` costs a query per relation and kind of card: a page showing action, news and initiative
cards spent up to four queries on their badges. ``attach_taxonomy`` asks the link tables of every relation in one
``UNION ALL``, with the rows they point to joined in.
"""

from collections import defaultdict

from django.db import connection

from modelcluster.queryset import FakeQuerySet


def attach_taxonomy(*groups):
    """Store each object's related rows where ``prefetch_related`` would, so ``obj.<relation>.all()`` runs no query.

    ``groups`` are ``(objects, relation name)`` pairs for many-to-many relations (Django's or modelcluster's) and
    taggit's tags with a through model of their own, e.g. ``(actions, "sdgs")`` or ``(news, "tags")``. The rows come in the target model's ordering, as a prefetch would give them.
    Each target model gets columns of its own in the union, so no two models' types meet in one column.
    """
    groups = [(list(objects), name) for objects, name in groups]
    groups = [(objects, name) for objects, name in groups if objects]
    if not groups:
        return
    fields = [objects[0]._meta.get_field(name) for objects, name in groups]
    if any(getattr(field, "use_gfk", False) for field in fields):
        # taggit's generic TaggedItem links rows of every model by object_id alone: not one table per relation.
        raise ValueError("attach_taxonomy needs a tag relation with a through model of its own")
    targets = list(dict.fromkeys(field.related_model for field in fields))
    columns = {model: list(model._meta.concrete_fields) for model in targets}
    quote = connection.ops.quote_name

    selects, params = [], []
    for index, ((objects, _name), field) in enumerate(zip(groups, fields, strict=True)):
        # Django's many-to-many fields and taggit's tag managers name their link table and columns alike.
        through = field.m2m_db_table()
        owner = quote(field.m2m_column_name())
        target_column = quote(field.m2m_reverse_name())
        target = field.related_model
        slots = []
        for model in targets:
            for column in columns[model]:
                if model is target:
                    slots.append(f"r.{quote(column.column)}")
                else:
                    slots.append(f"CAST(NULL AS {column.db_type(connection)})")
        marks = ", ".join(["%s"] * len(objects))
        # Only quoted names of our own tables and columns go into the text; the ids are parameters.
        selects.append(
            f"SELECT {index}, t.{owner}, {', '.join(slots)} FROM {quote(through)} t "  # noqa: S608
            f"INNER JOIN {quote(target._meta.db_table)} r ON r.{quote(target._meta.pk.column)} = t.{target_column} "
            f"WHERE t.{owner} IN ({marks})"
        )
        params.extend(obj.pk for obj in objects)

    rows = defaultdict(list)  # (group, owner pk) -> target objects
    seen = {}  # (target model, pk) -> one object per row shown, shared by the cards that show it
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        for group, owner, *values in cursor.fetchall():
            target = fields[group].related_model
            start = sum(len(columns[model]) for model in targets[: targets.index(target)])
            own = values[start : start + len(columns[target])]
            attnames = [column.attname for column in columns[target]]
            key = (target, own[attnames.index(target._meta.pk.attname)])
            if key not in seen:
                seen[key] = target.from_db(connection.alias, attnames, own)
            rows[group, owner].append(seen[key])

    for index, ((objects, name), field) in enumerate(zip(groups, fields, strict=True)):
        ordering = _sort_key(field.related_model)
        for obj in objects:
            cache = getattr(obj, "_prefetched_objects_cache", {})
            cache[name] = FakeQuerySet(field.related_model, sorted(rows[index, obj.pk], key=ordering))
            obj._prefetched_objects_cache = cache


def _sort_key(model):
    """A key function for ``model``'s ``Meta.ordering``; the taxonomy models order by plain ascending fields."""
    ordering = model._meta.ordering or [model._meta.pk.attname]
    return lambda obj: tuple(getattr(obj, name) for name in ordering)
