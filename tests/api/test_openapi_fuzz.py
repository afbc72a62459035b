"""Schemathesis against the running server: every public GET operation of the one OpenAPI schema.

Hypothesis generates a few hundred requests from the schema (valid and invalid parameters); none may answer
with a server error or with a body that violates the documented response schema. The server is
pytest-django's live server with the demo content, so the responses carry real data.
"""

from django.core.management import call_command

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

# Operations that need a token: not public reading.
PRIVATE_PATHS = ("/api/v3/sites/", "/api/v3/whoami", "/revisions/")


@pytest.fixture
def api_schema(live_server, transactional_db, django_db_serialized_rollback):
    call_command("load_demo_content", verbosity=0)
    return schemathesis.openapi.from_url(f"{live_server.url}/api/v3/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


def is_private(ctx):
    return any(part in ctx.operation.path_with_base for part in PRIVATE_PATHS)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@schema.include(method="GET").exclude(func=is_private).parametrize()
@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)
def test_public_get_operations(case):
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
