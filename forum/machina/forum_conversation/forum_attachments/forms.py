from machina.apps.forum_conversation.forum_attachments.forms import *  # noqa: F403
from machina.apps.forum_conversation.forum_attachments.forms import AttachmentForm, AttachmentFormset  # noqa: F401
