"""The tasks that mail notifications, and the digests' schedule without cron.

Immediate: ``announce`` runs once per logged item and mails everybody who follows one of its regions or fields
"immediately" and may see it.

Digests: ``DigestSchedule`` holds the next daily and the next weekly run (``DIGEST_HOUR`` o'clock, the weekly one
on Mondays, in the site's time zone). The worker calls ``ensure_schedule`` when it starts (``run_worker`` sends
``background.worker.worker_started``): for each digest it locks the schedule's row and queues a ``run_digests`` task
with ``run_after`` set to the next run, unless the task it queued before is still waiting. Several workers
starting at once queue one task each digest, not several. ``run_digests`` queues its own next run first (in the
same transaction as it moves the schedule on, so a run that is repeated finds the slot taken and does nothing),
then one ``send_digest`` task per member who may be due one. That task builds the member's digest when it runs,
from the items logged since their last digest; with nothing new it sends nothing.
"""

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.template.defaultfilters import date as format_date
from django.urls import reverse
from django.utils import timezone

from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from common.links import absolute
from forum.models import GroupForum, PostReport, RegionForum
from members.language import in_language, language_of
from members.models import User
from notifications import items, mails, recipients
from notifications.models import DIGESTS, DigestSchedule, Frequency, Item, ItemKind, Preferences
from region_applications.models import Application

logger = logging.getLogger(__name__)

DIGEST_HOUR = 7  # local time of both digests
WEEKLY_DAY = 0  # Monday
PERIODS = {Frequency.DAILY: timedelta(days=1), Frequency.WEEKLY: timedelta(days=7)}
KEEP_ITEMS = timedelta(days=21)


def next_run(frequency, after):
    """The first digest time of ``frequency`` strictly after ``after``."""
    local = timezone.localtime(after)
    run = local.replace(hour=DIGEST_HOUR, minute=0, second=0, microsecond=0)
    if frequency == Frequency.WEEKLY:
        run += timedelta(days=(WEEKLY_DAY - run.weekday()) % 7)
    # Arithmetic on a zoneinfo datetime keeps the wall-clock time: seven o'clock also after a change of summer time.
    while run <= local:
        run += PERIODS[frequency]
    return run


def _waiting(task_id):
    if not task_id:
        return False
    try:
        status = run_digests.get_backend().get_result(task_id).status
    except TaskResultDoesNotExist:
        return False
    return status in (TaskResultStatus.READY, TaskResultStatus.RUNNING)


def ensure_schedule(**kwargs):
    """Queue the next daily and weekly run unless already queued; returns the frequencies queued now.

    Needs a backend that can run a task later (django-tasks-db): with the immediate backend of tests and
    development without a worker there is nothing to schedule."""
    if not run_digests.get_backend().supports_defer:
        return []
    queued = []
    for frequency in DIGESTS:
        with transaction.atomic():
            schedule, _created = DigestSchedule.objects.select_for_update().get_or_create(
                frequency=frequency, defaults={"next_run_at": next_run(frequency, timezone.now())}
            )
            if _waiting(schedule.task_id):
                continue
            schedule.task_id = _queue_run(schedule)
            schedule.save(update_fields=["task_id"])
            queued.append(frequency)
    return queued


def _queue_run(schedule):
    result = run_digests.using(run_after=schedule.next_run_at).enqueue(
        schedule.frequency, schedule.next_run_at.isoformat()
    )
    return str(result.id)


@task()
def run_digests(frequency, slot):
    """The digest run of ``slot``: queue the next run, then one ``send_digest`` task per member who may be due one.
    Returns how many were queued (0 when this slot was already run)."""
    slot = datetime.fromisoformat(slot)
    now = timezone.now()
    with transaction.atomic():
        schedule = DigestSchedule.objects.select_for_update().filter(frequency=frequency).first()
        if schedule is None or schedule.next_run_at != slot:
            return 0
        schedule.next_run_at = next_run(frequency, max(now, slot))
        schedule.task_id = _queue_run(schedule)
        schedule.save(update_fields=["next_run_at", "task_id"])
    # No digest reaches back further than two weeks (``send_digest``): older items are of no use any more.
    Item.objects.filter(created_at__lt=now - KEEP_ITEMS).delete()
    readers = recipients.digest_readers(frequency)
    with transaction.atomic():
        for user_id in readers:
            send_digest.enqueue(user_id, frequency, now.isoformat())
    return len(readers)


def digest_entries(user, frequency, since, until):
    """What is new for ``user`` in their ``frequency`` digest: items logged in (since, until] that they may see
    and that belong to a region or field they follow with that frequency."""
    region_ids, field_ids = recipients.followed(user, frequency)
    if not (region_ids or field_ids):
        return []
    logged = list(
        Item.objects.filter(created_at__gt=since, created_at__lte=until).order_by("created_at", "pk")
    )
    entries = [entry for entry in items.load(logged) if entry.concerns(region_ids, field_ids)]
    return items.readable(entries, user)


