"""The members' settings page and what an unsubscribe link switches off."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from home.models import FieldOfAction
from members.rules import is_editor
from notifications.models import DEFAULT_REGION_FREQUENCY, Follow, Frequency, Preferences
from notifications.recipients import field_frequencies, region_frequencies
from regions.models import RegionMembership, attach_shown_regions

FIELD_CHOICES = [
    (Frequency.NEVER, _("Not followed")),
    *[(choice, label) for choice, label in Frequency.choices if choice != Frequency.NEVER],
]


def is_moderator(user):
    return is_editor(user) or user.groups.filter(region_team__isnull=False).exists()


class SettingsForm(forms.Form):
    """One choice per joined region and per field of action, the switch for everything and, for moderators and
    editors, the switches of their notices. Only the member's own follows are ever written."""

    all_off = forms.BooleanField(label=_("Send me no notifications at all"), required=False)

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.preferences = Preferences.objects.filter(user=user).first() or Preferences(user=user)
        self.fields["all_off"].initial = self.preferences.all_off
        regions = region_frequencies(user)
        memberships = attach_shown_regions(
            RegionMembership.objects.filter(user=user).select_related("region").order_by("region__title")
        )
        self.region_names = []
        for membership in memberships:
            name = f"region_{membership.region_id}"
            self.fields[name] = forms.ChoiceField(
                label=membership.shown_region.title,
                choices=Frequency.choices,
                initial=regions[membership.region_id],
            )
            self.region_names.append(name)
        fields = field_frequencies(user)
        self.field_names = []
        for field_of_action in FieldOfAction.objects.order_by("order", "name"):
            name = f"field_{field_of_action.pk}"
            self.fields[name] = forms.ChoiceField(
                label=field_of_action.label,
                choices=FIELD_CHOICES,
                initial=fields.get(field_of_action.pk, Frequency.NEVER),
            )
            self.field_names.append(name)
        self.moderator_names = []
        if is_moderator(user):
            self.fields["reports"] = forms.BooleanField(
                label=_("Reports of posts in the forums I moderate"),
                required=False,
                initial=self.preferences.reports,
            )
            self.moderator_names.append("reports")
        if is_editor(user):
            self.fields["applications"] = forms.BooleanField(
                label=_("New applications to start a region"),
                required=False,
                initial=self.preferences.applications,
            )
            self.moderator_names.append("applications")

    def unknown_keys(self):
        """Posted choices for regions or fields this member cannot set (not joined, unknown, another's)."""
        return [key for key in self.data if key.startswith(("region_", "field_")) and key not in self.fields]

    @transaction.atomic
    def save(self):
        user, data = self.user, self.cleaned_data
        for name in self.region_names:
            region_id = int(name.removeprefix("region_"))
            if data[name] == DEFAULT_REGION_FREQUENCY:
                Follow.objects.filter(user=user, region_id=region_id).delete()
            else:
                Follow.objects.update_or_create(
                    user=user, region_id=region_id, defaults={"frequency": data[name]}
                )
        for name in self.field_names:
            field_id = int(name.removeprefix("field_"))
            if data[name] == Frequency.NEVER:
                Follow.objects.filter(user=user, field_id=field_id).delete()
            else:
                Follow.objects.update_or_create(
                    user=user, field_id=field_id, defaults={"frequency": data[name]}
                )
        self.preferences.all_off = data["all_off"]
        for name in self.moderator_names:
            setattr(self.preferences, name, data[name])
        # Only the switches: the digest bookkeeping on the same row belongs to the digest tasks.
        if self.preferences.pk is None:
            self.preferences.save()
        else:
            self.preferences.save(update_fields=["all_off", *self.moderator_names])


@transaction.atomic
def stop(user, stream):
    """Switch off what an unsubscribe link names: the member's follows of one frequency (a digest, or the
    immediate mails), one of the moderators' notices, or everything ("all")."""
    if stream in (Frequency.IMMEDIATELY, Frequency.DAILY, Frequency.WEEKLY):
        for region_id, frequency in region_frequencies(user).items():
            if frequency == stream:
                Follow.objects.update_or_create(
                    user=user, region_id=region_id, defaults={"frequency": Frequency.NEVER}
                )
        Follow.objects.filter(user=user, field__isnull=False, frequency=stream).delete()
        return
    switch = {"all": "all_off"}.get(stream, stream)
    value = stream == "all"
    Preferences.objects.update_or_create(user=user, defaults={switch: value})
