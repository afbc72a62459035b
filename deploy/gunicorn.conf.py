"""gunicorn's configuration for Mitmach-Hub: `gunicorn -c deploy/gunicorn.conf.py hub.wsgi` (docs/deploy.md)."""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Two processes per core is gunicorn's rule of thumb; each holds the whole app, so memory caps it too.
workers = int(os.environ.get("GUNICORN_WORKERS", "4"))
# Slow clients are the reverse proxy's business; a request that takes longer than this is a bug.
timeout = 30
graceful_timeout = 20
# The app is loaded once, before the workers are forked: a worker that is replaced starts at once instead of
# importing Django and Wagtail again (seconds on a busy machine, while its share of the requests waits).
# Nothing opens a connection at import time, so no socket is shared between workers.
preload_app = True
# Workers are replaced now and then so a slow leak cannot grow without bound; the wide jitter keeps them from
# being replaced together.
max_requests = 5000
max_requests_jitter = 2500
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
