"""Post and topic forms with our length limit (machina's own setting would alter its migrations)."""

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from machina.apps.forum_conversation.forms import PostForm as MachinaPostForm
from machina.apps.forum_conversation.forms import TopicForm as MachinaTopicForm


class ContentLimitMixin:
    def _limit_content(self):
        limit = settings.FORUM_POST_MAX_LENGTH
        field = self.fields["content"]
        field.validators.append(
            MaxLengthValidator(
                limit,
                message=_(
                    "The post is too long: at most %(limit_value)d characters, your text has %(show_value)d. "
                    "Please split it into several posts."
                ),
            )
        )
        field.widget.attrs["maxlength"] = limit
        self.fields["subject"].widget.attrs["maxlength"] = self.fields["subject"].max_length or 255


class PostForm(ContentLimitMixin, MachinaPostForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_content()
        self.fields["enable_signature"].widget = forms.HiddenInput()


class TopicForm(ContentLimitMixin, MachinaTopicForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_content()
        self.fields["enable_signature"].widget = forms.HiddenInput()
        topic_type = self.fields["topic_type"]
        topic_type.choices = list(topic_type.choices)
        if len(topic_type.choices) < 2:  # only "normal topic": nothing to choose
            topic_type.widget = forms.HiddenInput()
        if "poll_hide_results" in self.fields:  # machina's msgids, missing from machina's German catalogue
            self.fields["poll_hide_results"].label = _("Hide results?")
            self.fields["poll_hide_results"].help_text = _(
                "If enabled results are hidden to everyone except topic creator."
            )
