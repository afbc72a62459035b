"""Admin forms and panels that keep regional moderators inside their own region, and the editors' initiative form.

Page permissions already confine a moderator to their region's subtree, but two things reach further than
the tree: the regions a page is *tagged* with (``EventPage.regions``, ``NewsPage.regions`` — what a region's
public page lists, and for an event who may edit it) and the region's team (``RegionPage.moderators`` — which
grants admin rights). Both are limited here; editors and superusers keep every choice.
"""

import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.panels import InlinePanel

import rules

from members.roles import MEMBERS
from members.validators import reencode_avatar, validate_avatar
from regions.rules import moderated_regions

REGION_FIELDS = ("regions",)
TEAM_RELATION = "moderators"


def _initial_pks(value):
    """The primary keys in a form's initial value for a many-to-many field."""
    if not value:
        return []
    return [getattr(item, "pk", item) for item in value if item]


class RegionScopedPageForm(WagtailAdminPageForm):
    """For events and news: a moderator may tag a page only with the regions they moderate; posting another
    region is a form error.

    News (``keeps_other_regions = False``): the regions the page already has stay selectable, so a moderator may
    untick another region on their news item (an editor's earlier choice is not silently dropped either).

    Events (``keeps_other_regions = True``, ``hub_events.forms.EventPageForm``): tagging an event with a region
    gives that region's team rights on it (``hub_events.permissions``), so the other regions are the other
    teams' to remove: they are not offered and stay on the page whatever is posted; the field's help names them.
    """

    keeps_other_regions = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept_regions = {}
        if rules.has_perm("regions.change_team", self.for_user):  # editors, superusers and code: every region
            return
        allowed = moderated_regions(self.for_user).values("pk")
        for name in REGION_FIELDS:
            field = self.fields.get(name)
            if field is None:
                continue
            current = _initial_pks(self.initial.get(name)) if self.instance.pk else []
            if not self.keeps_other_regions:
                field.queryset = field.queryset.filter(Q(pk__in=allowed) | Q(pk__in=current))
                continue
            kept = field.queryset.filter(pk__in=current).exclude(pk__in=allowed).order_by("title")
            self.kept_regions[name] = list(kept)
            field.queryset = field.queryset.filter(pk__in=allowed)
            if self.kept_regions[name]:
                titles = ", ".join(region.title for region in self.kept_regions[name])
                field.help_text = _(
                    "Also in: %(regions)s. Only their regional teams or the editors can remove these."
                ) % {"regions": titles}

    def clean(self):
        cleaned_data = super().clean()
        for name, kept in self.kept_regions.items():
            if kept and name in cleaned_data:
                chosen = {region.pk for region in cleaned_data[name] or []}
                model = self.fields[name].queryset.model
                cleaned_data[name] = model.objects.filter(pk__in=chosen | {region.pk for region in kept})
        return cleaned_data


class RegionModeratorForm(WagtailAdminModelForm):
    """A row of a region's team: only verified members can be chosen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("user")
        if field is not None:
            field.queryset = get_user_model().objects.filter(groups__name=MEMBERS).order_by("pk")


class RegionPageForm(WagtailAdminPageForm):
    """The team of a region is the editors' call: for everyone else the team formset is not in the form.

    Without the formset, posted team rows are ignored and the page keeps its saved team — also when the form
    edits an older revision (the admin's "revert") or an API request, whose instance may carry an older team.
    The model guards the same for revisions and publishing (``regions.models.RegionPage``).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not rules.has_perm("regions.change_team", self.for_user):
            self.formsets.pop(TEAM_RELATION, None)

    def save(self, commit=True):
        # A page that is not live is saved in place (not only as a revision): keep its saved team.
        if not rules.has_perm("regions.change_team", self.for_user):
            self.instance.keep_saved_team()
        return super().save(commit=commit)


class TeamInlinePanel(InlinePanel):
    """The team InlinePanel: verified members only, and hidden when the form has no team formset."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = RegionModeratorForm
        return options

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, panel, instance, request, form, prefix):
            if form is not None and panel.relation_name not in form.formsets:
                form = None  # InlinePanel.BoundPanel then builds no rows
            super().__init__(panel=panel, instance=instance, request=request, form=form, prefix=prefix)

        def is_shown(self):
            return self.form is not None and super().is_shown()


class InitiativeAdminForm(WagtailAdminModelForm):
    """The editors' form of an initiative: a logo uploaded here gets the checks of the members' form (its content,
    at most 2 MB, re-encoded without metadata under a name that reveals nothing), and a replaced one goes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._previous_logo = self.instance.logo.name if self.instance.pk and self.instance.logo else ""

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "content_type"):  # a new upload, not the stored file
            validate_avatar(logo)
            return reencode_avatar(logo, uuid.uuid4().hex)
        return logo

    def save(self, commit=True):
        instance = super().save(commit=commit)
        previous = self._previous_logo
        if commit and previous and previous != (instance.logo.name or ""):
            # robust: a file that cannot be deleted is no reason to fail a change already saved.
            transaction.on_commit(lambda: instance.logo.storage.delete(previous), robust=True)
        return instance
