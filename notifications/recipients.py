"""Who may get a notification at all, and what a member follows how often.

A mail goes only to an active account whose address is confirmed (allauth's verified record of that address), is
not suppressed (bounced or marked as spam: ``newsletters.models.Suppression``) and has not switched every
notification off. Everything here is asked when the mail is built, in the task, so a deletion, an unsubscribe
or a bounce stops mails already waiting in the queue.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower

from allauth.account.models import EmailAddress

from members.models import User
from members.roles import EDITORS
from newsletters.models import Suppression
from notifications.models import DEFAULT_REGION_FREQUENCY, Follow, Frequency, Preferences
from regions.models import RegionMembership


def mailable(users=None):
    """``users`` (all users by default) narrowed to those a notification may go to."""
    users = User.objects.all() if users is None else users
    confirmed = EmailAddress.objects.filter(
        user=OuterRef("pk"), email__iexact=OuterRef("email"), verified=True
    )
    suppressed = Suppression.objects.filter(email=Lower(OuterRef("email")))
    switched_off = Preferences.objects.filter(user=OuterRef("pk"), all_off=True)
    return (
        users.filter(is_active=True)
        .exclude(email="")
        .filter(Exists(confirmed))
        .exclude(Exists(suppressed))
        .exclude(Exists(switched_off))
    )


def region_frequencies(user):
    """``{region_id: frequency}`` of the regions ``user`` joined: weekly unless they chose otherwise."""
    joined = RegionMembership.objects.filter(user=user).values_list("region_id", flat=True)
    chosen = dict(
        Follow.objects.filter(user=user, region__isnull=False).values_list("region_id", "frequency")
    )
    return {region_id: chosen.get(region_id, DEFAULT_REGION_FREQUENCY) for region_id in joined}


def field_frequencies(user):
    """``{field_id: frequency}`` of the fields of action ``user`` chose."""
    return dict(Follow.objects.filter(user=user, field__isnull=False).values_list("field_id", "frequency"))


def followed(user, frequency):
    """(region ids, field ids) ``user`` follows with ``frequency``."""
    regions = {pk for pk, chosen in region_frequencies(user).items() if chosen == frequency}
    fields = {pk for pk, chosen in field_frequencies(user).items() if chosen == frequency}
    return regions, fields


def digest_readers(frequency):
    """Ids of the members who may be due a digest of ``frequency`` (the task of each decides whether there is
    anything new): those with a follow of that frequency, and for the weekly one everybody who joined a region
    without choosing another frequency for it."""
    joined = RegionMembership.objects.filter(user=OuterRef("user_id"), region=OuterRef("region_id"))
    chosen = Follow.objects.filter(frequency=frequency).filter(Q(field__isnull=False) | Exists(joined))
    condition = Q(pk__in=chosen.values("user_id"))
    if frequency == DEFAULT_REGION_FREQUENCY:
        own_choice = Follow.objects.filter(user=OuterRef("user_id"), region=OuterRef("region_id"))
        by_default = RegionMembership.objects.exclude(Exists(own_choice))
        condition |= Q(pk__in=by_default.values("user_id"))
    return list(mailable(User.objects.filter(condition)).order_by("pk").values_list("pk", flat=True))


def immediate_readers(region_ids, field_ids):
    """The members to tell at once about something of these regions or fields (a region counts only while the
    member is in it)."""
    joined = RegionMembership.objects.filter(user=OuterRef("user_id"), region=OuterRef("region_id"))
    follows = Follow.objects.filter(frequency=Frequency.IMMEDIATELY).filter(
        Q(field_id__in=field_ids) | (Q(region_id__in=region_ids) & Exists(joined))
    )
    return list(mailable(User.objects.filter(pk__in=follows.values("user_id"))).order_by("pk"))


def moderators_wanting(users, switch):
    """``users`` narrowed to those who may get mail and left ``switch`` on."""
    off = Preferences.objects.filter(user=OuterRef("pk"), **{switch: False})
    return list(mailable(users).exclude(Exists(off)).distinct().order_by("pk"))


def editors():
    return User.objects.filter(groups__name=EDITORS)


def region_team(region_id):
    return User.objects.filter(groups__region_team__region_id=region_id)
