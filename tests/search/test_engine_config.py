"""SEARCH_URL with one or several nodes, SEARCH_REPLICAS, and what the clients make of them (no server needed)."""

import io

from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

import pytest

from search.engine_config import EngineURL, parse_engine_url, replica_settings
from search.engines import engine_from_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("opensearch://127.0.0.1:9201", EngineURL("opensearch", ("http://127.0.0.1:9201",))),
        (
            "opensearchs://hub:s%40cret@search1:9200, search2 ,search3:9300",
            EngineURL(
                "opensearch",
                ("https://search1:9200", "https://search2:9200", "https://search3:9300"),
                ("hub", "s@cret"),
            ),
        ),
        (
            "elasticsearch://[::1]:9200,10.0.0.2/prefix/",
            EngineURL("elasticsearch", ("http://[::1]:9200/prefix", "http://10.0.0.2:9200/prefix")),
        ),
    ],
)
def test_urls_name_the_engine_its_nodes_and_the_credentials(url, expected):
    assert parse_engine_url(url) == expected


def test_wagtail_gets_the_credentials_in_every_node_url():
    config = parse_engine_url("opensearchs://hub:a%2Cb%40c@search1,search2")

    assert config.urls_with_auth() == [
        "https://hub:a%2Cb%40c@search1:9200",
        "https://hub:a%2Cb%40c@search2:9200",
    ]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://search1:9200", "the scheme must be one of"),
        ("opensearch:search1", "the scheme must be one of"),
        ("opensearch://", "bad host ''"),
        ("opensearch://search1,,search2", "bad host ''"),
        ("opensearch://search1:99999", "bad host 'search1:99999'"),
        ("opensearch://search1:http", "bad host 'search1:http'"),
        ("opensearch://search1,search1:9200", "a host is named twice"),
        ("opensearch://search1?timeout=5", "no query string"),
        ("opensearch://hub@search1", "credentials go once before the first host"),
        ("opensearch://hub:secret@search1,hub:secret@search2", "credentials go once before the first host"),
    ],
)
def test_bad_urls_say_what_is_wrong_without_showing_the_password(url, reason):
    with pytest.raises(ImproperlyConfigured, match="Expected e.g.") as error:
        parse_engine_url(url)

    assert reason in str(error.value)
    assert "secret" not in str(error.value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0", {"number_of_replicas": 0, "auto_expand_replicas": "false"}),
        ("1", {"number_of_replicas": 1, "auto_expand_replicas": "false"}),
        ("0-1", {"auto_expand_replicas": "0-1"}),
        ("0-all", {"auto_expand_replicas": "0-all"}),
    ],
)
def test_replicas_are_a_number_or_a_range(value, expected):
    assert replica_settings(value) == expected


@pytest.mark.parametrize("value", ["", "one", "-1", "1-", "0-some"])
def test_bad_replicas_are_refused(value):
    with pytest.raises(ImproperlyConfigured, match="SEARCH_REPLICAS"):
        replica_settings(value)


def retries(client):
    """opensearch-py keeps them on its transport, the Elasticsearch client per request on itself."""
    return client._max_retries if hasattr(client, "_max_retries") else client.transport.max_retries


@pytest.mark.parametrize("scheme", ["opensearch", "elasticsearch"])
def test_each_request_may_try_every_node_once(settings, scheme):
    settings.SEARCH_REPLICAS = "1"

    single = engine_from_url(f"{scheme}://127.0.0.1:9")
    cluster = engine_from_url(f"{scheme}://hub:secret@127.0.0.1:9,127.0.0.1:10,127.0.0.1:11", alias="cluster")

    assert (retries(single.client), retries(cluster.client)) == (0, 2)
    assert cluster.index_body()["settings"]["number_of_replicas"] == 1
    assert cluster.alias == "cluster"


@pytest.mark.django_db
def test_the_status_command_names_the_nodes_but_not_the_password(settings):
    # Nothing listens on port 9: the command reports the engine unreachable and still prints no password.
    settings.SEARCH_URL = "opensearch://hub:geheim-123@127.0.0.1:9,127.0.0.2:9"
    output = io.StringIO()

    call_command("search_index", "status", stdout=output)

    assert "geheim-123" not in output.getvalue()
    assert "opensearch://***@127.0.0.1:9,127.0.0.2:9" in output.getvalue()
