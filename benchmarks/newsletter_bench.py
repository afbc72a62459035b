"""Sending a newsletter issue to 20,000 subscribers: the worker's batches against one ``send_mass_mail``-style loop.

    .venv/bin/python benchmarks/newsletter_bench.py                     # 2,000 and 20,000 subscribers
    .venv/bin/python benchmarks/newsletter_bench.py --sizes 20000

Per size, on its own PostgreSQL database (``hub_newsletter_bench``, created and migrated on first use; the
subscribers are kept for the next run) with a local SMTP sink (aiosmtpd's ``Sink`` handler in a process of its
own, so that it never shares a GIL with the sender):

- the hub's path: ``sending.send_now`` queues the issue, then a worker process (``manage.py run_worker --batch``,
  the production task queue) writes the deliveries and sends the batches (``NEWSLETTER_BATCH_SIZE`` 200, the rate
  set high: ``NEWSLETTER_MAILS_PER_SECOND`` 1,000,000). Time from the worker's start to its exit, its peak
  resident memory (``os.wait4``'s ``ru_maxrss``), mails per second;
- the baseline, in a process of its own: the same mails (``IssueMail.message`` per subscriber, same HTML, text and
  headers) built first and handed over in one loop over one connection, as ``django.core.mail.send_mass_mail``
  does (it takes plain-text tuples only, so its loop ``connection.send_messages(messages)`` is called directly).

Both run with ``tests.background.worker_settings`` (the test settings with the database task queue). Asserts nothing; prints the figures and the ratios.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE_URL = "postgres://hub:hub@127.0.0.1:5432/hub_newsletter_bench"
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.background.worker_settings"
os.environ.setdefault("DATABASE_URL", DATABASE_URL)

import psycopg  # noqa: E402


def ensure_database(url):
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            admin.execute(f'CREATE DATABASE "{name}"')


ensure_database(os.environ["DATABASE_URL"])

import django  # noqa: E402

django.setup()

from django.core.files.images import ImageFile  # noqa: E402
from django.core.mail import get_connection  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from wagtail.blocks import StreamValue  # noqa: E402
from wagtail.images.models import Image  # noqa: E402

from django_tasks_db.models import DBTaskResult  # noqa: E402
from PIL import Image as PILImage  # noqa: E402

from newsletter_issues import sending  # noqa: E402
from newsletter_issues.mail import IssueMail  # noqa: E402
from newsletter_issues.models import Delivery, DeliveryStatus, IssueStatus, NewsletterIssue  # noqa: E402
from newsletters.models import ListKind, MailingList, Subscription, SubscriptionStatus  # noqa: E402

PARAGRAPH = (
    "<p>Im Frühjahr haben sich <b>drei neue Regionen</b> gegründet. Wie sie angefangen haben, steht im "
    '<a href="/aktionen/">Aktions-Pool</a>; wer mitmachen will, findet die Termine im '
    '<a href="/veranstaltungen/">Kalender</a>.</p>'
)


def bench_list(size):
    mailing_list, _created = MailingList.objects.get_or_create(
        kind=ListKind.OTHER, name=f"Benchmark {size}", defaults={"name_en": f"Benchmark {size}"}
    )
    have = mailing_list.subscriptions.count()
    if have != size:
        mailing_list.subscriptions.all().delete()
        now = timezone.now()
        Subscription.objects.bulk_create(
            [
                Subscription(
                    mailing_list=mailing_list,
                    email=f"leser-{size}-{number}@example.org",
                    language="en" if number % 5 == 0 else "de",
                    status=SubscriptionStatus.CONFIRMED,
                    confirmed_at=now,
                )
                for number in range(size)
            ],
            batch_size=5000,
        )
    return mailing_list


def bench_image():
    image = Image.objects.filter(title="Newsletter-Benchmark").first()
    if image is None:
        picture = PILImage.new("RGB", (1600, 900), (36, 87, 47))
        path = ROOT / "var" / "bench" / "newsletter.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        picture.save(path)
        with path.open("rb") as handle:
            image = Image.objects.create(
                title="Newsletter-Benchmark", file=ImageFile(handle, name="newsletter.png")
            )
    return image


def fresh_issue(mailing_list):
    issue = NewsletterIssue.objects.create(subject="Frühling im Netzwerk", preheader="Drei neue Regionen")
    blocks = [("heading", {"text": "Neue Regionen", "level": "h2"})]
    blocks += [("paragraph", PARAGRAPH)] * 4
    blocks += [
        ("image", {"image": bench_image(), "caption": "Das Lastenrad", "attribution": "Foto: Netzwerk"})
    ]
    blocks += [
        (
            "call_to_action",
            {
                "title": "Mitmachen",
                "text": "Jetzt eine Region starten.",
                "button_label": "Los geht's",
                "page": None,
                "url": "https://example.org/los",
            },
        )
    ]
    issue.body = StreamValue(issue.body.stream_block, blocks, is_lazy=False)
    issue.save()
    issue.lists.set([mailing_list])
    return issue


def run_measured(command, env):
    """Run ``command``; (seconds, peak resident MB, output) of that process alone."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # noqa: S603
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    output = process.stdout.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command} failed:\n{output}")
    return seconds, usage.ru_maxrss / 1024, output


