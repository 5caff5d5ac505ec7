"""Every problem code of campaign-api, with its Vietnamese (default) and English text.

Registered once, when the app is built (`main.py` imports this module). A raise names its code
(`NotFound(code="campaign.not_found")`, `InvalidState(code="campaign.wrong_state", params={...})`); the
kit answers in the caller's language (`Accept-Language: en` for English). The access policy's refusals
are `<kind>.forbidden` (and `<kind>.not_found` for the hidden kinds), one pair per kind of `access.py`.
Texts repeat codes, dates and states, never a person's name, a password or anything secret.
"""

from __future__ import annotations

from service_kit import i18n

STATUS_LABELS = {
    "draft": "nháp",
    "active": "đang triển khai",
    "closed": "đã kết thúc",
    "submitted": "đã nộp",
    "accepted": "đã chấp nhận",
    "returned": "bị trả lại",
    "rejected": "bị từ chối",
}
"""A state as the Vietnamese text says it (`status_label`); the English text says the state itself."""


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def _policy(kind: str, vi_label: str, en_label: str) -> dict[str, tuple[str, str]]:
    return {
        f"{kind}.forbidden": (
            f"Bạn không có quyền thực hiện thao tác này với {vi_label}.",
            f"You may not do this with {en_label}.",
        ),
        f"{kind}.not_found": (f"Không tìm thấy {vi_label}.", f"No such {en_label}."),
    }


