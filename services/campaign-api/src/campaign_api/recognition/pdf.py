"""A commendation decision as a PDF in the layout of Vietnamese administrative documents (Decree
30/2020/NĐ-CP): the issuing body and the number on the left, the national emblem line and the place and
date on the right, "QUYẾT ĐỊNH" and its subject centred, the grounds, the articles, the recipients and
the signer. reportlab's built-in fonts have no Vietnamese glyphs: Open Sans is embedded (the
`ttf-opensans` package, as the literacy certificates do)."""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Final

from reportlab.lib.colors import HexColor, black
from reportlab.lib.pagesizes import A4
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
WIDTH, HEIGHT = A4
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_BOTTOM = 85.0, 57.0, 70.0
RED: Final = HexColor("#b91c1c")


@functools.cache
def register_fonts() -> None:
    package = resources.files("ttf_opensans") / "ttf"
    for name, filename in _FONT_FILES.items():
        with resources.as_file(package / filename) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))


@dataclass(frozen=True)
class DecisionAwardee:
    subject_name: str
    unit_name: str
    achievements: str


@dataclass(frozen=True)
class DecisionDocument:
    number: str
    signed_on: date
    place: str
    issuing_body: str
    signer: str
    signer_title: str
    award_name: str
    campaign_title: str
    awardees: list[DecisionAwardee]
    revoked_reason: str | None = None


def vietnamese_date(day: date) -> str:
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


class _Page:
    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.y = HEIGHT - 60

    def need(self, height: float) -> None:
        if self.y - height < MARGIN_BOTTOM:
            self.canvas.showPage()
            self.y = HEIGHT - 60

    def centred(self, text: str, font: str, size: float, *, x: float | None = None, gap: float = 4) -> None:
        self.need(size + gap)
        self.canvas.setFont(font, size)
        self.canvas.setFillColor(black)
        self.canvas.drawCentredString(x if x is not None else WIDTH / 2, self.y, text)
        self.y -= size + gap

    def paragraph(self, text: str, font: str = REGULAR, size: float = 13, *, indent: float = 28) -> None:
        width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
        lines = simpleSplit(text, font, size, width - indent)
        for index, line in enumerate(lines):
            self.need(size + 5)
            self.canvas.setFont(font, size)
            self.canvas.drawString(MARGIN_LEFT + (indent if index == 0 else 0), self.y, line)
            self.y -= size + 5
        self.y -= 3


def render_decision(document: DecisionDocument) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, initialFontName=REGULAR)
    canvas.setTitle(f"Quyết định số {document.number}")
    canvas.setAuthor(document.issuing_body)
    canvas.setSubject(f"Về việc tặng {document.award_name}")
    canvas.setCreator("Thi Đua Số")
    page = _Page(canvas)

    left_x, right_x, top = MARGIN_LEFT + 95, WIDTH - MARGIN_RIGHT - 150, HEIGHT - 60
    canvas.setFont(BOLD, 12)
    for index, line in enumerate(simpleSplit(document.issuing_body.upper(), BOLD, 12, 200)[:3]):
        canvas.drawCentredString(left_x, top - index * 15, line)
    header_lines = min(3, len(simpleSplit(document.issuing_body.upper(), BOLD, 12, 200)))
    rule_y = top - (header_lines - 1) * 15 - 6
    canvas.line(left_x - 30, rule_y, left_x + 30, rule_y)
    canvas.setFont(REGULAR, 13)
    canvas.drawCentredString(left_x, rule_y - 20, f"Số: {document.number}")

    canvas.setFont(BOLD, 12)
    canvas.drawCentredString(right_x, top, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    canvas.setFont(BOLD, 13)
    motto = "Độc lập - Tự do - Hạnh phúc"
    canvas.drawCentredString(right_x, top - 16, motto)
    half = pdfmetrics.stringWidth(motto, BOLD, 13) / 2
    canvas.line(right_x - half, top - 22, right_x + half, top - 22)
    canvas.setFont(ITALIC, 13)
    canvas.drawCentredString(right_x, top - 42, f"{document.place}, {vietnamese_date(document.signed_on)}")

    page.y = min(rule_y - 60, top - 90)
    page.centred("QUYẾT ĐỊNH", BOLD, 14)
    for line in simpleSplit(f"Về việc tặng {document.award_name}", BOLD, 13, WIDTH - 200):
        page.centred(line, BOLD, 13)
    page.y -= 10
    for line in simpleSplit(
        f"{document.signer_title} {document.issuing_body}".upper(), BOLD, 13, WIDTH - 160
    ):
        page.centred(line, BOLD, 13)
    page.y -= 8
    page.paragraph("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", ITALIC)
    page.paragraph(
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi "
        "hành một số điều của Luật Thi đua, khen thưởng;",
        ITALIC,
    )
    page.paragraph(
        f"Xét đề nghị của Hội đồng Thi đua – Khen thưởng về kết quả phong trào “{document.campaign_title}”.",
        ITALIC,
    )
    page.centred("QUYẾT ĐỊNH:", BOLD, 14, gap=8)
    page.paragraph(
        f"Điều 1. Tặng {document.award_name} cho {len(document.awardees)} tập thể, cá nhân có tên sau "
        "đây, đã có thành tích xuất sắc trong phong trào thi đua:"
    )
    for index, awardee in enumerate(document.awardees, start=1):
        line = f"{index}. {awardee.subject_name} — {awardee.unit_name}"
        page.paragraph(line, BOLD, 13, indent=40)
        if awardee.achievements:
            page.paragraph(f"Thành tích: {awardee.achievements}", REGULAR, 12, indent=56)
    page.paragraph(
        "Điều 2. Tập thể, cá nhân có tên tại Điều 1 được nhận hiện vật và tiền thưởng theo quy định của "
        "pháp luật về thi đua, khen thưởng."
    )
    page.paragraph(
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị "
        "và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này."
    )

    page.need(150)
    block_top = page.y - 10
    canvas.setFont(BOLD, 12)
    canvas.drawString(MARGIN_LEFT, block_top, "Nơi nhận:")
    canvas.setFont(REGULAR, 11)
    for index, line in enumerate(
        ("- Như Điều 3;", "- Hội đồng Thi đua – Khen thưởng;", "- Ban Thi đua – Khen thưởng;", "- Lưu: VT.")
    ):
        canvas.drawString(MARGIN_LEFT, block_top - 15 - index * 14, line)
    sign_x = WIDTH - MARGIN_RIGHT - 120
    canvas.setFont(BOLD, 13)
    canvas.drawCentredString(sign_x, block_top, document.signer_title.upper())
    canvas.setFont(ITALIC, 12)
    canvas.drawCentredString(sign_x, block_top - 16, "(Đã ký)")
    canvas.setFont(BOLD, 13)
    canvas.drawCentredString(sign_x, block_top - 90, document.signer)

    if document.revoked_reason is not None:
        canvas.saveState()
        canvas.setFillColor(RED)
        canvas.setFont(BOLD, 28)
        canvas.translate(WIDTH / 2, HEIGHT / 2)
        canvas.rotate(30)
        canvas.drawCentredString(0, 0, "ĐÃ THU HỒI")
        canvas.setFont(REGULAR, 11)
        for index, line in enumerate(simpleSplit(f"Lý do: {document.revoked_reason}", REGULAR, 11, 300)[:4]):
            canvas.drawCentredString(0, -20 - index * 13, line)
        canvas.restoreState()
    canvas.save()
    return buffer.getvalue()