def start_sink(port):
    sink = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Sink"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1.5)
    return sink


def baseline(issue_id, port):
    """The same mails, all built first, then one connection and one loop (``send_mass_mail``'s way)."""
    issue = NewsletterIssue.objects.get(pk=issue_id)
    mail = IssueMail(issue)
    seen, messages = set(), []
    for subscription in sending.receiving(issue).order_by("pk"):
        if subscription.email not in seen:
            seen.add(subscription.email)
            messages.append(mail.message(subscription.email, subscription))
    connection = get_connection(
        "django.core.mail.backends.smtp.EmailBackend", host="127.0.0.1", port=port, fail_silently=False
    )
    sent = connection.send_messages(messages)
    print(f"baseline sent {sent}")


def measure(size, port, env):
    mailing_list = bench_list(size)
    NewsletterIssue.objects.filter(subject="Frühling im Netzwerk").delete()
    DBTaskResult.objects.all().delete()
    issue = fresh_issue(mailing_list)
    IssueMail(issue).rendered("de")  # the image's rendition exists before either run

    sending.send_now(issue)
    worker_s, worker_mb, output = run_measured(
        [sys.executable, "manage.py", "run_worker", "--batch", "--interval", "0"], env
    )
    issue.refresh_from_db()
    sent = Delivery.objects.filter(issue=issue, status=DeliveryStatus.SENT).count()
    if issue.status != IssueStatus.SENT or sent != size:
        raise SystemExit(f"the worker sent {sent} of {size} ({issue.status}):\n{output[-2000:]}")

    base_s, base_mb, output = run_measured(
        [sys.executable, __file__, "--baseline", str(issue.pk), "--port", str(port)], env
    )
    if f"baseline sent {size}" not in output:
        raise SystemExit(f"the baseline did not send every mail:\n{output[-2000:]}")
    return {"size": size, "worker_s": worker_s, "worker_mb": worker_mb, "base_s": base_s, "base_mb": base_mb}


def idle_worker_mb(env):
    """A worker with nothing to do: what Django and the apps alone take."""
    DBTaskResult.objects.all().delete()
    seconds, megabytes, _output = run_measured(
        [sys.executable, "manage.py", "run_worker", "--batch", "--interval", "0"], env
    )
    return seconds, megabytes


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="2000,20000", help="Subscriber counts, comma-separated.")
    parser.add_argument("--port", type=int, default=8725, help="Port of the SMTP sink.")
    parser.add_argument("--baseline", type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.baseline:
        baseline(arguments.baseline, arguments.port)
        return
    call_command("migrate", verbosity=0)
    env = dict(
        os.environ,
        EMAIL_URL=f"smtp://127.0.0.1:{arguments.port}",
        NEWSLETTER_MAILS_PER_SECOND="1000000",
    )
    sink = start_sink(arguments.port)
    try:
        idle_s, idle = idle_worker_mb(env)
        results = [measure(int(size), arguments.port, env) for size in arguments.sizes.split(",")]
    finally:
        sink.terminate()
        sink.wait()
    print(f"idle worker (start Django, find no task, exit): {idle_s:.1f} s, peak {idle:.0f} MB resident")
    print(f"{'subscribers':>11} | {'hub worker':>26} | {'send_mass_mail loop':>26} | ratio time, memory")
    for r in results:
        net_worker, net_base = r["worker_s"] - idle_s, r["base_s"] - idle_s
        print(
            f"{r['size']:>11,} | {r['worker_s']:6.1f} s {r['size'] / r['worker_s']:6.0f}/s {r['worker_mb']:5.0f} MB | "
            f"{r['base_s']:6.1f} s {r['size'] / r['base_s']:6.0f}/s {r['base_mb']:5.0f} MB | "
            f"{r['worker_s'] / r['base_s']:.2f}x, {r['worker_mb'] / r['base_mb']:.2f}x"
        )
        print(
            f"{'':>11}   without the process start ({idle_s:.1f} s): hub {r['size'] / net_worker:.0f} mails/s, "
            f"loop {r['size'] / net_base:.0f} mails/s, ratio {net_worker / net_base:.2f}x"
        )
    if len(results) > 1:
        small, large = results[0], results[-1]
        print(
            f"memory growth from {small['size']:,} to {large['size']:,}: worker "
            f"{large['worker_mb'] - small['worker_mb']:+.0f} MB, baseline {large['base_mb'] - small['base_mb']:+.0f} MB"
        )


if __name__ == "__main__":
    main()
