"""The demo forums: the structure, one project forum and a few topics. Idempotent."""

from django.contrib.auth import get_user_model

from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic

from forum import structure

DEMO_USERNAME = "demo-forum"
TOPICS = [
    (
        structure.FIELDS,
        "Energie und Verkehr",
        "Lastenrad-Verleih: Erfahrungen mit Versicherung?",
        "Wir wollen in unserer Region zwei Lastenräder kostenlos verleihen. Wie habt ihr die **Versicherung** "
        "gelöst? Über den Verein oder pro Ausleihe?",
        ["Bei uns läuft das über die Vereins-Haftpflicht plus eine Diebstahlversicherung pro Rad."],
    ),
    (
        structure.FIELDS,
        "Ernährungssystem",
        "Solidarische Landwirtschaft gründen – wo anfangen?",
        "Wir sind zehn Haushalte und haben einen Hof gefunden. Welche Schritte kamen bei euch zuerst?\n\n"
        "- Bedarfsrunde\n- Vertrag mit dem Hof\n- Abholstellen",
        ["Fangt mit einer offenen Bieterrunde an, das schafft Vertrauen."],
    ),
    (
        structure.PROJECTS,
        "Repair-Cafés",
        "Werkzeugliste für ein neues Repair-Café",
        "Was gehört in die Grundausstattung? Wir sammeln hier eine Liste.",
        [],
    ),
]


def _project_forum(name):
    parent = structure.category(structure.PROJECTS)
    forum = Forum.objects.filter(parent=parent, name=name).first()
    if forum is None:
        forum = Forum.objects.create(
            parent=parent, name=name, type=Forum.FORUM_POST, description="Reparieren statt wegwerfen."
        )
    return forum


def load(stdout):
    """Ensure the structure and add the demo topics once (found by subject on a second run)."""
    stdout.write("Foren")
    structure.ensure_structure(log=lambda message: stdout.write(f"  {message}"))
    User = get_user_model()
    author, _ = User.objects.get_or_create(
        username=DEMO_USERNAME,
        defaults={"email": "forum-demo@example.org", "display_name": "Mira (Demo)"},
    )
    for category, forum_name, subject, content, replies in TOPICS:
        if category == structure.PROJECTS:
            forum = _project_forum(forum_name)
        else:
            forum = structure.category(category).get_children().filter(name=forum_name).first()
        if forum is None:
            continue
        if Topic.objects.filter(forum=forum, subject=subject).exists():
            stdout.write(f"  = Thema „{subject}“")
            continue
        topic = Topic.objects.create(
            forum=forum, poster=author, subject=subject, type=Topic.TOPIC_POST, status=Topic.TOPIC_UNLOCKED
        )
        Post.objects.create(topic=topic, poster=author, subject=subject, content=content)
        for reply in replies:
            Post.objects.create(topic=topic, poster=author, subject=f"Re: {subject}", content=reply)
        stdout.write(f"  + Thema „{subject}“")
