"""Two threads and two processes race for the last seat on PostgreSQL: one gets it, the other waits; nobody is
over-booked, nobody lost."""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

import pytest

from event_registrations.models import Registration, Status
from tests.event_registrations.helpers import event_with_registration, register_member
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
ROOT = Path(__file__).resolve().parents[2]


def _race(event, users):
    barrier = threading.Barrier(len(users))
    errors = []

    def run(user):
        try:
            barrier.wait()
            register_member(event, user)
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_two_threads_race_for_the_last_seat(event_index):
    event = event_with_registration(event_index, capacity=1)
    users = [UserFactory(verified=True) for _ in range(2)]
    assert _race(event, users) == []
    statuses = sorted(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses == [Status.CONFIRMED, Status.WAITING]


def test_two_processes_race_for_the_last_seat(event_index):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    event = event_with_registration(event_index, capacity=1)
    users = [UserFactory(verified=True) for _ in range(2)]
    db = settings.DATABASES["default"]
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "hub.settings.test"}
    code = (
        "import time,sys;from event_registrations import seats;from hub_events.models import EventPage;"
        "from members.models import User;u=User.objects.get(pk=int(sys.argv[2]));e=EventPage.objects.get(pk=int(sys.argv[3]));"
        "t=float(sys.argv[4]);time.sleep(max(0,t-time.time()));"
        "seats.register(e,None,user=u,name='x',email=u.email,language='de',answers=[],consent_text='ok')"
    )
    start_at = str(time.time() + 4)
    runner = "import django,sys;django.setup();exec(sys.argv[1])"
    processes = [
        subprocess.Popen(  # noqa: S603 (our own code, our own interpreter)
            [sys.executable, "-c", runner, code, str(user.pk), str(event.pk), start_at],
            cwd=ROOT,
            env=env,
            stderr=subprocess.PIPE,
        )
        for user in users
    ]
    for process in processes:
        _out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()[-2000:]
    statuses = sorted(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses == [Status.CONFIRMED, Status.WAITING]
