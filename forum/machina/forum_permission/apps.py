from machina.apps.forum_permission.apps import ForumPermissionAppConfig


class PermissionConfig(ForumPermissionAppConfig):
    name = "forum.machina.forum_permission"
    default = True
