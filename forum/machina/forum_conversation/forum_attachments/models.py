from machina.apps.forum_conversation.forum_attachments.models import *  # noqa: F403 (machina's models, unchanged)