@task()
def send_digest(user_id, frequency, until):
    """Build and mail one member's digest, covering the items since their last one; nothing new, no mail.

    The bookkeeping moves on in the same transaction as the mail is queued: a task run twice sends once."""
    until = datetime.fromisoformat(until)
    user = recipients.mailable(User.objects.filter(pk=user_id)).first()
    if user is None:
        return 0
    with transaction.atomic():
        preferences, _created = Preferences.objects.select_for_update().get_or_create(user=user)
        last = getattr(preferences, f"{frequency}_until")
        if last is not None and last >= until:
            return 0
        # Never further back than two periods: a member who follows again after a long pause gets what is new.
        period = PERIODS[frequency]
        since = max(last, until - 2 * period) if last else until - period
        entries = digest_entries(user, frequency, since, until)
        setattr(preferences, f"{frequency}_until", until)
        preferences.save(update_fields=[f"{frequency}_until"])
        if not entries:
            return 0
        with in_language(language_of(user)):
            items.links(entries)
            context = {
                "sections": items.sections(entries),
                "count": len(entries),
                "weekly": frequency == Frequency.WEEKLY,
                "since": format_date(timezone.localtime(since), "DATE_FORMAT"),
            }
            mails.send(user, "digest", context, frequency)
    return len(entries)


@task()
def announce(item_id):
    """Mail the item to everybody who follows one of its regions or fields "immediately" and may see it. Runs
    once per item (marked in the transaction that queues the mails)."""
    with transaction.atomic():
        item = Item.objects.select_for_update().filter(pk=item_id, notified_at__isnull=True).first()
        if item is None:
            return 0
        item.notified_at = timezone.now()
        item.save(update_fields=["notified_at"])
        entries = items.load([item])
        if not entries:
            return 0
        entry = entries[0]
        sent = 0
        for user in recipients.immediate_readers(entry.region_ids, entry.field_ids):
            if not items.readable(entries, user):
                continue
            with in_language(language_of(user)):
                items.links(entries)
                mails.send(user, "item", {"entry": entry, "kind": ItemKind(entry.kind).label}, "immediately")
            sent += 1
    return sent


def log_item(kind, object_id):
    """Note that something became public (once per object) and, after the commit, queue its announcement."""
    item, created = Item.objects.get_or_create(kind=kind, object_id=object_id)
    if created:
        transaction.on_commit(lambda: _enqueue(announce, item.pk))
    return item


def _enqueue(task_function, *args):
    try:
        task_function.enqueue(*args)
    except Exception:  # a task backend that is away must not break publishing or posting
        logger.exception("Could not queue %s%s", task_function.name, args)


def _region_of_forum(forum):
    """The region whose team moderates ``forum``: the region's own forum, or the forum of a regional group."""
    region_id = (
        RegionForum.objects.filter(forum=forum, region__isnull=False)
        .values_list("region_id", flat=True)
        .first()
    )
    if region_id is None:
        region_id = (
            GroupForum.objects.filter(forum=forum, group__region__isnull=False)
            .values_list("group__region_id", flat=True)
            .first()
        )
    return region_id


@task()
def notify_report(report_id):
    """Tell the moderators of the forum a post was reported in: its region's team (the region's forum or the forum
    of one of its working groups), else the editors."""
    report = (
        PostReport.objects.open()
        .select_related("post__topic__forum", "reporter")
        .filter(pk=report_id)
        .first()
    )
    if report is None:
        return 0
    forum = report.post.topic.forum
    region_id = _region_of_forum(forum)
    editors = recipients.editors().exclude(pk=report.reporter_id)
    team = recipients.region_team(region_id).exclude(pk=report.reporter_id) if region_id else editors
    moderators = recipients.moderators_wanting(team, "reports")
    if region_id and not recipients.mailable(team).exists():
        # A region without a team the hub can write to: the editors moderate every forum. (A team that switched
        # these mails off keeps them off.)
        moderators = recipients.moderators_wanting(editors, "reports")
    for moderator in moderators:
        with in_language(language_of(moderator)):
            context = {
                "report": report,
                "topic": report.post.topic,
                "forum": forum,
                "reports_url": absolute(reverse("hub_forum:reports")),
            }
            mails.send(moderator, "report", context, "reports")
    return len(moderators)


@task()
def notify_application(application_id):
    """Tell the editors about a new application to start a region, unless the page already mailed them (their
    address among its "to" addresses)."""
    application = Application.objects.select_related("submission__page").filter(pk=application_id).first()
    if application is None:
        return 0
    page = application.submission.page.specific
    already = {address.strip().lower() for address in (getattr(page, "to_address", "") or "").split(",")}
    editors = [
        editor
        for editor in recipients.moderators_wanting(recipients.editors(), "applications")
        if editor.email.lower() not in already
    ]
    for editor in editors:
        with in_language(language_of(editor)):
            context = {
                "application": application,
                "page": page,
                "applications_url": absolute(reverse("region_applications:edit", args=[application.pk])),
            }
            mails.send(editor, "application", context, "applications")
    return len(editors)


def enqueue_after_commit(task_function, *args):
    transaction.on_commit(lambda: _enqueue(task_function, *args))
