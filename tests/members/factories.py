"""Members: ``UserFactory`` with traits for the roles.

``UserFactory()`` is an account without an e-mail record; ``verified=True`` a member whose address is confirmed
(in the members group, may post); ``unverified=True`` one who signed up but has not confirmed yet;
``editor=True`` a verified member of the central editorial team. A region's moderator comes from
``tests.regions.factories.RegionModeratorFactory`` (regions owns the team).
"""

import factory
from allauth.account.models import EmailAddress
from factory.django import DjangoModelFactory

from members.models import User
from members.roles import ensure_groups

PASSWORD = "mitmachen-123"


class EmailAddressFactory(DjangoModelFactory):
    """allauth's record of a user's address, as the sign-up writes it (primary)."""

    user = factory.SubFactory("tests.members.factories.UserFactory")
    email = factory.SelfAttribute("user.email")
    primary = True
    verified = True

    class Meta:
        model = EmailAddress


def _join(group_index):
    def join(user, create, extracted, **kwargs):
        if create:
            user.groups.add(ensure_groups()[group_index])

    return factory.PostGeneration(join)


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"mitglied{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        verified = factory.Trait(
            email_address=factory.RelatedFactory(
                EmailAddressFactory, factory_related_name="user", verified=True
            ),
            members_group=_join(0),
        )
        unverified = factory.Trait(
            email_address=factory.RelatedFactory(
                EmailAddressFactory, factory_related_name="user", verified=False
            ),
        )
        editor = factory.Trait(verified=True, editors_group=_join(1))
