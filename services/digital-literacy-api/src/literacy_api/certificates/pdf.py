"""The printable certificate: one A4 landscape page in Vietnamese, with a QR code to verify it online.

reportlab's built-in PDF fonts have no Vietnamese glyphs, so the page embeds Open Sans (Apache-2.0),
which covers the whole Vietnamese alphabet and is installed from PyPI with the service (the
`ttf-opensans` package) — no system font is needed. Only the glyphs used are embedded (subsetting).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from importlib import resources
from typing import Final

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color, HexColor, black
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

REGULAR: Final = "OpenSans"
BOLD: Final = "OpenSans-Bold"
ITALIC: Final = "OpenSans-Italic"
_FONT_FILES: Final = {
    REGULAR: "OpenSans-Regular.ttf",
    BOLD: "OpenSans-Bold.ttf",
    ITALIC: "OpenSans-Italic.ttf",
}

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
RED: Final = HexColor("#9b1c1c")
GOLD: Final = HexColor("#c9a227")
NAVY: Final = HexColor("#1f3a68")
GREY: Final = HexColor("#4b5563")


@functools.cache
def register_fonts() -> None:
    """Register the Vietnamese-capable fonts with reportlab, once per process."""
    package = resources.files("ttf_opensans") / "ttf"
    for name, filename in _FONT_FILES.items():
        with resources.as_file(package / filename) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))


def format_hours(hours: Decimal | float) -> str:
    """`Decimal("4.50")` → `"4,5"`, `8.0` → `"8"`: Vietnamese writes a decimal comma."""
    value = hours if isinstance(hours, Decimal) else Decimal(str(hours))
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


def _fitting_size(text: str, font: str, size: float, width: float, *, smallest: float) -> float:
    """The largest size ≤ `size` (down to `smallest`) at which `text` fits in `width`."""
    while size > smallest and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def _centred(canvas: Canvas, x: float, y: float, text: str, font: str, size: float, color: Color) -> None:
    canvas.setFont(font, size)
    canvas.setFillColor(color)
    canvas.drawCentredString(x, y, text)


def _centred_fitting(
    canvas: Canvas, x: float, y: float, text: str, font: str, size: float, color: Color, *, width: float
) -> None:
    _centred(canvas, x, y, text, font, _fitting_size(text, font, size, width, smallest=8), color)


def _lines(text: str, font: str, size: float, width: float, *, most: int) -> list[str]:
    """`text` wrapped to `width`, at most `most` lines (the last one shortened with an ellipsis)."""
    lines: list[str] = simpleSplit(text, font, size, width)
    if len(lines) <= most:
        return lines
    last = " ".join(lines[most - 1 :])
    while last and pdfmetrics.stringWidth(last + "…", font, size) > width:
        last = last[:-1]
    return [*lines[: most - 1], last.rstrip() + "…"]


def _border(canvas: Canvas) -> None:
    canvas.setStrokeColor(RED)
    canvas.setLineWidth(3)
    canvas.rect(18, 18, PAGE_WIDTH - 36, PAGE_HEIGHT - 36)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(1.2)
    canvas.rect(26, 26, PAGE_WIDTH - 52, PAGE_HEIGHT - 52)


def _qr(canvas: Canvas, value: str, *, x: float, y: float, size: float) -> None:
    widget = QrCodeWidget(value, barLevel="M")
    left, bottom, right, top = widget.getBounds()
    scale = [size / (right - left), 0, 0, size / (top - bottom), 0, 0]
    # A drawing's font would otherwise be Helvetica (a QR code has no text, but the page would name it).
    drawing = Drawing(size, size, transform=scale, initialFontName=REGULAR)
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)


def _draw_lines(
    canvas: Canvas, x: float, top: float, lines: Iterable[str], font: str, size: float, leading: float
) -> float:
    """Centre each line on `x` from baseline `top` down; returns the baseline after the last one."""
    y = top
    for line in lines:
        _centred(canvas, x, y, line, font, size, NAVY)
        y -= leading
    return y


def render_certificate(
    *,
    code: str,
    learner_name: str,
    course_title: str,
    hours: Decimal | float,
    issued_on: date,
    verify_url: str,
    issuer: str = "Bình dân học vụ số",
) -> bytes:
    """A one-page A4 landscape PDF certifying that `learner_name` completed `course_title`."""
    register_fonts()
    buffer = io.BytesIO()
    # The initial font would otherwise be Helvetica: referenced by the page though never used.
    canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=1, initialFontName=REGULAR)
    canvas.setTitle(f"Giấy chứng nhận {code}")
    canvas.setAuthor(issuer)
    canvas.setSubject(f"{learner_name} — {course_title}")
    canvas.setCreator("Thi Đua Số")

    centre = PAGE_WIDTH / 2
    _border(canvas)

    # Header: the issuer on the left, the national motto on the right, as Vietnamese certificates have.
    left_x, right_x, header_y = PAGE_WIDTH * 0.26, PAGE_WIDTH * 0.70, PAGE_HEIGHT - 72
    _centred_fitting(canvas, left_x, header_y, issuer.upper(), BOLD, 12, RED, width=300)
    _centred(canvas, right_x, header_y, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", BOLD, 12, black)
    _centred(canvas, right_x, header_y - 17, "Độc lập - Tự do - Hạnh phúc", BOLD, 12, black)
    canvas.setStrokeColor(black)
    canvas.setLineWidth(0.8)
    motto_half = pdfmetrics.stringWidth("Độc lập - Tự do - Hạnh phúc", BOLD, 12) / 2
    canvas.line(right_x - motto_half, header_y - 23, right_x + motto_half, header_y - 23)
    canvas.line(left_x - 40, header_y - 10, left_x + 40, header_y - 10)

    _centred(canvas, centre, PAGE_HEIGHT - 170, "GIẤY CHỨNG NHẬN", BOLD, 40, RED)
    _centred(canvas, centre, PAGE_HEIGHT - 200, "Hoàn thành khóa học", ITALIC, 17, GREY)

    text_width = PAGE_WIDTH - 160
    _centred(canvas, centre, PAGE_HEIGHT - 242, "Chứng nhận Ông/Bà", REGULAR, 14, black)
    _centred_fitting(canvas, centre, PAGE_HEIGHT - 282, learner_name, BOLD, 30, NAVY, width=text_width)
    _centred(canvas, centre, PAGE_HEIGHT - 314, "đã hoàn thành khóa học", REGULAR, 14, black)

    course_size = _fitting_size(course_title, BOLD, 19, text_width * 2, smallest=12)
    course_lines = _lines(course_title, BOLD, course_size, text_width, most=2)
    after_course = _draw_lines(
        canvas, centre, PAGE_HEIGHT - 345, course_lines, BOLD, course_size, course_size * 1.3
    )
    _centred(canvas, centre, after_course - 4, f"Thời lượng: {format_hours(hours)} giờ", REGULAR, 13, black)

    # Footer: the QR code and the code to verify on the left; the date and the issuer on the right.
    qr_size, qr_x, qr_y = 104, 56, 42
    _qr(canvas, verify_url, x=qr_x, y=qr_y, size=qr_size)
    note_x = qr_x + qr_size + 10
    canvas.setFillColor(black)
    canvas.setFont(REGULAR, 10)
    canvas.drawString(note_x, qr_y + 70, "Mã chứng nhận:")
    canvas.setFont(BOLD, 14)
    canvas.drawString(note_x, qr_y + 52, code)
    canvas.setFillColor(GREY)
    canvas.setFont(ITALIC, 9)
    canvas.drawString(note_x, qr_y + 34, "Quét mã QR để kiểm tra giấy chứng nhận")
    url_size = _fitting_size(verify_url, REGULAR, 8, 260, smallest=5)
    if pdfmetrics.stringWidth(verify_url, REGULAR, url_size) <= 260:
        canvas.setFont(REGULAR, url_size)
        canvas.drawString(note_x, qr_y + 20, verify_url)

    sign_x = PAGE_WIDTH * 0.72
    _centred(canvas, sign_x, 132, f"Ngày cấp: {issued_on:%d/%m/%Y}", ITALIC, 13, black)
    _centred_fitting(canvas, sign_x, 110, issuer, BOLD, 14, RED, width=300)

    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
