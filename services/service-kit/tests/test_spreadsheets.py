"""Exported cells never run as formulas and never carry control characters."""

import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from service_kit.spreadsheets import safe_cell, safe_row, safe_text


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ('=HYPERLINK("http://x","bấm")', '\'=HYPERLINK("http://x","bấm")'),
        ("+84 912 345 678", "'+84 912 345 678"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Phường\x01 Tân Lập", "Phường Tân Lập"),
        ("Sở Văn hóa", "Sở Văn hóa"),
    ],
)
def test_text_that_looks_like_a_formula_is_written_as_text(written, stored):
    assert safe_text(written) == stored


def test_other_values_are_kept_as_they_are():
    assert safe_row([Decimal("92.50"), 3, date(2025, 7, 15), None]) == [
        Decimal("92.50"),
        3,
        date(2025, 7, 15),
        None,
    ]
    assert safe_cell("\x00") == ""


def test_a_sheet_written_with_safe_cells_opens_and_holds_no_formula():
    workbook = openpyxl.Workbook()
    workbook.active.append(safe_row(["=1+1", "Xã\x1f Hòa Bình"]))
    buffer = io.BytesIO()
    workbook.save(buffer)
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active
    assert [cell.value for cell in sheet[1]] == ["'=1+1", "Xã Hòa Bình"]
    assert all(cell.data_type == "s" for cell in sheet[1])
