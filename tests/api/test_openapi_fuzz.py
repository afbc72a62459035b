"""Schemathesis against the running server: every public GET operation of the one OpenAPI schema.

The server is pytest-django's live server with the demo content, so the responses carry real data. Three
sources of requests, all run against every public GET operation:

1. **Schemathesis' own generation** (Hypothesis): valid parameters and invalid ones.
2. **The same, with one parameter made hostile**: a generated request with one of its parameters (query or
   path, chosen by Hypothesis) replaced by a value from ``HOSTILE``: NUL bytes, integers beyond 2**63 - 1,
   10,000 characters, search syntax.
3. **Every hostile value in every parameter**, one at a time: deterministic, so each parameter of each
   operation sees each kind of bad input at least once, whatever Hypothesis picks.

No request may answer with a server error; the generated ones (1 and 2) must also answer within the documented
response schema. The test counts its requests and insists on at least ``MIN_REQUESTS``.

Schemathesis' own pytest integration (``from_fixture``) does not run on pytest 9 yet, so the test drives its
Hypothesis strategies directly, one operation after another, and reports every failing operation at the end.
"""

import re
import time

from django.core.management import call_command

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance

# Operations that need a token: not public reading.
PRIVATE_PATHS = re.compile(r"^/api/v3/(sites/|whoami)|/revisions/")
EXAMPLES_PER_OPERATION = 120
MIN_REQUESTS = 3000
LONG = 10_000
HOSTILE = [
    "\x00",
    "garten\x00",
    "1\x00",
    "9" * 22,
    "-" + "9" * 22,
    str(2**63),
    str(2**63 - 1),
    str(-(2**63)),
    "1" + "0" * 400,
    "x" * LONG,
    "9" * LONG,
    "ä" * LONG,
    "'\"<>",
    '"(garten OR NOT*',
    "%00",
    "1.5e308",
]
LOCATIONS = ("path", "query")


def public_get_operations(schema):
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.method.upper() == "GET" and not PRIVATE_PATHS.search(operation.path):
            yield operation


def parameters(operation):
    """(location, name) of every path and query parameter of ``operation``."""
    return [
        (parameter.location.value, parameter.name)
        for parameter in operation.iter_parameters()
        if parameter.location.value in LOCATIONS
    ]


def with_value(case, location, name, value):
    """``case`` with one parameter set to ``value``."""
    if location == "path":
        case.path_parameters = {**(case.path_parameters or {}), name: value}
    else:
        case.query = {**(case.query or {}), name: value}
    return case


def hostile_cases(operation):
    """One case per parameter and hostile value; other path parameters get a plain "1"."""
    names = parameters(operation)
    plain_path = {name: "1" for location, name in names if location == "path"}
    for location, name in names:
        for value in HOSTILE:
            case = operation.Case(path_parameters=dict(plain_path), query={})
            yield with_value(case, location, name, value)


def generated(operation):
    """Schemathesis' valid and invalid cases, and valid ones with one parameter made hostile."""
    positive = operation.as_strategy(GenerationMode.POSITIVE)
    strategy = positive | operation.as_strategy(GenerationMode.NEGATIVE)
    names = parameters(operation)
    if names:
        hostile = st.tuples(positive, st.sampled_from(names), st.sampled_from(HOSTILE))
        strategy |= hostile.map(lambda drawn: with_value(drawn[0], *drawn[1], drawn[2]))
    return strategy


def fuzz(operation, base_url, calls):
    @given(case=generated(operation))
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
@pytest.mark.filterwarnings("ignore:Generating overly large repr")  # Hypothesis, about the 10,000 characters
def test_public_get_operations_answer_within_their_schema(live_server):
    call_command("load_demo_content", verbosity=0)
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v3/openapi.json")
    operations = list(public_get_operations(schema))
    calls, hostile, failures = [], [], []
    started = time.monotonic()

    for operation in operations:
        label = f"{operation.method.upper()} {operation.path}"
        for case in hostile_cases(operation):
            hostile.append(case)
            response = case.call(base_url=live_server.url)
            if response.status_code >= 500:
                failures.append(
                    f"{response.status_code} {label} {_short(case.path_parameters)} {_short(case.query)}"
                )
        try:
            fuzz(operation, live_server.url, calls)
        # A failed check raises schemathesis' FailureGroup, a BaseExceptionGroup: collect every failing
        # operation, then report them all.
        except (Exception, FailureGroup) as error:  # noqa: BLE001
            failures.append(f"{label}: {error}")

    requests = len(hostile) + len(calls)
    print(
        f"schemathesis: {len(operations)} operations, {requests} requests ({len(calls)} generated, "
        f"{len(hostile)} with one hostile value per parameter) in {time.monotonic() - started:.0f} s"
    )
    assert len(operations) >= 8, [op.path for op in operations]
    assert not failures, "\n\n".join(failures)
    assert requests >= MIN_REQUESTS


def _short(parameters):
    """Parameters for a failure message, long values cut to 20 characters."""
    return {
        name: (value[:20] + "…" if isinstance(value, str) and len(value) > 20 else value)
        for name, value in (parameters or {}).items()
    }
