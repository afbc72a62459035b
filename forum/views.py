"""Our forum views: forum subscriptions, reports, action discussions, and bounded forum listings.

``IndexView`` and ``ForumView`` replace machina's (forum/urls.py resolves them first at the same URLs): the
same views with the related rows their templates need fetched up front, so a page costs a fixed number of
queries.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

import rules
from machina.apps.forum import views as machina_forum_views
from machina.apps.forum.models import Forum as MachinaForum
from machina.apps.forum_conversation.models import Post, Topic
from machina.apps.forum_feeds import feeds as machina_feeds
from machina.apps.forum_member import views as machina_member_views

from actions.models import ActionPage
from common.language import locale_id
from forum import structure
from forum.models import ActionDiscussion, ForumSubscription, PostReport

SYSTEM_NAME = "Mitmach-Hub"


def topic_url(topic, post=None):
    url = reverse(
        "forum_conversation:topic",
        kwargs={
            "forum_slug": topic.forum.slug,
            "forum_pk": topic.forum_id,
            "slug": topic.slug,
            "pk": topic.pk,
        },
    )
    return f"{url}?post={post.pk}#{post.pk}" if post else url


def forum_url(forum):
    return reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk})


# --- Listings (replacing machina's) -----------------------------------------------------------------


class IndexView(machina_forum_views.IndexView):
    def get_queryset(self):
        forums = MachinaForum.objects.select_related("last_post__topic__forum", "last_post__poster")
        return machina_forum_views.ForumVisibilityContentTree.from_forums(
            self.request.forum_permission_handler.forum_list_filter(forums, self.request.user)
        )


class ForumView(machina_forum_views.ForumView):
    def get_queryset(self):
        return super().get_queryset().select_related("first_post", "last_post__poster")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        forum = context["forum"]
        context["forum_subscribed"] = (
            user.is_authenticated and ForumSubscription.objects.filter(user=user, forum=forum).exists()
        )
        context["can_subscribe_forum"] = forum.is_forum and rules.has_perm("hub_forum.subscribe", user)
        return context


def no_such_member(request):
    """A member profile address whose pk is not a number (forum/urls.py)."""
    raise Http404(_("This member does not exist."))


# --- Feeds (replacing machina's, which list every topic) ------------------------------------------


class LastTopicsFeed(machina_feeds.LastTopicsFeed):
    """machina's topic feed, bounded to the latest topics and with the rows its templates need."""

    limit = 30

    def items(self):
        return super().items().select_related("forum", "poster", "first_post", "last_post")[: self.limit]


# --- Search (replacing machina's haystack search at the same URL) ----------------------------------

SEARCH_MIN_LENGTH = 3
SEARCH_MAX_LENGTH = 100
SEARCH_PAGE_SIZE = 20


def search(request):
    """Approved posts whose subject or text contains ``q``, in the forums the user may read."""
    query = " ".join(request.GET.get("q", "").split())
    error = ""
    page = None
    if query and len(query) < SEARCH_MIN_LENGTH:
        error = _("Please enter at least %(count)d characters.") % {"count": SEARCH_MIN_LENGTH}
    elif len(query) > SEARCH_MAX_LENGTH:
        error = _("Please enter at most %(count)d characters.") % {"count": SEARCH_MAX_LENGTH}
    elif query:
        readable = request.forum_permission_handler.get_readable_forums(
            MachinaForum.objects.all(), request.user
        )
        posts = (
            Post.objects.filter(
                approved=True,
                topic__approved=True,
                topic__forum__in=readable,
            )
            .filter(Q(subject__icontains=query) | Q(content__icontains=query))
            .select_related("topic__forum", "poster")
            .order_by("-created", "-pk")
        )
        page = Paginator(posts, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "forum/search.html",
        {
            "query": query,
            "error": error,
            "page_obj": page,
            "paginator": page.paginator if page else None,
            "is_paginated": bool(page and page.has_other_pages()),
            "extra_params": urlencode({"q": query}),
        },
        status=400 if error else 200,
    )


# --- Subscriptions ----------------------------------------------------------------------------------


def _readable_forum(request, pk):
    forum = get_object_or_404(MachinaForum, pk=pk, type=MachinaForum.FORUM_POST)
    if not request.forum_permission_handler.can_read_forum(forum, request.user):
        raise Http404
    return forum


@require_POST
@login_required
def forum_subscribe(request, pk):
    forum = _readable_forum(request, pk)
    if not rules.has_perm("hub_forum.subscribe", request.user):
        raise PermissionDenied(_("Only confirmed members can subscribe to forums."))
    try:
        with transaction.atomic():
            ForumSubscription.objects.get_or_create(user=request.user, forum=forum)
    except IntegrityError:
        pass  # a double click: the other request subscribed at the same moment
    messages.success(
        request,
        _("You have subscribed to the forum “%(name)s”: new posts come by email.") % {"name": forum.name},
    )
    return HttpResponseRedirect(forum_url(forum))


@require_POST
@login_required
def forum_unsubscribe(request, pk):
    forum = get_object_or_404(MachinaForum, pk=pk)
    ForumSubscription.objects.filter(user=request.user, forum=forum).delete()
    messages.success(
        request, _("Your subscription to the forum “%(name)s” has ended.") % {"name": forum.name}
    )
    return HttpResponseRedirect(forum_url(forum))


class TopicSubscribeView(machina_member_views.TopicSubscribeView):
    """machina's topic subscription, for verified members only."""

    def perform_permissions_check(self, user, obj, perms):
        return rules.has_perm("hub_forum.subscribe", user) and super().perform_permissions_check(
            user, obj, perms
        )


