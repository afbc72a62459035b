"""Schemathesis against the running server: every public GET operation of the one OpenAPI schema.

Hypothesis generates requests from the schema — valid parameters and invalid ones — for each public GET
operation; none may answer with a server error or with a body that violates the documented response schema.
The server is pytest-django's live server with the demo content, so the responses carry real data.

Schemathesis' own pytest integration (``from_fixture``) does not run on pytest 9 yet, so the test drives its
Hypothesis strategies directly, one operation after another, and reports every failing operation at the end.
"""

import re

from django.core.management import call_command

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance

# Operations that need a token: not public reading.
PRIVATE_PATHS = re.compile(r"^/api/v3/(sites/|whoami)|/revisions/")
EXAMPLES_PER_OPERATION = 30


def public_get_operations(schema):
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.method.upper() == "GET" and not PRIVATE_PATHS.search(operation.path):
            yield operation


def fuzz(operation, base_url, calls):
    strategy = operation.as_strategy(GenerationMode.POSITIVE) | operation.as_strategy(GenerationMode.NEGATIVE)

    @given(case=strategy)
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        calls.append(case)
        case.call_and_validate(base_url=base_url, checks=[not_a_server_error, response_schema_conformance])

    run()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_get_operations_answer_within_their_schema(live_server):
    call_command("load_demo_content", verbosity=0)
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v3/openapi.json")
    operations = list(public_get_operations(schema))
    calls, failures = [], []

    for operation in operations:
        try:
            fuzz(operation, live_server.url, calls)
        except Exception as error:  # noqa: BLE001 -- collect every failing operation, then report them all
            failures.append(f"{operation.method.upper()} {operation.path}: {error}")

    print(f"schemathesis: {len(operations)} operations, {len(calls)} generated requests")
    assert len(operations) >= 8, [op.path for op in operations]
    assert not failures, "\n\n".join(failures)
