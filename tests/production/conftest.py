import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from tests.helpers import require

BASE_DIR = Path(__file__).resolve().parents[2]


class Production:
    """The production setup .ci/run starts as docs/deploy.md describes: two servers on one database and cache."""

    def __init__(self, urls, env_file, maildir):
        self.urls, self.env_file, self.maildir = urls, Path(env_file), Path(maildir)
        self.a, self.b = urls[0], urls[-1]

    def request(self, method, path, server=None, allow_redirects=False, **kwargs):
        return requests.request(
            method, (server or self.a) + path, timeout=30, allow_redirects=allow_redirects, **kwargs
        )

    def get(self, path, server=None, **kwargs):
        return self.request("GET", path, server, **kwargs)

    def post(self, path, server=None, **kwargs):
        return self.request("POST", path, server, **kwargs)

    def patch(self, path, server=None, **kwargs):
        return self.request("PATCH", path, server, **kwargs)

    def manage(self, *args, stdin=None):
        """A management command with the production environment, as an operator runs one."""
        env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
        for line in self.env_file.read_text().splitlines():
            if line and not line.startswith("#"):
                key, _, value = line.partition("=")
                env[key] = value.strip('"')
        result = subprocess.run(  # noqa: S603 (our own manage.py with fixed arguments)
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout


@pytest.fixture(scope="session")
def production():
    urls = [url for url in os.environ.get("PRODUCTION_URLS", "").split(",") if url]
    require(urls, "no production setup is running (PRODUCTION_URLS is unset; .ci/run starts one)")
    return Production(urls, os.environ["PRODUCTION_ENV_FILE"], os.environ["PRODUCTION_MAILDIR"])
