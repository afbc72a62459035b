"""The forum's URLs: our additions (reports, forum subscriptions, action discussions), our replacements of
some of machina's views at machina's own URLs (index, forum pages, topic subscription, search, feeds), then
machina's board.

Careful: machina's class loader looks in this module first for ``urlpatterns_factory`` — do not define it.
"""

from django.urls import include, path, re_path

from machina import urls as machina_urls
from machina.apps.forum_member import views as machina_member_views

from forum import views

app_urls = (
    [
        path("aktion/<int:page_id>/", views.action_discussion, name="action_discussion"),
        path("abo/<int:pk>/", views.forum_subscribe, name="forum_subscribe"),
        path("abo/<int:pk>/beenden/", views.forum_unsubscribe, name="forum_unsubscribe"),
        path("meldungen/", views.report_list, name="reports"),
        path("meldungen/<int:pk>/erledigt/", views.report_resolve, name="report_resolve"),
        path("beitrag/<int:pk>/melden/", views.report_post, name="report_post"),
    ],
    "hub_forum",
)

board_urls = [
    path("", include(app_urls)),
    # Same URLs as machina's, resolved first (reversing still finds machina's names): the forum index and
    # forum pages with bounded queries, topic subscriptions only for verified members and listed only where
    # readable. machina's class
    # loader would look for these views in the package ``forum`` itself, which must stay empty.
    path("", views.IndexView.as_view()),
    path("forum/<str:slug>-<int:pk>/", views.ForumView.as_view()),
    path("member/topic/<int:pk>/subscribe/", views.TopicSubscribeView.as_view()),
    # machina's list of subscribed topics showed the titles of forums the member may no longer read.
    path("member/subscriptions/", views.TopicSubscriptionListView.as_view()),
    # machina's member profiles take any string as the pk (``profile/<str:pk>/``) and answered one that is no
    # number with a 500: its views for numeric pks here, a 404 for anything else but its ``profile/edit/``.
    path("member/profile/<int:pk>/", machina_member_views.ForumProfileDetailView.as_view()),
    path("member/profile/<int:pk>/posts/", machina_member_views.UserPostsView.as_view()),
    re_path(r"^member/profile/(?!edit/$)[^/]+/(?:posts/)?$", views.no_such_member),
    # machina's haystack search ignored the readable forums and approval: ours, at the same URL.
    path("search/", views.search),
    # machina's topic feeds list every topic: ours stop at the latest 30.
    path("feeds/topics/", views.LastTopicsFeed()),
    path("feeds/forum/<str:forum_slug>-<int:forum_pk>/topics/", views.LastTopicsFeed()),
    path(
        "feeds/forum/<str:forum_slug>-<int:forum_pk>/topics/all/",
        views.LastTopicsFeed(),
        {"descendants": True},
    ),
    path("", include(machina_urls)),
]
