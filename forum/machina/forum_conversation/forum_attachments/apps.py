from machina.apps.forum_conversation.forum_attachments.apps import ForumAttachmentsAppConfig


class AttachmentsConfig(ForumAttachmentsAppConfig):
    name = "forum.machina.forum_conversation.forum_attachments"
    default = True
