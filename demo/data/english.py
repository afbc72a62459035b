"""The English translations of part of the demo, loaded as wagtail-localize translations.

Each entry of ``PAGES`` names a German page by its path below the home page ("" is the home page), the
German data it was built from and the English data in the same shape: the same keys for the texts and, in
a ``body``, the same blocks in the same order (images, documents and links keep their German ``Ref``, which
only says which object the block shows). ``demo.translate`` pairs the German and the English texts string
by string, as wagtail-localize segments them, and stores the English ones as the translations of those
strings. A German string with no English counterpart stays German on the English page.

``STRINGS`` holds texts the steps add themselves, whatever the page (the title of the steps block).
"""

from demo.data import actions as action_data
from demo.data import events as event_data
from demo.data import news as news_data
from demo.data import site as site_data
from demo.stream import body, call_to_action, document, faq, heading, image, paragraph, quote

STRINGS = {
    "Schritt für Schritt": "Step by step",
}


def _by_slug(items, slug):
    return next(item for item in items if item["slug"] == slug)


HOME = {
    "title": "Home",
    # The slug wagtail-localize gave the English home page when it created it (the German one is "home").
    "slug": "home-en",
    "seo_title": "Mitmach-Hub – the network of the Mitmach regions",
    "search_description": "Find regions, copy proven actions and join events for regional teams.",
    "hero_title": "Changing your own region, together",
    "hero_text": (
        "In the network of the Mitmach regions, volunteers, initiatives, businesses and municipalities find each "
        "other. Here you will find proven actions, support for regional teams and the map of all regions."
    ),
    "hero_cta_label": "Discover the regions",
    "intro": (
        "<p>In many places people want to get things done: they repair, garden, found cooperatives or invite "
        "the street to a neighbourhood party. Yet they often know little about each other. A "
        "<b>Mitmach region</b> changes that: a small team makes contacts, shows what is already there and "
        "invites everyone to a shared conference.</p>"
    ),
    "body": body(
        heading("How a region becomes a Mitmach region"),
        paragraph(
            "It starts with a regional team of two to six people. The team explores the region, talks to clubs, "
            "businesses and the local administration and develops a shared idea of where the journey should go.",
            "The network becomes visible at the latest at the Mitmach conference: people who would never have "
            "met sit together at topic tables and agree on concrete projects.",
        ),
        image(
            "Illustration: Menschen vor grünen Hügeln",
            caption="Four fields of action, one network: energy and transport, food, economy and social cohesion.",
        ),
        quote(
            "We thought we had to invent everything ourselves. At the conference we noticed how many people "
            "have long been working on the same questions.",
            "Member of a regional team",
        ),
        call_to_action(
            "Looking for an action?",
            "More than thirty proven actions – sorted by effort, impact and field of action.",
            "Go to the action pool",
            page="aktionen",
        ),
        call_to_action(
            "Your region is still missing?",
            "Form a regional team and start with the Regionallabor. We will support you.",
            "See the support programme",
            page="begleitprogramm",
        ),
        faq(
            "Frequently asked questions",
            [
                (
                    "Who can take part?",
                    "Everyone who wants to get something moving in their region: individuals, initiatives, "
                    "clubs, businesses and municipalities.",
                ),
                (
                    "What does taking part cost?",
                    "Taking part on the platform is free. Regional teams in the support programme pay a deposit "
                    "that they get back later.",
                ),
                (
                    "How large is a region?",
                    "The team decides – from a small town with its surroundings to several districts.",
                ),
            ],
        ),
    ),
}