MESSAGES: dict[str, tuple[str, str]] = {
    # --- the access policy (access.py): one pair per kind -----------------------------------------
    **_policy("campaign", "phong trào thi đua", "movement"),
    **_policy("participant", "đơn vị tham gia", "participant"),
    **_policy("report", "báo cáo", "report"),
    **_policy("initiative", "sáng kiến", "initiative"),
    **_policy("commendation", "khen thưởng", "commendation"),
    **_policy("unit", "đơn vị", "unit"),
    **_policy("account", "tài khoản", "account"),
    **_policy("api_client", "ứng dụng tích hợp (API client)", "API client"),
    **_policy("locality", "địa bàn hành chính", "locality"),
    **_policy("revocation", "danh sách thu hồi phiên đăng nhập", "token revocations"),
    **_policy("learner_account", "tài khoản học viên", "learner account"),
    # --- tokens and sign-in -------------------------------------------------------------------
    "auth.basic_malformed": (
        "Thông tin xác thực Basic không đúng định dạng.",
        "The Basic credentials are malformed.",
    ),
    "auth.password_grant_fields": (
        "Đăng nhập bằng mật khẩu cần tên đăng nhập và mật khẩu.",
        "The password grant needs username and password.",
    ),
    "auth.client_grant_fields": (
        "Cấp mã cho ứng dụng cần client_id và client_secret.",
        "The client_credentials grant needs client_id and client_secret.",
    ),
    "auth.refresh_grant_fields": (
        "Làm mới phiên cần refresh_token.",
        "The refresh_token grant needs refresh_token.",
    ),
    "auth.unsupported_grant": (
        "Kiểu cấp mã “{grant_type}” không được hỗ trợ.",
        "The grant type {grant_type!r} is not supported.",
    ),
    "auth.wrong_credentials": (
        "Tên đăng nhập hoặc mật khẩu không đúng.",
        "The username or password is wrong.",
    ),
    "auth.account_deactivated": ("Tài khoản này đã bị khóa.", "This account is deactivated."),
    "auth.wrong_client_credentials": (
        "Thông tin xác thực của ứng dụng không đúng.",
        "The client credentials are wrong.",
    ),
    "auth.scope_not_granted": (
        "Ứng dụng không được cấp mọi phạm vi (scope) đã yêu cầu.",
        "The client is not granted every requested scope.",
    ),
    "auth.refresh_token_invalid": ("Mã làm mới phiên không hợp lệ.", "The refresh token is not valid."),
    "auth.refresh_token_reused": (
        "Mã làm mới phiên đã được dùng; vui lòng đăng nhập lại.",
        "The refresh token was already used; sign in again.",
    ),
    "auth.refresh_token_expired": (
        "Mã làm mới phiên đã hết hạn; vui lòng đăng nhập lại.",
        "The refresh token has expired; sign in again.",
    ),
    "auth.locked": (
        "Đăng nhập sai quá nhiều lần; vui lòng chờ {retry_after} giây rồi thử lại.",
        "Too many failed sign-ins; wait {retry_after} seconds before trying again.",
    ),
    "auth.account_gone": (
        "Tài khoản của phiên đăng nhập này không còn tồn tại hoặc đã bị khóa.",
        "The account of this token no longer exists or is deactivated.",
    ),
    # --- learner sign-up ----------------------------------------------------------------------
    "signup.refused": (
        "Không tạo được tài khoản với các thông tin này. Hãy kiểm tra số CCCD và ngày sinh; nếu bạn đã "
        "có tài khoản, hãy đăng nhập hoặc liên hệ cán bộ phụ trách để đặt lại mật khẩu.",
        "No account can be created with these details. Check the national ID and birth date; if you "
        "already have an account, sign in or ask an official to reset its password.",
    ),
    "signup.too_many": (
        "Có quá nhiều lần đăng ký từ địa chỉ này; vui lòng chờ {retry_after} giây rồi thử lại.",
        "Too many sign-up attempts from this address; wait {retry_after} seconds before trying again.",
    ),
    "literacy.unavailable": (
        "Không tra cứu được hồ sơ học viên: dịch vụ {service} tạm thời không phản hồi.",
        "Learner records cannot be reached: {service} is not answering.",
    ),
    # --- accounts and API clients -------------------------------------------------------------
    "account.unknown_units": (
        "Không có đơn vị mang mã: {unit_codes}.",
        "Unknown unit codes: {unit_codes}.",
    ),
    "account.username_taken": (
        "Đã có tài khoản với tên đăng nhập {username}.",
        "An account named {username} exists.",
    ),
    "account.learner_roles_fixed": (
        "Vai trò của tài khoản học viên không thay đổi được.",
        "A learner account's roles do not change.",
    ),
    "account.learner_by_signup": (
        "Tài khoản học viên chỉ được tạo khi học viên tự đăng ký.",
        "Learner accounts are created by sign-up.",
    ),
    "account.manager_needs_units": (
        "Cán bộ quản lý phải phụ trách ít nhất một đơn vị: hãy nhập mã đơn vị.",
        "A manager acts for units: give at least one unit code.",
    ),
    "account.own_admin": (
        "Bạn không thể tự khóa tài khoản của mình hay tự bỏ vai trò quản trị của mình; hãy nhờ một "
        "quản trị viên khác.",
        "You cannot deactivate your own account or take away your own admin role; ask another administrator.",
    ),
    "account.own_password": (
        "Đổi mật khẩu của chính bạn ở mục “Đổi mật khẩu” (cần mật khẩu hiện tại), không phải ở đây.",
        "Change your own password with POST /v1/auth/password (it asks for the current one), not here.",
    ),
    "account.wrong_password": ("Mật khẩu hiện tại không đúng.", "The current password is wrong."),
    "account.password_not_here": (
        "Chỉ tài khoản đăng nhập bằng mật khẩu của hệ thống này mới đổi mật khẩu ở đây.",
        "Only accounts that sign in with a password of this issuer change it here.",
    ),
    "api_client.exists": (
        "Đã có ứng dụng tích hợp mang mã {client_id}.",
        "A client {client_id} exists.",
    ),
    # --- localities and units ---------------------------------------------------------------------
    "province.not_found": (
        "Không có tỉnh, thành phố mã {code}: mã tỉnh gồm hai chữ số, ví dụ 01 hoặc 66.",
        "No province {code}: province codes have two digits, e.g. 01 or 66.",
    ),
    "commune.not_found": (
        "Không có xã, phường mã {code}: mã xã gồm năm chữ số, ví dụ 00070.",
        "No commune or ward {code}: commune codes have five digits, e.g. 00070.",
    ),
    "unit.exists": ("Đã có đơn vị mang mã {code}.", "A unit with code {code} exists."),
    "unit.cycle": (
        "Không thể chuyển đơn vị {code} về dưới chính nó hoặc một đơn vị cấp dưới của nó ({parent_code}).",
        "{code} cannot move under itself or one of its own sub-units ({parent_code}).",
    ),
    "unit.unknown_province": (
        "Không có tỉnh, thành phố mã {province_code} (34 tỉnh, thành phố từ tháng 7/2025).",
        "No province {province_code} (34 provinces since July 2025).",
    ),
    "unit.commune_required": (
        "Đơn vị cấp xã, phường phải có mã xã (commune_code).",
        "A commune or ward unit names its commune_code.",
    ),
    "unit.unknown_commune": ("Không có xã, phường mã {commune_code}.", "No commune or ward {commune_code}."),
    "unit.commune_outside_province": (
        "Xã, phường {commune_code} không thuộc tỉnh {province_code}.",
        "Commune {commune_code} is not in province {province_code}.",
    ),
    "unit.unknown_parent": ("Không có đơn vị cấp trên mã {parent_code}.", "No unit {parent_code}."),
    # --- movements, phases, targets -------------------------------------------------------------
    "campaign.unknown_organizer": (
        "Không có đơn vị chủ trì mã {unit_code}.",
        "No unit {unit_code}.",
    ),
    "campaign.unknown_parent": ("Không có phong trào cấp trên {parent_id}.", "No campaign {parent_id}."),
    "campaign.outside_parent": (
        "Phong trào con phải nằm trong thời gian của phong trào cấp trên.",
        "A child campaign lies within its parent's dates.",
    ),
    "campaign.exists": ("Đã có phong trào mang mã {code}.", "A campaign with code {code} exists."),
    "campaign.closed": (
        "Phong trào đã kết thúc: không thay đổi, không nhận thêm đơn vị hay kế hoạch.",
        "A closed campaign does not change, enrols no one and takes no more plans.",
    ),
    "campaign.dates_reversed": (
        "Ngày kết thúc (ends_on) trước ngày bắt đầu (starts_on).",
        "ends_on is before starts_on.",
    ),
    "campaign.contents_repeat": (
        "Hai nội dung trọng tâm trùng số thứ tự.",
        "Two key contents share a number.",
    ),
    "campaign.phase_outside_dates": (
        "Giai đoạn “{phase}” sẽ nằm ngoài thời gian mới của phong trào.",
        "Phase {phase!r} would fall outside the campaign's new dates.",
    ),
    "campaign.wrong_state": (
        "Phong trào đang ở trạng thái “{status_label}” nên không thể {action_label}.",
        "A {status} campaign cannot {action}; it must be {source} first.",
    ),
    "phase.outside_campaign": (
        "Giai đoạn phải nằm trong thời gian của phong trào ({starts_on} – {ends_on}).",
        "A phase lies inside the campaign ({starts_on} – {ends_on}).",
    ),
    "phase.overlaps": (
        "Giai đoạn này trùng thời gian với giai đoạn “{phase}” ({starts_on} – {ends_on}).",
        "The phase overlaps {phase!r} ({starts_on} – {ends_on}).",
    ),
    "phase.not_found": ("Phong trào không có giai đoạn này.", "The campaign has no such phase."),
    "phase.invalid_ends_on": (
        "Ngày kết thúc giai đoạn trước ngày bắt đầu.",
        "The phase would end before it starts.",
    ),
    "phase.invalid_milestones": (
        "Có mốc thời gian nằm ngoài giai đoạn.",
        "A milestone would fall outside the phase.",
    ),
    "phase.depended_on": (
        "Không thể đổi thời gian hay các mốc của giai đoạn “{phase}”: đã có {reports} báo cáo và {plans} kế hoạch"
        " dựa vào đó. Chỉ sửa được tên giai đoạn.",
        "Phase {phase!r} has {reports} reports and {plans} plans that depend on its dates and milestones;"
        " only its name can change.",
    ),
    "phase.in_use": (
        "Không thể xóa giai đoạn “{phase}”: đã có {reports} báo cáo và {plans} kế hoạch dựa vào đó.",
        "Phase {phase!r} cannot be deleted: {reports} reports and {plans} plans depend on it.",
    ),
    "target.not_found": ("Phong trào không có chỉ tiêu này.", "The campaign has no such target."),
    "target.inconsistent": (
        "Giá trị chỉ tiêu không hợp lệ: chỉ tiêu tăng phải cao hơn giá trị ban đầu, chỉ tiêu giảm phải thấp hơn,"
        " tỷ lệ phần trăm nằm trong 0–100.",
        "Inconsistent target: {reason}.",
    ),
    "target.measured": (
        "Đã có {reports} báo cáo ghi số liệu cho chỉ tiêu “{target}”: không đổi được cách đo, giá trị ban đầu,"
        " giá trị mục tiêu hay chiều tăng giảm. Chỉ sửa được tên và hạn.",
        "{reports} reports give target {target!r} a value: its {fields} cannot change; only its title and"
        " due date can.",
    ),
    "target.in_use": (
        "Không thể xóa chỉ tiêu “{target}”: đã có {reports} báo cáo ghi số liệu cho chỉ tiêu này.",
        "Target {target!r} cannot be deleted: {reports} reports give it a value.",
    ),
    "target.exists": (
        "Phong trào đã có chỉ tiêu mang mã {code}.",
        "The campaign already has a target {code}.",
    ),
    # --- participation ----------------------------------------------------------------------------
    "participant.unknown_units": (
        "Không có đơn vị mang mã: {unit_codes}. Không đơn vị nào được ghi danh.",
        "Unknown unit codes: {unit_codes}. No unit was enrolled.",
    ),
    "participant.absent": (
        "Đơn vị {unit_code} không tham gia phong trào này.",
        "Unit {unit_code} does not take part in this campaign.",
    ),
    "report.period_outside": (
        "Kỳ báo cáo phải kết thúc trong thời gian của phong trào ({starts_on} – {ends_on}).",
        "The period ends outside the campaign ({starts_on} – {ends_on}).",
    ),
    "report.unknown_targets": (
        "Phong trào không có chỉ tiêu mang mã: {target_codes}.",
        "Unknown target codes: {target_codes}.",
    ),
    "report.campaign_not_active": (
        "Chỉ nộp báo cáo khi phong trào đang triển khai; phong trào đang ở trạng thái “{status_label}”.",
        "Reports are filed while the campaign is active; it is {status}.",
    ),
    "report.not_returned": (
        "Chỉ báo cáo bị trả lại mới được nộp lại; báo cáo này đang ở trạng thái “{status_label}”.",
        "Only a returned report is submitted again; this one is {status}.",
    ),
    "report.not_submitted": (
        "Chỉ xem xét báo cáo đã nộp; báo cáo này đang ở trạng thái “{status_label}”.",
        "Only a submitted report is reviewed; this one is {status}.",
    ),
    # --- recognition ------------------------------------------------------------------------------
    "initiative.campaign_not_active": (
        "Chỉ nộp sáng kiến khi phong trào đang triển khai; phong trào đang ở trạng thái “{status_label}”.",
        "Initiatives are submitted while the campaign is active; it is {status}.",
    ),
    "initiative.already_assessed": (
        "Sáng kiến này đã được đánh giá (“{status_label}”).",
        "This initiative is already {status}.",
    ),
    "commendation.unknown_unit": ("Không có đơn vị mang mã {unit_code}.", "No unit {unit_code}."),
}

i18n.register(MESSAGES)
