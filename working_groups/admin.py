"""Groups in Wagtail's admin: editors manage every group, a region's team only its regions' groups (another
region's group is out of reach, 404). The form chooses the contact persons among the group's members."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies.base import ModelPermissionPolicy

from members.roles import EDITORS
from members.rules import is_editor
from regions.models import RegionPage, RegionTeam, network_locale_id
from regions.rules import moderated_regions
from working_groups.models import Membership, MembershipStatus, WorkingGroup
from working_groups.rules import managed_groups, manages_group

MAX_CONTACTS = 10


def may_manage_groups(user):
    return bool(is_editor(user) or moderated_regions(user).exists())


class MemberChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return str(obj.public_name)


class GroupForm(WagtailAdminModelForm):
    """A team chooses one of its regions (required for them); editors any region, or none for the network.

    Contact persons are chosen among the group's members, by their public name: joining the group is a member's
    own step, and a contact person is shown by that name only. No addresses appear here. Whoever creates or edits
    the group may make themselves a contact person (a new group has no members yet)."""

    contacts = MemberChoiceField(
        label=gettext_lazy("Contact persons"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Chosen among the group's members. The group page shows their public name; they accept or decline "
            "requests and write progress reports."
        ),
    )
    make_me_contact = forms.BooleanField(
        label=gettext_lazy("Make me a contact person of this group"),
        required=False,
        help_text=gettext_lazy(
            "You become a member of the group and its contact person, shown by your public name."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "contacts" in self.fields:
            members = get_user_model().objects.none()
            if self.instance.pk:
                members = get_user_model().objects.filter(
                    group_memberships__group=self.instance, group_memberships__status=MembershipStatus.MEMBER
                )
                self.fields["contacts"].initial = list(
                    Membership.objects.contacts()
                    .filter(group=self.instance)
                    .values_list("user_id", flat=True)
                )
            self.fields["contacts"].queryset = members.order_by("display_name", "pk")
        if "region" in self.fields and self.for_user is not None:
            regions = RegionPage.objects.filter(locale_id=network_locale_id())
            if not is_editor(self.for_user):
                regions = moderated_regions(self.for_user)
                self.fields["region"].required = True
            self.fields["region"].queryset = regions.order_by("title")

    def clean_contacts(self):
        users = list(self.cleaned_data.get("contacts") or [])
        if len(users) > MAX_CONTACTS:
            raise forms.ValidationError(_("At most %(max)d contact persons, please.") % {"max": MAX_CONTACTS})
        return users

    def save(self, commit=True):
        if not self.instance.pk and self.for_user is not None:
            self.instance.created_by = self.for_user
        group = super().save(commit=commit)
        if commit:
            users = list(self.cleaned_data.get("contacts") or [])
            if self.cleaned_data.get("make_me_contact") and self.for_user is not None:
                users.append(self.for_user)
            set_contacts(group, users)
        return group


@transaction.atomic
def set_contacts(group, users):
    """``users`` are the group's contact persons (members of it, requests accepted); the others are not."""
    now = timezone.now()
    for user in users:
        membership, _created = Membership.objects.get_or_create(
            group=group, user=user, defaults={"status": MembershipStatus.MEMBER, "joined_at": now}
        )
        if membership.status != MembershipStatus.MEMBER or not membership.is_contact:
            membership.status = MembershipStatus.MEMBER
            membership.joined_at = membership.joined_at or now
            membership.is_contact = True
            membership.save(update_fields=["status", "joined_at", "is_contact"])
    Membership.objects.filter(group=group, is_contact=True).exclude(user__in=users).update(is_contact=False)


class GroupPermissionPolicy(ModelPermissionPolicy):
    """No model permissions needed: editors and regional teams manage groups, each team its regions'. Deleting a
    group (with its reports) is the editors' alone: a team deactivates a group instead."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return bool(is_editor(user))
        return may_manage_groups(user)

    def users_with_any_permission(self, actions):
        teams = RegionTeam.objects.values("group")
        who = Q(is_superuser=True) | Q(groups__name=EDITORS)
        if set(actions) - {"delete"}:
            who |= Q(groups__in=Group.objects.filter(pk__in=teams))
        return get_user_model().objects.filter(who).filter(is_active=True).distinct()

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete":
            return bool(is_editor(user))
        return bool(manages_group(user, instance))

    def instances_user_has_any_permission_for(self, user, actions):
        if not user.is_authenticated or (set(actions) <= {"delete"} and not is_editor(user)):
            return WorkingGroup.objects.none()
        return managed_groups(user)
