"""gunicorn's configuration for Mitmach-Hub: `gunicorn -c deploy/gunicorn.conf.py hub.wsgi` (docs/deploy.md)."""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Two processes per core is gunicorn's rule of thumb; each holds the whole app, so memory caps it too.
workers = int(os.environ.get("GUNICORN_WORKERS", "4"))
# Slow clients are the reverse proxy's business; a request that takes longer than this is a bug.
timeout = 30
graceful_timeout = 20
# Workers are replaced now and then so a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
