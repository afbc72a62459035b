from tests.smtp import smtp  # noqa: F401 (a fixture)
