"""Closed forums are no longer expressed as per-forum "not granted" rows (see forum/machina/forum_permission):
such rows broke machina's permission computation for every later forum of a list. Remove them."""

from django.db import migrations


def drop_deny_rows(apps, schema_editor):
    for name in ("UserForumPermission", "GroupForumPermission"):
        model = apps.get_model("forum_permission", name)
        model.objects.filter(forum__isnull=False, has_perm=False).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hub_forum", "0001_initial"),
        ("forum_permission", "0005_userforumpermission_authenticated_user"),
    ]

    operations = [migrations.RunPython(drop_deny_rows, migrations.RunPython.noop)]
