"""Keep the forum tree in step with fields of action and regions; mail subscribers about new posts."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic

from common import public_cache
from forum import notifications, permissions, structure
from forum.models import ActionDiscussion, FieldForum, ForumSubscription, GroupForum, RegionForum
from home.models import FieldOfAction
from regions.models import RegionPage
from working_groups.models import Membership, WorkingGroup


@receiver(post_save, sender=FieldOfAction, dispatch_uid="hub_forum_field_saved")
def field_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        structure.ensure_field_forum(instance)


@receiver(page_published, sender=RegionPage, dispatch_uid="hub_forum_region_published")
def region_published(sender, instance, **kwargs):
    structure.ensure_region_forum(instance)


@receiver(page_unpublished, sender=RegionPage, dispatch_uid="hub_forum_region_unpublished")
def region_unpublished(sender, instance, **kwargs):
    structure.close_region_forum(instance)


@receiver(pre_delete, sender=RegionPage, dispatch_uid="hub_forum_region_deleted")
def region_deleted(sender, instance, **kwargs):
    # Before the delete: the link (SET_NULL) and the team group still point at the region here.
    structure.close_region_forum(instance)


@receiver(post_save, sender=WorkingGroup, dispatch_uid="hub_forum_group_saved")
def group_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        structure.sync_group_forum(instance)


@receiver(pre_delete, sender=WorkingGroup, dispatch_uid="hub_forum_group_deleted")
def group_deleted(sender, instance, **kwargs):
    structure.close_group_forum(instance)


@receiver(post_delete, sender=Membership, dispatch_uid="hub_forum_membership_ended")
def membership_ended(sender, instance, **kwargs):
    """Leaving a group (or a request withdrawn or declined) ends the member's topic and forum subscriptions in
    the group's forums they can no longer read (a members-only one): no more titles in the subscription list."""
    user = get_user_model().objects.filter(pk=instance.user_id).first()
    if user is None:  # the account is being deleted: its subscriptions go with it
        return
    forums = [
        link.forum for link in GroupForum.objects.select_related("forum").filter(group_id=instance.group_id)
    ]
    handler = permissions.handler()
    unreadable = [forum.pk for forum in forums if not handler.can_read_forum(forum, user)]
    if unreadable:
        ForumSubscription.objects.filter(user=user, forum_id__in=unreadable).delete()
        Topic.subscribers.through.objects.filter(user=user, topic__forum_id__in=unreadable).delete()


@receiver(pre_save, sender=Post, dispatch_uid="hub_forum_post_approval_before")
def remember_approval(sender, instance, raw=False, **kwargs):
    if instance.pk and not raw:
        instance._hub_was_approved = (
            Post.objects.filter(pk=instance.pk).values_list("approved", flat=True).first()
        )


@receiver(post_save, sender=Post, dispatch_uid="hub_forum_post_saved")
def post_saved(sender, instance, created, raw=False, **kwargs):
    if raw or not instance.approved:
        return
    if created or getattr(instance, "_hub_was_approved", True) is False:
        notifications.notify_subscribers_on_commit(instance)


# Forum pages come from the anonymous page cache (common.public_cache), and they show the forums, topics and posts
# and which forums belong to which region, field of action and action: a region's forum closed or reopened after
# its page was (un)published must not leave the old forum list cached.
for _model in (Forum, Topic, Post, FieldForum, RegionForum, GroupForum, ActionDiscussion):
    public_cache.track(_model)
