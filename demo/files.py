"""Files made on the spot for the demo: landscape illustrations (PNG) and one-page PDFs.

Nothing is downloaded; everything is drawn with Pillow or written as plain PDF syntax, so a fresh
install works offline and produces the same bytes every time.
"""

import math
import textwrap
from io import BytesIO

from PIL import Image, ImageDraw

SIZE = (1200, 675)


def _rgb(hex_colour):
    value = hex_colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def _hill(width, base, amplitude, waves, phase):
    points = [(0, SIZE[1])]
    for x in range(0, width + 1, 10):
        y = base + amplitude * math.sin(2 * math.pi * waves * x / width + phase)
        points.append((x, y))
    points.append((width, SIZE[1]))
    return points


def _motif(draw, motif, colour):
    """A simple pictogram in the foreground, so the images of different topics are told apart."""
    width, height = SIZE
    if motif == "bike":
        for cx in (470, 730):
            draw.ellipse((cx - 95, 400, cx + 95, 590), outline=colour, width=14)
        draw.line([(470, 495), (570, 380), (730, 495), (620, 495), (470, 495)], fill=colour, width=14)
        draw.line([(570, 380), (540, 330), (600, 330)], fill=colour, width=12)
        draw.line([(690, 400), (710, 340), (760, 340)], fill=colour, width=12)
    elif motif == "sprout":
        draw.line([(600, 600), (600, 400)], fill=colour, width=16)
        draw.ellipse((600, 330, 760, 420), fill=colour)
        draw.ellipse((440, 360, 600, 450), fill=colour)
    elif motif == "houses":
        for i, x in enumerate(range(300, 900, 150)):
            top = 420 - (i % 2) * 40
            draw.rectangle((x, top, x + 110, 600), fill=colour)
            draw.polygon([(x - 15, top), (x + 55, top - 70), (x + 125, top)], fill=colour)
    elif motif == "people":
        for i, x in enumerate(range(330, 900, 135)):
            head = 380 + (i % 2) * 25
            draw.ellipse((x, head, x + 70, head + 70), fill=colour)
            draw.rounded_rectangle((x - 20, head + 85, x + 90, 620), radius=45, fill=colour)
    elif motif == "sun-panels":
        for x in range(330, 870, 180):
            draw.polygon([(x, 560), (x + 40, 430), (x + 190, 430), (x + 150, 560)], fill=colour)
            draw.line([(x + 95, 560), (x + 95, 620)], fill=colour, width=10)
    elif motif == "circles":
        for i in range(5):
            r = 60 + 25 * i
            draw.ellipse(
                (width / 2 - r, height * 0.62 - r, width / 2 + r, height * 0.62 + r), outline=colour, width=8
            )


def artwork_png(spec):
    """A 1200×675 landscape: sky gradient, sun, three rolling hills and a motif, as PNG bytes."""
    width, height = SIZE
    top = Image.new("RGB", SIZE, _rgb(spec["sky"][0]))
    bottom = Image.new("RGB", SIZE, _rgb(spec["sky"][1]))
    mask = Image.linear_gradient("L").resize(SIZE)
    canvas = Image.composite(bottom, top, mask).convert("RGBA")

    overlay = Image.new("RGBA", SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    sun_x, sun_y = spec.get("sun", (0.78, 0.28))
    r = 90
    draw.ellipse(
        (sun_x * width - r, sun_y * height - r, sun_x * width + r, sun_y * height + r),
        fill=(*_rgb(spec.get("sun_colour", "#FFF3C4")), 235),
    )
    phase = spec.get("phase", 0.0)
    for layer, colour in enumerate(spec["hills"]):
        base = height * (0.55 + 0.12 * layer)
        points = _hill(width, base, 38 - 8 * layer, 1.2 + 0.6 * layer, phase + layer * 1.7)
        draw.polygon(points, fill=(*_rgb(colour), 255))
    _motif(draw, spec.get("motif", "none"), (*_rgb(spec.get("motif_colour", "#FFFFFF")), 215))
    canvas = Image.alpha_composite(canvas, overlay).convert("RGB")

    buffer = BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _pdf_text(text):
    encoded = text.encode("cp1252", errors="replace")
    return encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def simple_pdf(title, paragraphs):
    """A one-page A4 PDF with a bold title and wrapped paragraphs (Helvetica, WinAnsi encoding)."""
    lines = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, width=88) or [""])
        lines.append("")
    content = b"BT /F2 18 Tf 56 780 Td (" + _pdf_text(title) + b") Tj ET\n"
    content += b"BT /F1 11 Tf 15 TL 56 745 Td\n"
    for line in lines[:44]:
        content += b"(" + _pdf_text(line) + b") Tj T*\n"
    content += b"ET\n"

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    output = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(output))
        output += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(output)
    output += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    output += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    output += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return output
