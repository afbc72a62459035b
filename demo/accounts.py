"""The demo's people: fictional members with a card on the network map and in the directory, and the
development logins."""

from django.contrib.auth import get_user_model

from allauth.account.models import EmailAddress

from demo.data import keys
from home.models import point
from members.roles import add_to_members
from network.models import Card
from regions.models import RegionMembership, RegionModerator

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "mitmachen"  # noqa: S105 (documented demo login, created only when DEBUG is on)
ADMIN_EMAIL = "admin@mitmach-hub.example"

DEMO_ACCOUNTS = [
    # (username, e-mail, display name, region slug whose team they join or None)
    ("moderation", "moderation@mitmach-hub.example", "Demo-Moderation Neumarkt", "neumarkt-oberpfalz"),
    ("mitglied", "mitglied@mitmach-hub.example", "Demo-Mitglied", None),
]


# Fictional members who opted in to a card on the network map: no password, so nobody can log in as them.
MEMBER_CARDS = [
    # (username, display name, organisation, place, lat, lng, fields, region slug they joined)
    (
        "karte-lena",
        "Lena aus Münster",
        "Repair-Café Kreuzviertel",
        "Münster",
        51.96,
        7.62,
        [keys.SOCIAL],
        "muensterland",
    ),
    ("karte-jonas", "Jonas B.", "", "Bielefeld", 52.02, 8.53, [keys.ENERGY], "minden-ostwestfalen-lippe"),
    (
        "karte-aylin",
        "Aylin K.",
        "SoLaWi Neumarkt",
        "Neumarkt i.d.OPf.",
        49.28,
        11.46,
        [keys.FOOD],
        "neumarkt-oberpfalz",
    ),
    ("karte-mats", "Mats aus Cottbus", "", "Cottbus", 51.76, 14.33, [keys.ECONOMY], "lausitz"),
]


# What their cards in the directory ("Mitmacher:innen") say: (place, what I can offer, what I am looking for).
DIRECTORY_CARDS = {
    "karte-lena": (
        "Münster",
        "Erfahrung mit Repair-Cafés: Werkzeuglisten, Haftungsfragen, Ehrenamtliche finden.",
        "Leute, die Nähmaschinen reparieren können.",
    ),
    "karte-jonas": (
        "Bielefeld",
        "Beratung zu Balkonkraftwerken und Bürgerenergie.",
        "Mitstreiter:innen für eine Energiegenossenschaft.",
    ),
    "karte-aylin": (
        "Neumarkt i.d.OPf.",
        "Einblick in unsere SoLaWi: Anbauplanung, Verteiltage, Finanzierung über Bieterrunden.",
        "Flächen im Landkreis und Hände für die Ernte.",
    ),
    "karte-mats": (
        "Cottbus",
        "Kontakte zu Kommunen im Strukturwandel.",
        "Ideen für eine Gemeinwohl-Bilanz im Verein.",
    ),
}


def member_cards(writer, region_pages, taxonomy):
    writer.step("Visitenkarten auf der Karte")
    User = get_user_model()
    for username, name, organisation, place, lat, lng, fields, region_slug in MEMBER_CARDS:
        if User.objects.filter(username=username).exists():
            writer.stdout.write(f"  = {name} existiert bereits")
            continue
        user = User.objects.create_user(
            username,
            f"{username}@mitmach-hub.example",
            None,
            display_name=name,
            organisation=organisation,
            show_on_map=True,
            map_place=place,
            map_location=point(lat, lng),
        )
        user.fields_of_action.set(taxonomy.fields_of(fields))
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
        add_to_members(user)
        if region_slug in region_pages:
            # People who show their card on the map let their region's team see them too.
            RegionMembership.objects.create(
                user=user, region=region_pages[region_slug], **RegionMembership.consent_fields(True)
            )
        card_place, offer, looking_for = DIRECTORY_CARDS[username]
        Card.objects.create(user=user, listed=True, place=card_place, offer=offer, looking_for=looking_for)
        writer.stdout.write(f"  + {name}")


def demo_accounts(writer, region_pages):
    """Development logins, password ``mitmachen``: the superuser ``admin``, a regional moderator, a member.

    Their e-mail addresses count as verified, so they log in on the site (by e-mail) and in the admin.
    """
    writer.step("Demo-Zugänge (nur Entwicklung)")
    User = get_user_model()
    accounts = [(ADMIN_USERNAME, ADMIN_EMAIL, "Demo-Admin", None), *DEMO_ACCOUNTS]
    for username, email, display_name, region_slug in accounts:
        user = User.objects.filter(username=username).first()
        if user:
            writer.stdout.write(f"  = {email} existiert bereits")
            continue
        create = User.objects.create_superuser if username == ADMIN_USERNAME else User.objects.create_user
        user = create(username, email, ADMIN_PASSWORD, display_name=display_name)
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
        add_to_members(user)
        if region_slug:
            region = region_pages[region_slug]
            region.moderators.add(RegionModerator(user=user, role="Demo"))
            region.save_revision().publish()  # the team's rights follow the published page
        writer.stdout.write(f"  + {email}")
