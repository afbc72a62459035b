"""Search words as SQLite's FTS5 reads them: each word one quoted string, whatever characters it holds.

Wagtail's database search backend on SQLite (``modelsearch.backends.database.sqlite``) puts every search word
in double quotes for FTS5's MATCH (``"garten"``) but does not double a ``"`` inside the word, as FTS5 requires
(https://www.sqlite.org/fts5.html#fts5_strings). ``garten"`` or ``'"<>`` ended the string early and answered
"fts5: syntax error" or "unterminated string" — a 500 on the site search, the action pool and every
``?search=`` of the API. This is the one place all of them pass through, so ``install()`` (called from
``SearchConfig.ready()``) gives modelsearch's ``Lexeme`` the quoting FTS5 documents. modelsearch's own doubling
of ``'`` and ``\\`` is dropped: the MATCH expression is a bound parameter, not SQL text, and FTS5's tokenizer
treats both as separators anyway. PostgreSQL's backend is not affected (modelsearch's SQLite module cannot even
be imported there). Remove this module once modelsearch quotes correctly; tests/hub/test_bad_input.py checks
the behaviour either way.
"""

from django.db import connection


def quote(word, *, prefix=False):
    """``word`` as one FTS5 string (``"…"`` with inner quotes doubled); ``prefix`` matches words starting with it."""
    quoted = '"' + word.replace('"', '""') + '"'
    return quoted + "*" if prefix else quoted


def _lexeme_as_sql(lexeme, compiler, db_connection):
    # The caller substitutes the parameter into the MATCH expression itself ("%s" % params), as before.
    return "%s", [quote(lexeme.value, prefix=lexeme.prefix)]


def install():
    if connection.vendor != "sqlite":
        return
    # Only importable with SQLite as the database: it looks up a model registered for SQLite only.
    from modelsearch.backends.database.sqlite.query import Lexeme

    Lexeme.as_sql = _lexeme_as_sql
