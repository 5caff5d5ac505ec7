"""The emulation titles and commendation forms of the Law on Emulation and Commendation 2022
(Luật Thi đua, khen thưởng số 06/2022/QH15, articles 24–27 and 29–33). Reference data, fixed by law:
kept in code, as the localities are, and served as read-only catalogues."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    code: str
    name: str
    subject_type: str
    level: str


TITLES: tuple[Entry, ...] = (
    # Individuals (Điều 25)
    Entry("CSTD_TOAN_QUOC", "Chiến sĩ thi đua toàn quốc", "individual", "state"),
    Entry("CSTD_TINH", "Chiến sĩ thi đua bộ, ban, ngành, tỉnh", "individual", "province"),
    Entry("CSTD_CO_SO", "Chiến sĩ thi đua cơ sở", "individual", "grassroots"),
    Entry("LAO_DONG_TIEN_TIEN", "Lao động tiên tiến", "individual", "grassroots"),
    Entry("CHIEN_SI_TIEN_TIEN", "Chiến sĩ tiên tiến", "individual", "grassroots"),
    # Collectives (Điều 26)
    Entry("CO_THI_DUA_CP", "Cờ thi đua của Chính phủ", "collective", "state"),
    Entry("CO_THI_DUA_TINH", "Cờ thi đua của bộ, ban, ngành, tỉnh", "collective", "province"),
    Entry("TAP_THE_LD_XUAT_SAC", "Tập thể lao động xuất sắc", "collective", "grassroots"),
    Entry("DON_VI_QUYET_THANG", "Đơn vị quyết thắng", "collective", "grassroots"),
    Entry("TAP_THE_LD_TIEN_TIEN", "Tập thể lao động tiên tiến", "collective", "grassroots"),
    Entry("DON_VI_TIEN_TIEN", "Đơn vị tiên tiến", "collective", "grassroots"),
    Entry("THON_TO_DP_VAN_HOA", "Thôn, tổ dân phố văn hóa", "collective", "grassroots"),
    # Households (Điều 24)
    Entry("GIA_DINH_VAN_HOA", "Gia đình văn hóa", "household", "grassroots"),
)

FORMS: tuple[Entry, ...] = (
    Entry("HUAN_CHUONG_LAO_DONG", "Huân chương Lao động", "any", "state"),
    Entry("BANG_KHEN_TTCP", "Bằng khen của Thủ tướng Chính phủ", "any", "state"),
    Entry("BANG_KHEN_TINH", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "any", "province"),
    Entry("BANG_KHEN_BO", "Bằng khen của bộ, ban, ngành", "any", "province"),
    Entry("GIAY_KHEN", "Giấy khen", "any", "grassroots"),
)

TITLE_CODES = {entry.code: entry for entry in TITLES}
FORM_CODES = {entry.code: entry for entry in FORMS}
