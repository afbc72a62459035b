"""Posting views with our posting rules: too soon or too many topics → 429 with the text kept in the form."""

from django.http import Http404

import rules
from machina.apps.forum_conversation import views as machina_views

from forum import policy


class PostingPolicyMixin:
    """Refuses the save (never the preview) when forum/policy.py says no; the form is shown again."""

    new_topic = False

    def form_valid(self, post_form, *args, **kwargs):
        if not self.preview:
            refusal = policy.check(
                self.request.user, self.get_forum(), self.request.forum_permission_handler, self.new_topic
            )
            if refusal:
                post_form.add_error(None, refusal.message)
                response = self.form_invalid(post_form, *args, **kwargs)
                response.status_code = 429
                response["Retry-After"] = str(refusal.retry_after)
                return response
        return super().form_valid(post_form, *args, **kwargs)


class TopicCreateView(PostingPolicyMixin, machina_views.TopicCreateView):
    new_topic = True

    def get_forum(self):
        forum = super().get_forum()
        if forum is not None and not forum.is_forum:
            raise Http404  # categories and links take no topics
        return forum


class PostCreateView(PostingPolicyMixin, machina_views.PostCreateView):
    def get_topic(self):
        topic = super().get_topic()
        if topic is not None and topic.forum_id != int(self.kwargs["forum_pk"]):
            raise Http404
        return topic


class TopicView(machina_views.TopicView):
    """machina's topic page, plus what our buttons need (subscription state, report link)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        topic = context["topic"]
        context["topic_subscribed"] = user.is_authenticated and topic.has_subscriber(user)
        context["can_subscribe_topic"] = (
            rules.has_perm("hub_forum.subscribe", user) and not context["topic_subscribed"]
        )
        context["can_report"] = rules.has_perm("hub_forum.report_post", user)
        return context
