"""The preset framework: the province's own digital-transformation index for its communes or its
departments, shaped like the provincial DTI of Decision 922/QĐ-BTTTT (3 pillars — chính quyền số, kinh tế
số, xã hội số —, 9 main indices, 1,000 points) but not the official DTI: its indicators are what a
province can measure of its own units (the platform's targets, training and coverage figures, contests,
and values it uploads)."""

from __future__ import annotations

from typing import Any

from scoring_api.indices.schemas import FrameworkCreate, SubjectKind

TOTAL_POINTS = 1000.0
SHARE = [0.0, 1.0]
"""Goalposts of an indicator that is a share (0 to 1)."""

NAMES = {
    SubjectKind.COMMUNE: "Chỉ số chuyển đổi số cấp xã của tỉnh",
    SubjectKind.DEPARTMENT: "Chỉ số chuyển đổi số cấp sở của tỉnh",
    SubjectKind.UNIT: "Chỉ số chuyển đổi số của đơn vị thuộc tỉnh",
}


def _indicator(
    code: str,
    title: str,
    points: float,
    source: str = "uploaded",
    *,
    direction: int = 1,
    normalisation: str = "goalposts",
    goalposts: list[float] | None = None,
    target_code: str | None = None,
) -> dict[str, Any]:
    indicator: dict[str, Any] = {"source": source, "direction": direction, "normalisation": normalisation}
    if normalisation == "goalposts":
        indicator["goalposts"] = goalposts or SHARE
    if target_code is not None:
        indicator["target_code"] = target_code
    return {"code": code, "title": title, "weight": points, "indicator": indicator}


def _node(code: str, title: str, points: float, children: list[dict[str, Any]]) -> dict[str, Any]:
    return {"code": code, "title": title, "weight": points, "aggregation": "arithmetic", "children": children}


def province_index(
    subject_kind: SubjectKind, *, campaign_id: str | None = None, records_target: str = "SOHOA_TTHC"
) -> FrameworkCreate:
    """The preset for `subject_kind`; with a campaign, the digitised-records indicator reads that target's
    progress (else it is uploaded)."""
    training = "coverage" if subject_kind is SubjectKind.COMMUNE else "training_rate"
    records = (
        _indicator(
            "CQS.4.1",
            "Tỷ lệ hồ sơ thủ tục hành chính được số hóa",
            50,
            "target_progress",
            target_code=records_target,
        )
        if campaign_id is not None
        else _indicator("CQS.4.1", "Tỷ lệ hồ sơ thủ tục hành chính được số hóa", 50)
    )
    nodes = [
        _node(
            "CQS",
            "Chính quyền số",
            400,
            [
                _node(
                    "CQS.1",
                    "Chuyển đổi nhận thức",
                    80,
                    [
                        _indicator("CQS.1.1", "Tuyên truyền về chuyển đổi số", 40, "manual"),
                        _indicator(
                            "CQS.1.2", "Tham gia các cuộc thi chuyển đổi số", 40, "contest_participation"
                        ),
                    ],
                ),
                _node(
                    "CQS.2",
                    "Kiến tạo thể chế",
                    60,
                    [_indicator("CQS.2.1", "Ban hành và thực hiện kế hoạch chuyển đổi số", 60, "manual")],
                ),
                _node(
                    "CQS.3",
                    "Hạ tầng và nền tảng số",
                    80,
                    [
                        _indicator("CQS.3.1", "Tỷ lệ máy tính kết nối mạng chuyên dùng", 40),
                        _indicator("CQS.3.2", "Sử dụng các nền tảng số dùng chung của tỉnh", 40),
                    ],
                ),
                _node(
                    "CQS.4",
                    "Thông tin và dữ liệu số",
                    80,
                    [records, _indicator("CQS.4.2", "Cơ sở dữ liệu chuyên ngành được cập nhật", 30)],
                ),
                _node(
                    "CQS.5",
                    "Hoạt động chính quyền số",
                    100,
                    [
                        _indicator("CQS.5.1", "Tỷ lệ hồ sơ trực tuyến toàn trình", 60),
                        _indicator("CQS.5.2", "Tỷ lệ văn bản điện tử có chữ ký số", 40),
                    ],
                ),
            ],
        ),
        _node(
            "KTS",
            "Kinh tế số",
            300,
            [
                _node(
                    "KTS.1",
                    "Hoạt động kinh tế số",
                    180,
                    [
                        _indicator("KTS.1.1", "Tỷ lệ hộ kinh doanh thanh toán không dùng tiền mặt", 100),
                        _indicator(
                            "KTS.1.2", "Sản phẩm OCOP trên sàn thương mại điện tử", 80, normalisation="minmax"
                        ),
                    ],
                ),
                _node(
                    "KTS.2",
                    "Đào tạo và phát triển nhân lực số",
                    120,
                    [_indicator("KTS.2.1", "Tỷ lệ hoàn thành bồi dưỡng kỹ năng số", 120, training)],
                ),
            ],
        ),
        _node(
            "XHS",
            "Xã hội số",
            300,
            [
                _node(
                    "XHS.1",
                    "Hoạt động xã hội số",
                    180,
                    [
                        _indicator("XHS.1.1", "Tỷ lệ người dân có danh tính số", 90),
                        _indicator("XHS.1.2", "Tỷ lệ người dân dùng dịch vụ công trực tuyến", 90),
                    ],
                ),
                _node(
                    "XHS.2",
                    "An toàn thông tin mạng",
                    120,
                    [
                        _indicator("XHS.2.1", "Hệ thống thông tin được phê duyệt cấp độ", 60),
                        _indicator(
                            "XHS.2.2",
                            "Số sự cố mất an toàn thông tin",
                            60,
                            direction=-1,
                            normalisation="minmax",
                        ),
                    ],
                ),
            ],
        ),
    ]
    return FrameworkCreate.model_validate(
        {
            "name": NAMES[subject_kind],
            "subject_kind": subject_kind.value,
            "campaign_id": campaign_id,
            "total_points": TOTAL_POINTS,
            "nodes": nodes,
        }
    )
