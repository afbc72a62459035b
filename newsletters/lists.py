"""The lists every network has: the network's newsletter, one per region, one per field of action.

Made and renamed with their region (its German page) and field, so an editor never has to create them by hand;
a deleted region or field takes its list (and its subscriptions) with it.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from home.models import FieldOfAction
from newsletters.models import ListKind, MailingList
from regions.models import RegionPage, network_locale_id


def names(german, english):
    with override("de"):
        name_de = str(german)
    with override("en"):
        name_en = str(english)
    return {"name": name_de, "name_en": name_en}


def network_list():
    mailing_list, _created = MailingList.objects.get_or_create(
        kind=ListKind.NETWORK,
        defaults={**names(_("Mitmach-Hub newsletter"), _("Mitmach-Hub newsletter")), "order": 0},
    )
    return mailing_list


def region_list(region):
    """The list of ``region`` (its German page), made or renamed to follow its title."""
    with override("de"):
        name_de = str(_("News from %(region)s") % {"region": region.title})
    with override("en"):
        name_en = str(_("News from %(region)s") % {"region": region.title})
    mailing_list, created = MailingList.objects.get_or_create(
        region=region, defaults={"kind": ListKind.REGION, "name": name_de, "name_en": name_en, "order": 10}
    )
    if not created and (mailing_list.name, mailing_list.name_en) != (name_de, name_en):
        mailing_list.name, mailing_list.name_en = name_de, name_en
        mailing_list.save(update_fields=["name", "name_en"])
    return mailing_list


def field_list(field):
    with override("de"):
        name_de = str(_("Field of action: %(field)s") % {"field": field.name})
    with override("en"):
        name_en = str(_("Field of action: %(field)s") % {"field": field.label_en})
    mailing_list, created = MailingList.objects.get_or_create(
        field_of_action=field,
        defaults={"kind": ListKind.FIELD, "name": name_de, "name_en": name_en, "order": 20},
    )
    if not created and (mailing_list.name, mailing_list.name_en) != (name_de, name_en):
        mailing_list.name, mailing_list.name_en = name_de, name_en
        mailing_list.save(update_fields=["name", "name_en"])
    return mailing_list


def sync_all():
    """Every list the network should have (``manage.py migrate`` and the demo content call it)."""
    network_list()
    for region in RegionPage.objects.filter(locale_id=network_locale_id()):
        region_list(region)
    for field in FieldOfAction.objects.all():
        field_list(field)
