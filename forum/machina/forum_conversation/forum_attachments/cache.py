# get_class() looks here first and, for this sub-app, cannot fall back to machina by itself.
from machina.apps.forum_conversation.forum_attachments.cache import cache  # noqa: F401