ABOUT = {
    "title": "About us",
    "slug": "about-us",
    "intro": (
        "Behind the Mitmach-Hub is a small team that has been helping regions build networks for social and "
        "ecological change since autumn 2021."
    ),
    "body": body(
        heading("How it all began"),
        paragraph(
            "In 2020 the experience of many Mitmach conferences became a toolkit of handbook and online course, "
            "open to everyone. In 2022 the networking platform with its map and action pool followed; this hub "
            "grew out of it.",
        ),
        heading("Partners and funding"),
        paragraph(
            "We work together with the Schweisfurth Foundation, Pioneers of Change and wirundjetzt e.V. The "
            "handbook and the online course won an award in the ideas competition “Land schreibt Zukunft” and "
            "were funded by the sustainability culture fund of the German Council for Sustainable Development; "
            "the Deutsche Postcode Lotterie supported the extension to the Mitmach regions, and 100x Digital "
            "funded the platform, the map and the action pool.",
            "Supporting the regions is financed from several sources – the participating regions contribute "
            "a share as well.",
        ),
        quote(
            "In 2023 the project received the sustainability award of Neumarkter Lammsbräu in the non-profit "
            "category.",
            "From our history",
        ),
        image("Illustration: Netzwerk-Kreise auf Blau", caption="Many circles, one network."),
    ),
}

HANDBOOK = {
    "title": "Handbook",
    "slug": "handbook",
    "intro": (
        "The handbook leads you step by step to your own Mitmach conference: from the decision in a small "
        "circle to the review workshop afterwards. To read, print and pass on."
    ),
    "body": body(
        paragraph(
            "The chapters build on each other, but each can be read on its own. Every chapter ends with "
            "questions to discuss in your team. The online course with short explainer videos complements it."
        ),
        document("Leitfaden Mitmach-Konferenz", "Summary as PDF"),
    ),
}

DECISION = {
    "title": "The decision: do we want this?",
    "slug": "the-decision",
    "intro": (
        "Before any invitations go out, the team needs a clear yes – and an honest view of its own strength."
    ),
    "body": body(
        heading("Why a Mitmach conference?"),
        paragraph(
            "A conference is not an end in itself. It is worth it when there is already engagement in the region "
            "that is scattered, and when you enjoy bringing people together instead of running every project "
            "yourselves."
        ),
        heading("What you should bring", "h3"),
        paragraph(
            "Expect a few hours a week over half a year. Contacts, a venue and people who like to facilitate "
            "matter more than money.",
            bullets=[
                "a core team of at least three people",
                "time for conversations with local actors",
                "a room where many people can work at tables",
            ],
        ),
        faq(
            "Questions for your team",
            [
                (
                    "What do we want to have achieved in two years?",
                    "Each of you writes down three sentences on your own; then compare them.",
                ),
                (
                    "Who is still missing?",
                    "Think of people from the administration, farming, crafts and youth work.",
                ),
            ],
        ),
    ),
}

REGION_INDEX = {
    "title": "Regions",
    "slug": "regions",
    "intro": (
        "The map shows every Mitmach region – those already active, those forming their team in the "
        "Regionallabor right now, and places where people have registered their interest. Click on a region "
        "to find its team, its initiatives and its next dates."
    ),
}

ACTION_INDEX = {
    "title": "Action pool",
    "slug": "actions",
    "intro": (
        "Nobody has to reinvent the wheel. In the action pool we collect actions that have already worked in "
        "regions – each with its effort, impact, the resources it needs and a guide in a few steps. Filter by "
        "field of action and sustainability goal and pick one."
    ),
}

EVENT_INDEX = {
    "title": "Events",
    "slug": "events",
    "intro": (
        "Webinars on the fields of action, live calls for all regions, the weekly office hours and conferences "
        "on site. Missed one? Most online sessions are recorded and end up in the video library."
    ),
}

NEWS_INDEX = {
    "title": "News",
    "slug": "news",
    "intro": "Reports from the regions, looks back at events and news from the network.",
}

