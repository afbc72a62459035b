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
                    "Der Beitrag ist zu lang: höchstens %(limit_value)d Zeichen, dein Text hat %(show_value)d. "
                    "Teile ihn bitte auf mehrere Beiträge auf."
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
        if "poll_hide_results" in self.fields:  # missing from machina's German catalogue
            self.fields["poll_hide_results"].label = _("Ergebnisse verbergen?")
            self.fields["poll_hide_results"].help_text = _(
                "Dann sieht nur die Person, die das Thema eröffnet hat, die Ergebnisse."
            )
