"""Keep the map's contact links (``wagtail_hooks.map_contact_urls``) in step with who takes messages.

A card's change bumps the cached answers (``public_cache.track(Card)``), a map member's own change too
(``members.signals``). What is left: the owner of an approved initiative who is deactivated or deleted — the
initiative stays on the map, its contact link must go at once.
"""

from django.db.models.signals import post_save, pre_delete

from common import public_cache
from members.models import User
from regions.models import Initiative


def _owns_approved_initiatives(user):
    return Initiative.objects.approved().filter(submitted_by=user).exists()


def owner_saved(sender, instance, raw=False, **kwargs):
    # Active members are saved often (every login): no query for them. An inactive one is saved rarely.
    if not raw and not instance.is_active and _owns_approved_initiatives(instance):
        public_cache.bump_now_and_after_commit()


def owner_deleted(sender, instance, **kwargs):
    if _owns_approved_initiatives(instance):
        public_cache.bump_now_and_after_commit()


def connect():
    post_save.connect(owner_saved, sender=User, dispatch_uid="network_initiative_owner_saved")
    pre_delete.connect(owner_deleted, sender=User, dispatch_uid="network_initiative_owner_deleted")
