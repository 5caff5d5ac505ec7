"""What the localities endpoints return."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Locality(BaseModel):
    """A province (or centrally-run city) or a commune/ward, as the statistics office lists it."""

    model_config = ConfigDict(frozen=True)

    code: str = Field(
        description='Zero-padded: 2 digits for provinces ("01", "66"), 5 for communes ("00070")'
    )
    name: str
    division_type: str = Field(
        description='"tỉnh" or "thành phố trung ương" for provinces; "xã", "phường" or "đặc khu" for communes'
    )


class CommuneOut(Locality):
    """A commune/ward and the province it lies in."""

    province_code: str
