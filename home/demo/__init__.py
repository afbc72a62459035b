"""Demo content for ``manage.py load_demo_content``.

The content lives as plain data in the topic modules (``site``, ``regions``, ``actions``, ``events``,
``news``, ``media``); ``writer`` holds the generic create-or-skip helpers, ``steps`` turns the data into
pages, snippets, images and documents, and ``files`` draws the images and writes the PDFs locally.
"""
