"""machina's permission middleware, without a session for anonymous visitors.

machina gives each anonymous visitor a random "forum key", kept in the session, for anonymous posts and poll
votes. Anonymous visitors only read here (``forum.permissions``), and machina's checks treat a missing key
as "no votes, no own posts" (``get_anonymous_user_forum_key`` gives None). Starting a session instead would mean a
database row and a cookie for every visitor, crawler and API client, and forum pages that can never come from the
anonymous page cache (``common.public_cache``).
"""

from machina.apps.forum_permission import middleware as machina_middleware


class ForumPermissionMiddleware(machina_middleware.ForumPermissionMiddleware):
    def process_request(self, request):
        if request.user.is_authenticated:
            return super().process_request(request)
        request.user.forum_key = None
        request.forum_permission_handler = machina_middleware.PermissionHandler()
        return None
