"""CSV files that spreadsheet programs (Excel, LibreOffice Calc) open as they are, and safely."""

import csv

# A cell starting with one of these is read as a formula by spreadsheet programs ("CSV injection", OWASP): a
# member's display name "=HYPERLINK(…)" must arrive as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"


def spreadsheet_cell(value):
    """``value`` as the text of a cell; one that would start a formula gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def write_spreadsheet_csv(out, header, rows):
    """Write ``header`` and ``rows`` to ``out`` (a text file or an ``HttpResponse`` with charset UTF-8).

    Made for Excel in a German locale, which opens a double-clicked CSV file with the system's list separator
    (a semicolon where the decimal separator is a comma) and reads it as Windows-1252 unless it starts with a
    byte order mark. LibreOffice and Python's ``csv`` read such a file too (with ``encoding="utf-8-sig"``).
    """
    out.write(BYTE_ORDER_MARK)
    writer = csv.writer(out, delimiter=";")
    for row in (header, *rows):
        writer.writerow([spreadsheet_cell(value) for value in row])
