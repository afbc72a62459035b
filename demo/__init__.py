"""The demo site for ``manage.py load_demo_content`` (development, tests, and production only when asked).

- ``data/``: the content as plain data, one module per topic (``site``, ``regions``, ``actions``, ``events``,
  ``news``, ``media``, and ``keys`` for the fields of action);
- ``writer``: the generic create-or-skip helpers that make every step idempotent;
- ``stream``: builders for StreamField bodies; ``files``: draws the images and writes the PDFs locally;
- ``steps``: turns the data into pages, snippets, images and documents;
- ``accounts``: the members shown on the map and the development logins;
- ``forum``, ``region_applications``: the demo of those apps (data and step in one module each).
"""
