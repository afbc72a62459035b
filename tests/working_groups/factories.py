"""Working groups: ``WorkingGroupFactory`` (open, public forum by default) and ``ProgressReportFactory``."""

import factory
from factory.django import DjangoModelFactory

from working_groups.models import Membership, MembershipStatus, ProgressReport, WorkingGroup


class WorkingGroupFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"AG Nummer {n}")
    slug = factory.Sequence(lambda n: f"ag-{n}")
    description = "Wir treffen uns monatlich."

    class Meta:
        model = WorkingGroup


class ProgressReportFactory(DjangoModelFactory):
    group = factory.SubFactory(WorkingGroupFactory)
    title = factory.Sequence(lambda n: f"Bericht {n}")
    text = "Wir haben angefangen."

    class Meta:
        model = ProgressReport


def add_member(group, user, contact=False, show_name=False):
    return Membership.objects.create(
        group=group,
        user=user,
        status=MembershipStatus.MEMBER,
        is_contact=contact,
        show_name=show_name,
        joined_at=group.created_at,
    )
