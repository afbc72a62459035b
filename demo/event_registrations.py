"""Demo content: registration in the hub for a webinar (seats, a question, the meeting link) and for a live
conference (seats, the catering question). Idempotent: existing settings and questions stay as they are."""

from demo.data import events as event_data
from event_registrations.models import Question, RegistrationSettings
from hub_events.models import EventPage
from regions.models import network_locale_id


def load(writer):
    writer.step("Anmeldung im Hub")
    for slug, data in event_data.HUB_REGISTRATION.items():
        event = EventPage.objects.get(slug=slug, locale_id=network_locale_id())
        registration_settings, _created = writer.ensure_object(
            RegistrationSettings,
            {"event": event},
            {
                "enabled": True,
                "capacity": data["capacity"],
                "reminder_hours": data["reminder_hours"],
                "meeting_url": data["meeting_url"],
            },
            label="Anmeldung",
        )
        for order, question in enumerate(data["questions"]):
            writer.ensure_object(
                Question,
                {"settings": registration_settings, "label": question["label"]},
                {
                    "kind": question["kind"],
                    "options": question.get("options", ""),
                    "required": question["required"],
                    "order": order,
                },
                label="Frage",
            )
