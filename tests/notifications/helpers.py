"""Publishing what members hear about, as editors and members do it (signals fire as in production)."""

import re

from django_tasks_db.models import DBTaskResult

from regions.models import ApprovalStatus
from tests.events.factories import EventPageFactory
from tests.forum.factories import make_topic
from tests.news.factories import NewsPageFactory
from tests.regions.factories import InitiativeFactory


def publish(page, regions=(), fields=()):
    """Publish ``page`` through a revision (Wagtail sends ``page_published``), with its regions and fields."""
    if hasattr(page, "regions"):
        page.regions = list(regions)
    page.fields_of_action = list(fields)
    page.save_revision().publish()
    return page


def news(parent, title, regions=(), fields=(), live=True):
    page = NewsPageFactory(parent=parent, title=title, live=False)
    if not live:
        page.regions = list(regions)
        page.save_revision()
        return page
    return publish(page, regions, fields)


def event(parent, title, region=None, fields=(), regions=()):
    """An event of ``regions`` (or of the one ``region``), published."""
    page = EventPageFactory(parent=parent, title=title, live=False)
    return publish(page, regions=list(regions) or ([region] if region else []), fields=fields)


def initiative(region, name, status=ApprovalStatus.APPROVED, fields=()):
    item = InitiativeFactory(region=region, name=name, approval_status=status)
    item.fields_of_action.set(fields)
    return item


def topic(forum, poster, subject):
    return make_topic(forum, poster, subject=subject)


def body(message):
    part = message.get_body(preferencelist=("plain",)) if message.is_multipart() else message
    return part.get_content()


def unsubscribe_path(message):
    """The path of the one-click link in the ``List-Unsubscribe`` header."""
    return re.fullmatch(r"<https?://[^/]+(/.*)>", message["List-Unsubscribe"]).group(1)


def run_queue():
    """Run every task of the database queue that is due, in this process and in order, as a worker does (the
    worker's own loop would close the test's database connection)."""
    ran = 0
    while (due := DBTaskResult.objects.ready().order_by("enqueued_at", "id").first()) is not None:
        due.claim("test")
        arguments = due.args_kwargs
        due.set_successful(due.task.call(*arguments["args"], **arguments["kwargs"]))
        ran += 1
    return ran
