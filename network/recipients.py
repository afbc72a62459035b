"""Who a message through the hub can go to, and where the hub sends it. Nothing here reaches the sender.

- a member whose card is public (in the directory or on the map) and who allows contact;
- an approved initiative whose owner (the member who registered it) allows contact;
- a region's team, at the team address of its (German) page, while the page is live and public.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q

from members.language import language_of, language_of_address
from members.models import User
from members.roles import MEMBERS
from network.models import Card, RecipientKind
from regions.models import ApprovalStatus, Initiative, RegionPage

MAX_ID = 2**63 - 1


@dataclass
class Recipient:
    kind: str
    id: int
    name: str  # what the sender sees
    address: str  # never shown to the sender
    language: str
    page_url: str  # where the sender came from (the profile, the region page, the directory)
    user: User | None = None  # the person behind it, when there is one
    key: int = 0  # what the rate limits count: the German page of a region (both languages are one team)

    def __post_init__(self):
        self.key = self.key or self.id


def allows_contact(user):
    card = Card.objects.filter(user=user).only("contact_allowed").first()
    return card is None or card.contact_allowed


def reachable_members():
    """Members who take messages: active, verified, with an address, contact not switched off, and a public
    card (in the directory or on the map). ``find`` and the map's contact links both ask this."""
    return (
        User.objects.filter(is_active=True, groups__name=MEMBERS)
        .exclude(email="")
        .exclude(card__contact_allowed=False)
        .filter(Q(show_on_map=True) | Q(card__listed=True))
    )


def reachable_initiatives():
    """Approved initiatives whose owner (the member who registered them) is active, has an address and did not
    switch contact off. ``find`` and the map's contact links both ask this."""
    return (
        Initiative.objects.filter(approval_status=ApprovalStatus.APPROVED, submitted_by__is_active=True)
        .exclude(submitted_by__email="")
        .exclude(submitted_by__card__contact_allowed=False)
    )


def find(kind, ident):
    """The ``Recipient`` of ``kind`` and ``ident``, or None when there is none (or it takes no messages)."""
    if not 0 < ident <= MAX_ID:
        return None
    if kind == RecipientKind.MEMBER:
        user = reachable_members().filter(pk=ident).first()
        if user is None:
            return None
        return Recipient(kind, user.pk, str(user.public_name), user.email, language_of(user), "", user)
    if kind == RecipientKind.INITIATIVE:
        initiative = reachable_initiatives().filter(pk=ident).select_related("submitted_by").first()
        if initiative is None:
            return None
        owner = initiative.submitted_by
        return Recipient(
            kind,
            initiative.pk,
            initiative.name,
            owner.email,
            language_of(owner),
            initiative.get_absolute_url(),
            owner,
        )
    if kind == RecipientKind.REGION:
        page = RegionPage.objects.live().public().filter(pk=ident).first()
        region = page.network_region() if page else None
        if region is None or not region.live or not region.contact_email:
            return None
        address = region.contact_email
        language = language_of_address(address) or settings.LANGUAGE_CODE
        return Recipient(kind, page.pk, page.title, address, language, page.url, key=region.pk)
    return None
