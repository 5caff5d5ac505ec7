"""The printable certificate: one A4 landscape page, Vietnamese text with its diacritics, a QR code."""

import io
import re
import unicodedata
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from literacy_api.certificates.pdf import format_hours, render_certificate

VERIFY_URL = "https://thiduaso.example.vn/verify/BDHVS-2025-000123"


def render(**overrides) -> bytes:
    arguments = {
        "code": "BDHVS-2025-000123",
        "learner_name": "Nguyễn Thị Hương",
        "course_title": "Sử dụng VNeID và dịch vụ công trực tuyến",
        "hours": Decimal("8"),
        "issued_on": date(2025, 10, 25),
        "verify_url": VERIFY_URL,
    }
    return render_certificate(**(arguments | overrides))


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return unicodedata.normalize("NFC", text)


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render()


def test_one_a4_landscape_page(pdf):
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)


def test_the_text_is_vietnamese_with_its_diacritics(pdf):
    text = text_of(pdf)
    for expected in (
        "GIẤY CHỨNG NHẬN",
        "Hoàn thành khóa học",
        "Nguyễn Thị Hương",
        "Sử dụng VNeID và dịch vụ công trực tuyến",
        "Thời lượng: 8 giờ",
        "Ngày cấp: 25/10/2025",
        "BDHVS-2025-000123",
        "Bình dân học vụ số",
    ):
        assert expected in text, (expected, text)


def test_the_font_is_embedded_and_the_base_fonts_are_not_used(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = {str(font.get_object()["/BaseFont"]) for font in fonts.values()}
    assert names
    assert all("OpenSans" in name for name in names), names
    for font in fonts.values():
        descendant = font.get_object()
        descriptor = descendant.get("/FontDescriptor")
        if descriptor is None:  # a Type0 font keeps it on its descendant
            descriptor = descendant["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object(), names


def test_the_page_draws_a_qr_code(pdf):
    """The QR code is drawn as many small filled squares (no image): the page's content is full of them."""
    reader = PdfReader(io.BytesIO(pdf))
    content = reader.pages[0].get_contents()
    assert content is not None
    operations = content.get_data().decode("latin-1")
    assert len(re.findall(r" re\b", operations)) > 100
    assert not reader.pages[0]["/Resources"].get("/XObject")


def test_the_issuer_date_and_hours_change_with_the_arguments():
    text = text_of(
        render(
            learner_name="Hoàng Văn Đức",
            hours=4.5,
            issued_on=date(2026, 1, 5),
            issuer="Sở Khoa học và Công nghệ tỉnh Đắk Lắk",
            code="C-7",
        )
    )
    assert "Hoàng Văn Đức" in text
    assert "Thời lượng: 4,5 giờ" in text
    assert "Ngày cấp: 05/01/2026" in text
    assert "Sở Khoa học và Công nghệ tỉnh Đắk Lắk" in text
    assert "C-7" in text


def test_a_long_course_title_still_fits_one_page():
    title = " ".join(["Kỹ năng số cơ bản cho cán bộ, công chức, viên chức cấp xã"] * 6)
    pdf = render(course_title=title, learner_name="Tôn Nữ Hoàng Phương Thảo Nguyên Bích Ngọc Trâm Anh")
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert "Tôn Nữ Hoàng Phương Thảo Nguyên Bích Ngọc Trâm Anh" in text_of(pdf)


@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        (Decimal("8"), "8"),
        (Decimal("8.00"), "8"),
        (Decimal("10"), "10"),
        (Decimal("120.0"), "120"),
        (Decimal("4.50"), "4,5"),
        (12.0, "12"),
        (1.25, "1,25"),
    ],
)
def test_hours_are_written_with_a_decimal_comma(hours, expected):
    assert format_hours(hours) == expected
