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
    "approved": "đã phê duyệt",
    "received": "đã tiếp nhận",
    "in_review": "đang thẩm định",
    "council": "trình Hội đồng",
    "ineligible": "không đủ điều kiện",
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
    **_policy("registration", "đăng ký thi đua", "registration"),
    **_policy("dossier", "hồ sơ đề nghị khen thưởng", "commendation dossier"),
    **_policy("file", "tệp", "file"),
    **_policy("council_session", "phiên họp Hội đồng Thi đua – Khen thưởng", "council session"),
    **_policy("decision", "quyết định khen thưởng", "decision"),
    **_policy("task", "danh sách việc cần xử lý", "tasks"),
    **_policy("official", "danh sách cán bộ", "the officials"),
    **_policy("report_form", "biểu mẫu báo cáo thống kê", "statistical report forms"),
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
    "api_client.not_found": (
        "Không có ứng dụng tích hợp mang mã {client_id}.",
        "No API client {client_id}.",
    ),
    "api_client.service_client": (
        "{client_id} là ứng dụng nội bộ của hệ thống (các dịch vụ dùng để gọi nhau): không sửa hay khóa được ở đây.",
        "{client_id} is one of the platform's own service clients (the services call each other with it): "
        "it cannot be changed here.",
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
    # --- online contests --------------------------------------------------------------------------
    **_policy("contest", "cuộc thi", "contest"),
    "contest.token_required": (
        "Cần mã dự thi (X-Participant-Token): hãy đăng ký dự thi trước.",
        "A participant token (X-Participant-Token) is required: register first.",
    ),
    "contest.bad_token": ("Mã dự thi không hợp lệ.", "The participant token is not valid."),
    "contest.unknown_units": ("Không có đơn vị mang mã: {unit_codes}.", "Unknown unit codes: {unit_codes}."),
    "contest.closed": ("Cuộc thi đã kết thúc, không thể sửa.", "The contest is closed and cannot change."),
    "contest.wrong_state": (
        "Cuộc thi đang ở trạng thái “{status}” nên không thể chuyển sang “{target}”.",
        "A {status} contest cannot become {target}.",
    ),
    "contest.no_questions": ("Ngân hàng câu hỏi của cuộc thi còn trống.", "The contest has no questions."),
    "contest.not_open": (
        "Cuộc thi chưa mở hoặc đã kết thúc (trạng thái “{status}”).",
        "The contest is not open (it is {status}).",
    ),
    "contest.unit_not_listed": (
        "Đơn vị {unit_code} không có trong danh sách đơn vị của cuộc thi.",
        "Unit {unit_code} is not one of the contest's units.",
    ),
    "contest.officials_only": (
        "Cuộc thi dành cho cán bộ, công chức: hãy đăng nhập bằng tài khoản của mình.",
        "This contest is for officials: join with your own account.",
    ),
    "contest.people_only": (
        "Chỉ người có tài khoản mới tham gia bằng tài khoản.",
        "Only people with an account join with it.",
    ),
    "contest.registration_raced": (
        "Đăng ký này vừa được ghi nhận đồng thời; vui lòng gửi lại.",
        "The same registration arrived at the same moment; please send it again.",
    ),
    "contest.registered_otherwise": (
        "Số CCCD này đã đăng ký dự thi với thông tin khác.",
        "This national ID is registered with other details.",
    ),
    "contest.too_many_registrations": (
        "Quá nhiều lượt đăng ký từ địa chỉ này; vui lòng thử lại sau.",
        "Too many registrations from this address; try again later.",
    ),
    "contest.too_many_attempts": (
        "Quá nhiều lượt thi trong thời gian ngắn; vui lòng thử lại sau.",
        "Too many attempts in a short time; try again later.",
    ),
    "contest_question.not_found": ("Không tìm thấy câu hỏi.", "No such question."),
    "contest_question.keys_repeat": ("Hai phương án trùng ký hiệu.", "Two options share a key."),
    "contest_question.unknown_keys": (
        "Đáp án đúng không có trong các phương án: {keys}.",
        "Correct keys that are not options: {keys}.",
    ),
    "question_import.no_file": (
        "Cần đúng một tệp XLSX ở trường “file”.",
        "Exactly one XLSX file is expected in the field 'file'.",
    ),
    "question_import.unreadable": (
        "Không đọc được tệp: cần tệp XLSX theo mẫu.",
        "The file is not a readable XLSX.",
    ),
    "question_import.too_many_rows": ("Tệp có quá 5.000 câu hỏi.", "The file has more than 5,000 questions."),
    "question_import.empty": ("Tệp không có câu hỏi nào.", "The file has no question."),
    "question_import.bad_difficulty": (
        "Độ khó phải là số từ 1 đến 5.",
        "Difficulty is a number from 1 to 5.",
    ),
    "question_import.no_text": ("Thiếu nội dung câu hỏi.", "The question has no text."),
    "question_import.too_few_options": ("Cần ít nhất hai phương án.", "At least two options are needed."),
    "question_import.no_key": ("Thiếu đáp án đúng.", "No correct key."),
    "question_import.unknown_keys": (
        "Đáp án đúng không có trong các phương án: {keys}.",
        "Correct keys that are not options: {keys}.",
    ),
    "question_import.bad_row": (
        "Dòng không hợp lệ (độ dài, ký tự điều khiển hoặc độ khó ngoài 1–5).",
        "The row is not valid (a length, a control character or a difficulty outside 1–5).",
    ),
    "contest_round.not_found": ("Không tìm thấy vòng thi.", "No such round."),
    "contest_round.closes_before_opening": (
        "Thời điểm đóng (closes_at) phải sau thời điểm mở (opens_at).",
        "closes_at is after opens_at.",
    ),
    "contest_round.overlaps": (
        "Vòng thi trùng thời gian với vòng {no} ({opens_at} – {closes_at}).",
        "The round overlaps round {no} ({opens_at} – {closes_at}).",
    ),
    "contest_round.no_taken": ("Cuộc thi đã có vòng số {no}.", "The contest already has a round {no}."),
    "contest_round.closed": (
        "Vòng thi đã đóng, không thể đổi thời gian.",
        "The round has closed; its times stay.",
    ),
    "contest_round.not_open": (
        "Vòng thi không mở lúc này (trạng thái “{status}”).",
        "The round is not open now (it is {status}).",
    ),
    "contest_attempt.not_found": ("Không tìm thấy lượt thi.", "No such attempt."),
    "contest_attempt.limit": (
        "Bạn đã dùng hết {limit} lượt thi của vòng này.",
        "You have used the {limit} attempt(s) of this round.",
    ),
    "contest_attempt.submitted": (
        "Bài thi đã nộp; không thể thay đổi.",
        "The attempt is submitted; it cannot change.",
    ),
    "contest_attempt.deadline_passed": (
        "Đã hết giờ làm bài ({deadline}); câu trả lời không được ghi nhận.",
        "The deadline ({deadline}) has passed; the answers were not kept.",
    ),
    "contest_attempt.question_not_drawn": (
        "Câu hỏi {question_id} không thuộc lượt thi này.",
        "Question {question_id} is not in this attempt.",
    ),
    "contest_attempt.unknown_keys": (
        "Phương án không có trong câu hỏi: {keys}.",
        "Keys that are not options: {keys}.",
    ),
    "registration.unknown_unit": ("Không có đơn vị mang mã {unit_code}.", "No unit {unit_code}."),
    "registration.duplicate": (
        "Đơn vị {unit_code} đã đăng ký thi đua năm {year} trong phong trào này.",
        "Unit {unit_code} has already registered for {year} in this movement.",
    ),
    "registration.title_mismatch": (
        "Danh hiệu {title_code} không dành cho đối tượng “{subject_type}”.",
        "Title {title_code} is not for a subject of type {subject_type}.",
    ),
    "registration.wrong_state": (
        "Không thể “{action}” bản đăng ký đang ở trạng thái “{status_label}”.",
        "A registration that is {status} cannot be {action}.",
    ),
    "dossier.unknown_unit": ("Không có đơn vị mang mã {unit_code}.", "No unit {unit_code}."),
    "dossier.unknown_campaign": ("Không có phong trào thi đua này.", "No such movement."),
    "dossier.nominee_award": (
        "Người/tập thể được đề nghị thứ {index} phải có danh hiệu (title_code) hoặc hình thức khen "
        "(form_code), chỉ một trong hai.",
        "Nominee {index} names a title (title_code) or a form (form_code): exactly one of them.",
    ),
    "dossier.wrong_state": (
        "Không thể “{action}” hồ sơ đang ở trạng thái “{status_label}”.",
        "A dossier that is {status} cannot be {action}.",
    ),
    "council.unknown_member": (
        "Thành viên thứ {index} không phải là tài khoản cán bộ đang hoạt động.",
        "Member {index} is not an active official's account.",
    ),
    "council.quorum_over_members": (
        "Số thành viên tối thiểu ({quorum}) lớn hơn số thành viên ({members}).",
        "The quorum ({quorum}) is more than the members ({members}).",
    ),
    "council.unknown_dossier": ("Không có hồ sơ {dossier_id}.", "No dossier {dossier_id}."),
    "council.dossier_not_at_council": (
        "Hồ sơ {dossier_id} chưa được trình Hội đồng (đang ở trạng thái “{status_label}”).",
        "Dossier {dossier_id} is not at the council; it is {status}.",
    ),
    "council.not_on_agenda": (
        "Người được đề nghị này không có trong phiên họp.",
        "This nominee is not on the session's agenda.",
    ),
    "council.already_voted": (
        "Bạn đã biểu quyết cho người được đề nghị này.",
        "You have already voted on this nominee.",
    ),
    "decision.unknown_session": ("Không có phiên họp Hội đồng này.", "No such council session."),
    "decision.one_award": (
        "Quyết định ghi đúng một danh hiệu (title_code) hoặc một hình thức khen thưởng (form_code).",
        "A decision names exactly one title (title_code) or one form (form_code).",
    ),
    "decision.nominee_not_passed": (
        "Người được đề nghị thứ {index} chưa được Hội đồng thông qua, không có trong phiên họp hoặc được "
        "đề nghị danh hiệu/hình thức khác.",
        "Nominee {index} was not passed by this council, is not on its agenda or was proposed for another award.",
    ),
    "decision.already_awarded": (
        "Người được đề nghị thứ {index} đã có trong quyết định khen thưởng khác.",
        "Nominee {index} is already awarded by another decision.",
    ),
    "decision.several_campaigns": (
        "Một quyết định chỉ khen thưởng trong một phong trào.",
        "A decision awards within one movement.",
    ),
    "decision.duplicate_number": (
        "Đã có quyết định số {number}.",
        "There is already a decision numbered {number}.",
    ),
    "decision.already_revoked": ("Quyết định này đã bị thu hồi.", "This decision is already revoked."),
    "scoring.unavailable": (
        "Không kết nối được {service}; hãy thử lại sau.",
        "{service} could not be reached; try again later.",
    ),
    "scoring.round_not_found": ("Không có đợt chấm điểm này.", "No such scoring round."),
    "dossier.unknown_assignee": (
        "Không có cán bộ (tài khoản đang hoạt động) này để phân công.",
        "No active official account to assign.",
    ),
    # --- the initiative contest (judging/) ------------------------------------------------------------
    **_policy("judging", "đợt chấm sáng kiến", "initiative judging"),
    "judging.criteria_repeat": ("Mỗi tiêu chí chỉ được nêu một lần.", "Each criterion may be listed once."),
    "judging.unknown_judge": (
        "Giám khảo thứ {index} không phải là tài khoản cán bộ đang hoạt động.",
        "Judge {index} is not an active official's account.",
    ),
    "judging.unknown_initiative": (
        "Sáng kiến này không thuộc phong trào của đợt chấm.",
        "This initiative is not one of the judging's movement.",
    ),
    "judging.initiative_rejected": (
        "Sáng kiến đã bị từ chối nên không được chấm.",
        "The initiative was rejected and is not judged.",
    ),
    "judging.decided": (
        "Đã quyết định mức công nhận cho sáng kiến này; điểm không thay đổi được nữa.",
        "The initiative's recognition is decided; its scores can no longer change.",
    ),
    "judging.unknown_criterion": (
        "Đợt chấm không có tiêu chí {criterion}.",
        "The judging has no criterion {criterion}.",
    ),
    "judging.points_over_max": (
        "Điểm vượt quá điểm tối đa của tiêu chí ({max_points}).",
        "The points exceed the criterion's maximum ({max_points}).",
    ),
    "judging.criteria_missing": (
        "Cần chấm đủ mọi tiêu chí; còn thiếu: {codes}.",
        "Every criterion needs points; missing: {codes}.",
    ),
}

i18n.register(MESSAGES)