ACTIONS = {
    "gemeinschaftsgarten": {
        "title": "Start a community garden",
        "slug": "community-garden",
        "summary": (
            "On a vacant lot or in a backyard, neighbours garden together – for fresh vegetables and for "
            "meeting each other."
        ),
        "duration": "one season to set up",
        "resources_note": "A plot with access to water, a user agreement, raised beds, tools and seeds.",
        "steps": [
            ("Find a plot", "Owners of vacant lots are often glad about an interim use."),
            ("Sign an agreement", "A simple user agreement gives both sides certainty."),
            ("Build together", "A building day for raised beds draws many helpers."),
            ("Agree on rules", "A watering rota, principles for the harvest and regular garden meetings."),
        ],
        "text": [
            "Community gardens are places where people of different backgrounds and every age get talking "
            "almost by the way.",
        ],
    },
    "repair-cafe": {
        "title": "Open a repair café",
        "slug": "repair-cafe",
        "summary": (
            "Once a month, volunteers and guests repair broken everyday things together – over coffee and cake."
        ),
        "duration": "2 months of preparation, then one afternoon a month",
        "resources_note": (
            "A room with tables and sockets, tools (often donated), three to five people who can repair things."
        ),
        "steps": [
            (
                "Find people who can repair",
                "Ask in craft businesses, among retired people and in technology clubs for people who like "
                "to share what they know.",
            ),
            (
                "Sort out the room and liability",
                "A parish hall or a café works well. Ask the owner how the event is insured.",
            ),
            (
                "Gather tools",
                "A basic set of screwdrivers, a multimeter, a soldering iron and sewing kit is enough to start.",
            ),
            (
                "Promote the first date",
                "Posters in bakeries, an article in the local paper and an entry in the Mitmach-Hub.",
            ),
            (
                "Make it regular",
                "A fixed rhythm, such as every second Saturday, turns the repair café into an institution.",
            ),
        ],
        "text": [
            "Repair cafés save waste and money, but above all they bring together people who would otherwise "
            "never meet. Many guests come with a toaster and leave with a new acquaintance.",
        ],
    },
    "nachbarschaftsfest": {
        "title": "Throw a neighbourhood party",
        "slug": "neighbourhood-party",
        "summary": (
            "Tables out on the street, everyone brings something: a party where neighbours finally get to know "
            "each other."
        ),
        "duration": "one day, 6 weeks of preparation",
        "resources_note": (
            "A permit for the street or a courtyard, beer tables and benches, music and a few helpers."
        ),
        "steps": [
            ("Find allies in your building", "Two or three neighbours are enough to get going."),
            (
                "Apply for a permit",
                "Street parties need a permit from the public order office; ask early.",
            ),
            ("Invite", "A note in every letterbox, in several languages if you like."),
            (
                "Celebrate and collect contacts",
                "A pinboard for offers and wishes gets follow-up projects rolling.",
            ),
        ],
        "text": [
            "Neighbourhood parties often lead to swap shops, gardening groups or car pools – because people "
            "finally know who lives next door.",
        ],
    },
    "refill-station": {
        "title": "Refill stations for tap water",
        "slug": "refill-stations",
        "summary": (
            "Cafés, shops and town halls refill drinking bottles with tap water for free – recognisable by a "
            "sticker."
        ),
        "duration": "4 weeks",
        "resources_note": (
            "Stickers for the shop windows, a list of the places taking part, some time for conversations."
        ),
        "steps": [
            ("Approach places", "Start with cafés and shops that already work sustainably."),
            ("Hand out stickers", "Visible on the door or in the shop window."),
            ("Publish a map", "All refill places on a map and in the Mitmach-Hub."),
        ],
        "text": [
            "Every refilled bottle saves a plastic bottle – and tap water in Germany is very well monitored.",
        ],
    },
    "mitfahrbank": {
        "title": "Set up a ride-sharing bench",
        "slug": "ride-sharing-bench",
        "summary": "A bench that stands out at the edge of the village: whoever sits down would like a lift.",
        "duration": "4 weeks",
        "resources_note": (
            "A bench with a sign and fold-out boards for the destinations, about €300 per location, the "
            "municipality's consent."
        ),
        "steps": [
            (
                "Choose locations",
                "Easily visible spots where cars can stop, at the edge of the village towards the next one.",
            ),
            (
                "Win over the municipality",
                "The municipal works yard and the public order office help with setting up and with road safety.",
            ),
            (
                "Spread the word",
                "A small opening with the mayor draws attention.",
            ),
        ],
        "text": [
            "Ride-sharing benches do not replace a bus, but they close gaps – and they make giving people a lift "
            "an everyday thing again.",
        ],
    },
}

