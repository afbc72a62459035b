"""Our additions to machina's forums: links to regions, fields of action and actions, subscriptions, reports.

Careful with names here: machina's class loader looks up ``forum.models`` in this package before its own
forum app, so never define a name machina's own ``forum.models`` exports (``Forum``, ``ForumReadTrack`` …).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from machina.apps.forum.models import Forum as MachinaForum


class FieldForum(models.Model):
    """The forum of a field of action (category "Handlungsfelder")."""

    field = models.OneToOneField(
        "home.FieldOfAction",
        on_delete=models.CASCADE,
        related_name="forum_link",
        verbose_name=_("field of action"),
    )
    forum = models.OneToOneField(
        "forum.Forum", on_delete=models.CASCADE, related_name="field_link", verbose_name=_("forum")
    )

    class Meta:
        verbose_name = _("forum of a field of action")
        verbose_name_plural = _("forums of the fields of action")

    def __str__(self):
        return str(self.forum)


class RegionForum(models.Model):
    """The forum of a Mitmach-Region (category "Regionen"). Outlives the region page: it is then closed."""

    region = models.OneToOneField(
        "regions.RegionPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="forum_link",
        verbose_name=_("region"),
    )
    forum = models.OneToOneField(
        "forum.Forum", on_delete=models.CASCADE, related_name="region_link", verbose_name=_("forum")
    )
    closed = models.BooleanField(
        _("closed"), default=False, help_text=_("Region not (or no longer) published, or deleted.")
    )

    class Meta:
        verbose_name = _("forum of a region")
        verbose_name_plural = _("forums of the regions")

    def __str__(self):
        return str(self.forum)


class ProjectForum(MachinaForum):
    """A forum in the category "Themen & Projekte": the ones editors create and rename in the admin."""

    class Meta:
        proxy = True
        verbose_name = _("forum on topics & projects")
        verbose_name_plural = _("forums on topics & projects")


class ActionDiscussion(models.Model):
    """The topic in which an action of the pool is discussed (created on first use)."""

    action = models.OneToOneField(
        "actions.ActionPage", on_delete=models.CASCADE, related_name="discussion", verbose_name=_("action")
    )
    topic = models.OneToOneField(
        "forum_conversation.Topic",
        on_delete=models.CASCADE,
        related_name="action_discussion",
        verbose_name=_("topic"),
    )

    class Meta:
        verbose_name = _("discussion of an action")
        verbose_name_plural = _("discussions of actions")

    def __str__(self):
        return str(self.topic)


class ForumSubscription(models.Model):
    """A member who gets an e-mail for every new post in a forum (machina only has topic subscriptions)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_subscriptions"
    )
    forum = models.ForeignKey("forum.Forum", on_delete=models.CASCADE, related_name="email_subscriptions")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("forum subscription")
        verbose_name_plural = _("forum subscriptions")
        constraints = [models.UniqueConstraint(fields=["user", "forum"], name="unique_forum_subscription")]

    def __str__(self):
        return f"{self.user} → {self.forum}"


class PostReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class PostReport(models.Model):
    """A member's report of a post to the forum's moderators."""

    post = models.ForeignKey("forum_conversation.Post", on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_reports"
    )
    reason = models.TextField(_("reason"), max_length=1000)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resolved_forum_reports",
    )

    objects = PostReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=models.Q(resolved_at__isnull=True),
                name="one_open_report_per_member_and_post",
            )
        ]

    def __str__(self):
        return f"{self.post} ({self.reporter})"


class GroupForum(models.Model):
    """The forum of a working group (category "Arbeitsgruppen"). Closed when the group is inactive, has no forum
    any more or is deleted (posts are kept); a members-only group's forum is hidden from everyone else by our
    permission handler (forum/machina/forum_permission/handler.py)."""

    group = models.OneToOneField(
        "working_groups.WorkingGroup",
        null=True,
        on_delete=models.SET_NULL,
        related_name="forum_link",
        verbose_name=_("working group"),
    )
    forum = models.OneToOneField(
        "forum.Forum", on_delete=models.CASCADE, related_name="group_link", verbose_name=_("forum")
    )
    closed = models.BooleanField(_("closed"), default=False)
    # Once members-only, always private: its posts were written for the group's members. Such a forum is never
    # made public; a group that switches to a public forum gets a new one (forum/structure.py).
    members_only = models.BooleanField(_("members only"), default=False)

    class Meta:
        verbose_name = _("forum of a working group")
        verbose_name_plural = _("forums of the working groups")

    def __str__(self):
        return str(self.forum)
