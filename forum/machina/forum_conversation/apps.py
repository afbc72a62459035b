from machina.apps.forum_conversation.apps import ForumConversationAppConfig


class ConversationConfig(ForumConversationAppConfig):
    name = "forum.machina.forum_conversation"
    default = True
