"""machina's permission middleware, without a session for every anonymous request outside the forums.

machina gives each anonymous visitor a random "forum key", kept in the session, for anonymous posts and poll
votes. Starting a session on every request means a database row and a cookie for each visitor of any page,
crawlers and API clients included — and a cookie on API answers that must be cacheable. Anonymous visitors
cannot post or vote here, but machina's views still read the key, so it is kept under the forums' URLs only.
"""

from django.urls import reverse

from machina.apps.forum_permission import middleware as machina_middleware


class ForumPermissionMiddleware(machina_middleware.ForumPermissionMiddleware):
    def process_request(self, request):
        if request.user.is_authenticated or request.path.startswith(reverse("forum:index")):
            return super().process_request(request)
        request.user.forum_key = None
        request.forum_permission_handler = machina_middleware.PermissionHandler()
        return None
