"""Newsletter sign-up on the production setup: the confirmation goes through the worker to a real SMTP server, the
link confirms on the other server, and a mail program's one-click POST ends the subscription."""

import re
import uuid
from urllib.parse import urlsplit

from tests.production.test_smoke import csrf, wait_for_mail


def plain_text(message):
    return "".join(
        part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
        for part in message.walk()
        if part.get_content_type() == "text/plain"
    )


def test_double_opt_in_and_one_click_unsubscribe_across_both_servers(production):
    address = f"newsletter-{uuid.uuid4().hex[:10]}@example.org"
    headers, token = csrf(production, "/newsletter/")
    form = production.get("/newsletter/").text
    network_list = re.search(r'name="lists" value="(\d+)"', form).group(1)

    answer = production.post(
        "/newsletter/",
        headers=headers,
        data={"csrfmiddlewaretoken": token, "email": address, "lists": [network_list], "consent": "on"},
    )
    assert answer.status_code == 200, answer.text[:2000]

    link = re.search(
        r"https?://\S+/newsletter/bestaetigen/\S+/", plain_text(wait_for_mail(production, address))
    )
    path = urlsplit(link.group(0)).path
    headers, token = csrf(production, path, server=production.b)
    confirmed = production.post(
        path, server=production.b, headers=headers, data={"csrfmiddlewaretoken": token}
    )
    assert confirmed.status_code == 200
    assert (
        production.post(
            path, server=production.a, headers=headers, data={"csrfmiddlewaretoken": token}
        ).status_code
        == 404
    )

    # The unsubscribe link of this subscription, as a list mail carries it (newsletters.links).
    unsubscribe = (
        production.manage(
            "shell",
            "-c",
            "from newsletters.links import unsubscribe_url; from newsletters.models import Subscription; "
            f"print(unsubscribe_url(Subscription.objects.get(email='{address}')))",
        )
        .strip()
        .splitlines()[-1]
    )
    one_click = production.post(
        urlsplit(unsubscribe).path,
        data="List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert one_click.status_code == 200
    status = production.manage(
        "shell",
        "-c",
        f"from newsletters.models import Subscription; print(Subscription.objects.get(email='{address}').status)",
    )
    assert status.strip().splitlines()[-1] == "unsubscribed"
