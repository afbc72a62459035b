"""The one shape of a 400 answer in our API endpoints: which parameter was wrong, why, and what it accepts."""

from ninja import Field, Schema, Status


class ProblemOut(Schema):
    status: int
    title: str
    detail: str
    parameter: str = Field(description="The parameter that was wrong.")
    valid: list[str] = Field(description="Values that parameter accepts (empty when it is not a list).")


def problem_body(parameter, detail, valid=()):
    return {
        "status": 400,
        "title": "Bad Request",
        "detail": detail,
        "parameter": parameter,
        "valid": list(valid),
    }


def problem(parameter, detail, valid=()):
    return Status(400, problem_body(parameter, detail, valid))
