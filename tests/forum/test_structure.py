from django.core.management import call_command

import pytest
from machina.apps.forum.models import Forum

from forum import structure
from forum.machina.forum_permission.handler import PermissionHandler
from forum.models import FieldForum, RegionForum
from home.models import FieldOfAction
from tests.members.factories import UserFactory
from tests.regions.factories import RegionPageFactory


def _category_names():
    return list(Forum.objects.filter(parent=None).order_by("tree_id").values_list("name", flat=True))


def test_command_builds_everything_and_is_idempotent(region, capsys):
    call_command("forum_structure")
    out = capsys.readouterr().out
    assert "Handlungsfelder" in out and "Forenstruktur ist aktuell" in out
    count = Forum.objects.count()
    call_command("forum_structure")
    assert Forum.objects.count() == count
    assert _category_names() == ["Handlungsfelder", "Regionen", "Themen & Projekte"]
    fields = structure.category(structure.FIELDS)
    assert sorted(f.name for f in fields.get_children()) == sorted(
        FieldOfAction.objects.values_list("name", flat=True)
    )
    assert RegionForum.objects.get(region=region).forum.parent == structure.category(structure.REGIONS)


def test_field_of_action_creates_and_renames_its_forum(forums):
    field = FieldOfAction.objects.create(name="Bildung", slug="bildung", colour="#123456")
    forum = FieldForum.objects.get(field=field).forum
    assert forum.name == "Bildung"
    assert forum.parent == structure.category(structure.FIELDS)
    field.name = "Bildung für alle"
    field.save()
    forum.refresh_from_db()
    assert forum.name == "Bildung für alle"
    assert FieldForum.objects.filter(field=field).count() == 1


def test_region_forum_follows_publishing(forums, region_index):
    region = RegionPageFactory(parent=region_index, title="Wendland", slug="wendland", live=False)
    assert not RegionForum.objects.filter(region=region).exists()

    region.save_revision().publish()
    link = RegionForum.objects.get(region=region)
    assert link.forum.name == "Wendland" and not link.closed

    region.title = "Wendland und Altmark"
    region.save_revision().publish()
    link.forum.refresh_from_db()
    assert link.forum.name == "Wendland und Altmark"
    assert RegionForum.objects.filter(region=region).count() == 1

    visitor = UserFactory()
    region.refresh_from_db()  # publish() worked on the revision's copy of the page
    region.unpublish()
    link.refresh_from_db()
    assert link.closed
    assert not PermissionHandler().can_read_forum(link.forum, visitor)

    region.save_revision().publish()
    link.refresh_from_db()
    assert not link.closed
    assert PermissionHandler().can_read_forum(link.forum, visitor)


def test_deleting_a_region_closes_its_forum_and_keeps_the_posts(region_forum, region):
    from django.contrib.auth.models import AnonymousUser

    forum_pk = region_forum.pk
    region.delete()
    link = RegionForum.objects.get(forum_id=forum_pk)
    assert link.region is None and link.closed
    assert not PermissionHandler().can_read_forum(Forum.objects.get(pk=forum_pk), AnonymousUser())


@pytest.mark.django_db
def test_region_forum_links_are_unique(region_forum, region):
    structure.ensure_region_forum(region)
    structure.ensure_structure()
    assert RegionForum.objects.filter(region=region).count() == 1


def test_editors_manage_project_forums_in_the_wagtail_admin(client, forums, editor, member):
    client.force_login(editor)
    response = client.get("/admin/project_forums/")
    assert response.status_code == 200
    response = client.post(
        "/admin/project_forums/new/", {"name": "Repair-Cafés", "description": "Reparieren."}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    forum = Forum.objects.get(name="Repair-Cafés")
    assert forum.parent == structure.category(structure.PROJECTS) and forum.is_forum
    response = client.post(
        f"/admin/project_forums/edit/{forum.pk}/",
        {"name": "Repair-Cafés vor Ort", "description": "Reparieren."},
    )
    assert response.status_code == 302
    forum.refresh_from_db()
    assert forum.name == "Repair-Cafés vor Ort"
    # A field-of-action forum is not editable there.
    other = structure.category(structure.FIELDS).get_children().first()
    assert client.get(f"/admin/project_forums/edit/{other.pk}/").status_code in (302, 403, 404)
    client.force_login(member)
    assert client.get("/admin/project_forums/").status_code in (302, 403)
