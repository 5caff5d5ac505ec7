"""`fold` makes Vietnamese names comparable however they are typed."""

import unicodedata

import pytest

from service_kit.text import fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đắk Lắk", "dak lak"),
        ("dak lak", "dak lak"),
        ("DAK  LAK", "dak lak"),
        ("Thừa Thiên Huế", "thua thien hue"),
        ("Phường Hoàn Kiếm", "phuong hoan kiem"),
        ("đặc khu Phú Quốc", "dac khu phu quoc"),
        ("ĐẶC KHU CÔN ĐẢO", "dac khu con dao"),
        ("Thành phố Hồ Chí Minh", "thanh pho ho chi minh"),
        ("Xã Ea H’Leo", "xa ea h'leo"),
        ("Văn Miếu - Quốc Tử Giám", "van mieu - quoc tu giam"),
        ("  Phường\t Buôn  Ma\nThuột ", "phuong buon ma thuot"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_an_already_plain_string_is_unchanged():
    assert fold("binh dan hoc vu so 2025") == "binh dan hoc vu so 2025"


def test_tone_placement_and_unicode_form_do_not_matter():
    spellings = ["Hòa Bình", "Hoà Bình", "HOÀ BÌNH", unicodedata.normalize("NFD", "Hòa Bình")]
    assert {fold(spelling) for spelling in spellings} == {"hoa binh"}
    assert fold("Thủy") == fold("Thuỷ") == "thuy"