class TopicSubscriptionListView(machina_member_views.TopicSubscriptionListView):
    """machina's list of the member's topic subscriptions, limited to the forums they may read: a members-only
    group's forum they left, or a closed forum, shows no titles there."""

    def get_queryset(self):
        readable = self.request.forum_permission_handler.get_readable_forums(
            MachinaForum.objects.all(), self.request.user
        )
        return super().get_queryset().filter(forum__in=readable)


# --- Reports ----------------------------------------------------------------------------------------


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("What is wrong with this post?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": 1000}),
    )


@login_required
def report_post(request, pk):
    post = get_object_or_404(Post.objects.select_related("topic__forum", "poster"), pk=pk, approved=True)
    forum = post.topic.forum
    if not request.forum_permission_handler.can_read_forum(forum, request.user):
        raise Http404
    if not rules.has_perm("hub_forum.report_post", request.user):
        raise PermissionDenied(_("Only confirmed members can report posts."))
    already = PostReport.objects.open().filter(post=post, reporter=request.user).exists()
    form = ReportForm(request.POST or None)
    if request.method == "POST" and not already and form.is_valid():
        try:
            with transaction.atomic():
                PostReport.objects.create(
                    post=post, reporter=request.user, reason=form.cleaned_data["reason"]
                )
        except IntegrityError:
            pass  # a second click at the same moment: the first report counts
        messages.success(request, _("Thank you! The moderators will look at the post."))
        return HttpResponseRedirect(topic_url(post.topic, post))
    return render(
        request,
        "forum/report_form.html",
        {"post": post, "topic": post.topic, "forum": forum, "form": form, "already": already},
        status=400 if request.method == "POST" and not already else 200,
    )


def _moderated_forum_ids(request):
    return [f.pk for f in request.forum_permission_handler.get_moderation_queue_forums(request.user)]


@login_required
def report_list(request):
    forum_ids = _moderated_forum_ids(request)
    if not forum_ids:
        raise PermissionDenied(_("This page is for moderators."))
    reports = (
        PostReport.objects.open()
        .filter(post__topic__forum_id__in=forum_ids)
        .select_related("post__topic__forum", "post__poster", "reporter")
        .order_by("created_at")[:200]
    )
    return render(request, "forum/report_list.html", {"reports": reports})


@require_POST
@login_required
def report_resolve(request, pk):
    report = get_object_or_404(PostReport.objects.select_related("post__topic"), pk=pk)
    if report.post.topic.forum_id not in _moderated_forum_ids(request):
        raise PermissionDenied
    if report.resolved_at is None:
        report.resolved_at = timezone.now()
        report.resolved_by = request.user
        report.save(update_fields=["resolved_at", "resolved_by"])
        messages.success(request, _("The report has been marked as resolved."))
    return redirect("hub_forum:reports")


# --- Action discussions -----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def action_discussion(request, page_id):
    """The topic about an action of the pool: GET goes there (or explains there is none yet), only a
    verified member's POST creates it — never a GET, which crawlers follow."""
    action = ActionPage.objects.live().public().filter(pk=page_id).first()
    if action is None:
        raise Http404(_("This action does not exist (or is not published)."))
    shown = action
    # One discussion per action in both languages: the German page's, also from its English page.
    if action.locale_id != locale_id(settings.LANGUAGE_CODE):
        action = (
            ActionPage.objects.live()
            .public()
            .filter(translation_key=action.translation_key, locale_id=locale_id(settings.LANGUAGE_CODE))
            .first()
            or action
        )
    discussion = ActionDiscussion.objects.select_related("topic__forum").filter(action=action).first()
    if discussion is not None:
        return HttpResponseRedirect(topic_url(discussion.topic))
    can_start = rules.has_perm("hub_forum.start_action_discussion", request.user)
    if request.method == "POST":
        if not can_start:
            raise PermissionDenied(_("Only confirmed members can start a discussion."))
        discussion = start_action_discussion(action, request)
        return HttpResponseRedirect(topic_url(discussion.topic))
    return render(request, "forum/action_discussion_start.html", {"action": shown, "can_start": can_start})


def _opening_post(action, url):
    with translation.override(settings.LANGUAGE_CODE):
        return _(
            "Here we discuss the action **[%(title)s](%(url)s)** from the action pool: "
            "experiences, questions, tips for putting it into practice.\n\n%(summary)s"
        ) % {"title": action.title, "url": url, "summary": action.summary}


def start_action_discussion(action, request=None):
    """The topic about ``action`` in the forum of its first field of action; race-safe (one per action).

    The first post is written in German, the network's language (``settings.LANGUAGE_CODE``), whatever the
    language of the member who starts the discussion; what members post stays as written."""
    field = action.fields_of_action.order_by("order", "name").first()
    if field is None:
        raise Http404(_("This action has no field of action yet."))
    forum = structure.field_forum(field)
    url = request.build_absolute_uri(action.url) if request else action.full_url
    try:
        with transaction.atomic():
            topic = Topic.objects.create(
                forum=forum,
                subject=action.title[:255],
                type=Topic.TOPIC_POST,
                status=Topic.TOPIC_UNLOCKED,
                approved=True,
            )
            Post.objects.create(
                topic=topic,
                subject=action.title[:255],
                username=SYSTEM_NAME,
                approved=True,
                content=_opening_post(action, url),
            )
            return ActionDiscussion.objects.create(action=action, topic=topic)
    except IntegrityError:
        # Another request created it at the same moment: ours was rolled back, theirs is the one.
        return ActionDiscussion.objects.select_related("topic__forum").get(action=action)