EVENTS = {
    "webinar-aktions-pool": {
        "title": "Webinar: Using the action pool",
        "slug": "webinar-action-pool",
        "summary": (
            "How do I find the right action for my region in the action pool, and how do I adapt it to local "
            "conditions?"
        ),
        "body": body(
            paragraph(
                "We show the filters for effort, impact and sustainability goals and talk about how you can "
                "add your own experience to the pool."
            ),
        ),
    },
    "webinar-solawi": {
        "title": "Webinar: Community-supported agriculture in practice",
        "slug": "webinar-community-supported-agriculture",
        "summary": (
            "Field of action food system: a farm and its members tell how financing the farm together works."
        ),
        "body": body(
            paragraph(
                "From the bidding round to sharing out the vegetables: an honest look at everyday life, "
                "stumbling blocks and the joy of farming together."
            ),
        ),
    },
    "webinar-nachbarschaft": {
        "title": "Webinar: Strengthening neighbourhoods, organising encounters",
        "slug": "webinar-neighbourhoods",
        "summary": (
            "Field of action social cohesion: story cafés, neighbourhood parties and mentoring – what works, and "
            "how do I start?"
        ),
        "body": body(
            paragraph(
                "Three short examples from town and country, then an exchange in small groups: which kind of "
                "encounter suits your region?"
            ),
        ),
    },
}

NEWS = {
    "videothek-webinare-online": {
        "title": "New in the video library: the webinars on the fields of action",
        "slug": "video-library-webinars-online",
        "intro": "Missed a webinar? You can now watch it at your leisure – slides and materials included.",
        "body": body(
            paragraph(
                "The recordings of the latest webinars on community energy, community-supported agriculture and "
                "the action pool are online. You will find them with the events.",
                "Not every region can join every date. That is why we record live calls and webinars, so that "
                "everyone can learn at their own pace.",
            ),
        ),
    },
    "lausitz-startet": {
        "title": "A new Mitmach region is forming: Lusatia",
        "slug": "lusatia-starts",
        "intro": (
            "A team from Brandenburg and Saxony wants to shape the structural change in Lusatia together with "
            "the people who live there."
        ),
        "body": body(
            paragraph(
                "Lusatia is a region in upheaval. The new regional team wants to show that change is not only "
                "planned in ministries, but also grows in clubhouses, gardens and village shops.",
                "First ideas: solar panels on club roofs, story cafés about work and home, and a seed library.",
            ),
        ),
    },
    "aktions-pool-waechst": {
        "title": "The action pool is growing: more than 30 proven actions",
        "slug": "action-pool-growing",
        "intro": (
            "From the repair café to the community energy cooperative: in the action pool every region finds "
            "ideas that have already worked elsewhere."
        ),
        "body": body(
            paragraph(
                "Every action is described with its effort, impact and the resources it needs, and with a guide "
                "in a few steps. Filters by field of action and sustainability goal help you choose.",
                "Have you tried something yourselves that could help others? Write to us – the pool lives from "
                "your experience.",
            ),
        ),
    },
}


def _pages():
    """``(path below the home page, German data, English data)``, parents before their children."""
    pages = [
        ("", site_data.HOME, HOME),
        ("ueber-uns", site_data.ABOUT, ABOUT),
        ("handbuch", site_data.HANDBOOK, HANDBOOK),
        ("handbuch/entscheidung", _by_slug(site_data.HANDBOOK["children"], "entscheidung"), DECISION),
        ("regionen", site_data.REGION_INDEX, REGION_INDEX),
        ("aktionen", site_data.ACTION_INDEX, ACTION_INDEX),
        ("veranstaltungen", site_data.EVENT_INDEX, EVENT_INDEX),
        ("neuigkeiten", site_data.NEWS_INDEX, NEWS_INDEX),
    ]
    pages += [
        (f"aktionen/{slug}", _by_slug(action_data.ACTIONS, slug), data) for slug, data in ACTIONS.items()
    ]
    pages += [
        (f"veranstaltungen/{slug}", _by_slug(event_data.EVENTS, slug), data) for slug, data in EVENTS.items()
    ]
    pages += [(f"neuigkeiten/{slug}", _by_slug(news_data.NEWS, slug), data) for slug, data in NEWS.items()]
    return pages


PAGES = _pages()
