"""What makes a notification: a news item or event published for the first time, an initiative approved, a forum
topic whose first post is approved, a post reported, an application to start a region. Each is logged or queued
after the commit; the tasks decide whom to tell when they run."""

from django.db.models.signals import post_save
from django.utils import timezone

from wagtail.signals import page_published

from machina.apps.forum_conversation.models import Post

from background.worker import worker_started
from forum.models import PostReport
from forum.notifications import is_first_post
from hub_events.models import EventPage
from news.models import NewsPage
from notifications import tasks
from notifications.models import ItemKind
from region_applications.models import Application
from regions.models import ApprovalStatus, Initiative, network_locale_id

PAGE_KINDS = {NewsPage: ItemKind.NEWS, EventPage: ItemKind.EVENT}


def page_was_published(sender, instance, **kwargs):
    """News and events in the network's language (the English versions are the same item), on their first
    publication only: Wagtail sends the signal for every publish, and for a publish merely scheduled (not live)."""
    kind = PAGE_KINDS.get(type(instance))
    first_time = instance.live and instance.first_published_at == instance.last_published_at
    if kind and first_time and instance.locale_id == network_locale_id():
        tasks.log_item(kind, instance.pk)


def initiative_saved(sender, instance, raw=False, created=False, **kwargs):
    """When an initiative becomes approved (regions.signals remembers the status before the save), not on every
    later save of an approved one."""
    if raw or instance.approval_status != ApprovalStatus.APPROVED:
        return
    if created or getattr(instance, "_approval_status_before", None) != ApprovalStatus.APPROVED:
        tasks.log_item(ItemKind.INITIATIVE, instance.pk)


def post_saved(sender, instance, raw=False, **kwargs):
    """A topic whose first post is approved. machina copies the post's approval to the topic only after this
    signal, so the post's own flag decides; a topic older than any digest reaches is not news any more."""
    if raw or not instance.approved or instance.topic.created < timezone.now() - tasks.KEEP_ITEMS:
        return
    if is_first_post(instance):
        tasks.log_item(ItemKind.TOPIC, instance.topic_id)


def report_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        tasks.enqueue_after_commit(tasks.notify_report, instance.pk)


def application_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        tasks.enqueue_after_commit(tasks.notify_application, instance.pk)


def connect():
    page_published.connect(page_was_published, dispatch_uid="notifications_page_published")
    post_save.connect(initiative_saved, sender=Initiative, dispatch_uid="notifications_initiative_saved")
    post_save.connect(post_saved, sender=Post, dispatch_uid="notifications_post_saved")
    post_save.connect(report_saved, sender=PostReport, dispatch_uid="notifications_report_saved")
    post_save.connect(application_saved, sender=Application, dispatch_uid="notifications_application_saved")
    worker_started.connect(tasks.ensure_schedule, dispatch_uid="notifications_ensure_schedule")
