"""Every problem code of digital-literacy-api, with its Vietnamese (default) and English text.

Registered once, when the app is built (`main.py` imports this module). A raise names its code
(`NotFound(code="learner.not_found")`, `field_error("unit_code", code="unit.unknown", unit_code=...)`);
the kit answers in the caller's language. The access policy's refusals are `<kind>.forbidden` (and
`<kind>.not_found` for the hidden kinds: learners, training records, imports), one per kind of `access.py`.
Texts never carry personal data: a name, a birth date, an ethnicity or a national ID is never a parameter.
"""

from __future__ import annotations

from service_kit import i18n

MESSAGES: dict[str, tuple[str, str]] = {
    # The access policy (access.py), one refusal per kind.
    "learner.forbidden": (
        "Bạn không có quyền thực hiện thao tác này với người học ở xã/phường hoặc đơn vị này.",
        "You may not do this for a learner of this commune or unit.",
    ),
    "learner.not_found": ("Không tìm thấy người học.", "No such learner."),
    "training_record.forbidden": (
        "Bạn không có quyền thực hiện thao tác này với kết quả học tập này.",
        "You may not do this on this training record.",
    ),
    "training_record.not_found": ("Không tìm thấy kết quả học tập.", "No such training record."),
    "import.forbidden": (
        "Bạn không có quyền dùng chức năng nhập dữ liệu.",
        "You may not use the import desk.",
    ),
    "import.not_found": ("Không tìm thấy lượt nhập dữ liệu.", "No such import."),
    "course.forbidden": (
        "Chỉ quản trị viên được thêm hoặc sửa khóa học.",
        "Only administrators add or change courses.",
    ),
    "class.forbidden": (
        "Bạn chỉ được mở lớp ở xã/phường mình phụ trách.",
        "You may open classes only in the communes you act for.",
    ),
    "certificate.forbidden": (
        "Chỉ quản trị viên được thu hồi giấy chứng nhận.",
        "Only administrators revoke certificates.",
    ),
    "learner_match.forbidden": (
        "Chỉ ứng dụng được cấp quyền literacy:match được tra cứu người học.",
        "Only API clients granted literacy:match look learners up.",
    ),
    "unit_statistics.forbidden": (
        "Bạn không có quyền xem tỉ lệ hoàn thành của các đơn vị.",
        "You may not read the units' completion rates.",
    ),
    "coverage.forbidden": (
        "Bạn không có quyền xem số liệu thống kê này.",
        "You may not read these statistics.",
    ),
    "population.forbidden": (
        "Bạn không có quyền xem hoặc sửa số dân của xã/phường.",
        "You may not read or set the population figures.",
    ),
    "competences.forbidden": (
        "Bạn không có quyền xem khung năng lực số.",
        "You may not read the competence frameworks.",
    ),
    "me.forbidden": (
        "Chỉ người học đã đăng nhập được xem dữ liệu của chính mình.",
        "Only a signed-in learner reads their own data.",
    ),
    # Learners.
    "learner.exists": (
        "Đã có người học với số CCCD này.",
        "A learner with this national ID exists.",
    ),
    "learner.erased": (
        "Dữ liệu cá nhân của người học này đã bị xóa; không sửa được nữa.",
        "This learner's personal data was erased; it cannot be changed.",
    ),
    "learner.no_match": (
        "Không có người học nào khớp các thông tin này.",
        "No learner matches these details.",
    ),
    "learner.not_linked": (
        "Tài khoản này chưa được liên kết với hồ sơ người học nào.",
        "No learner record is linked to this account.",
    ),
    "learner.unknown": ("Không có người học {learner_id}.", "No learner {learner_id}."),
    "learner.born_in_future": (
        "Ngày sinh không thể sau ngày hôm nay.",
        "A date of birth cannot be after today.",
    ),
    "learner.account_unavailable": (
        "Chưa khóa được tài khoản đăng nhập của người học (hệ thống tài khoản không trả lời); "
        "chưa xóa gì. Vui lòng thử lại sau.",
        "The learner's sign-in account could not be deactivated (the account service did not answer); "
        "nothing was erased. Try again later.",
    ),
    # Places and units.
    "locality.unknown_commune": (
        "Không có xã/phường mã {commune_code}.",
        "No commune or ward {commune_code}.",
    ),
    "locality.unknown_province": ("Không có tỉnh/thành mã {province_code}.", "No province {province_code}."),
    "locality.commune_outside_province": (
        "Xã/phường {commune_code} không thuộc tỉnh/thành {province_code}.",
        "Commune {commune_code} is not in province {province_code}.",
    ),
    "unit.unknown": (
        "Không có đơn vị mã {unit_code} trong danh mục đơn vị.",
        "No unit {unit_code} in the directory of units.",
    ),
    "campaign.unavailable": (
        "Hệ thống danh mục đơn vị và tài khoản (campaign-api) tạm thời không trả lời; vui lòng thử lại sau.",
        "The directory of units and accounts (campaign-api) cannot answer just now; try again later.",
    ),
    # Courses and classes.
    "course.unknown": ("Không có khóa học mã {course_code}.", "No course {course_code}."),
    "course.exists": ("Đã có khóa học mã {course_code}.", "A course {course_code} exists."),
    "course.unknown_competences": (
        "Không có năng lực: {codes}.",
        "Unknown competences: {codes}.",
    ),
    "class.unknown": (
        "Không có lớp nào của khóa học này với mã đó.",
        "No class of this course with that id.",
    ),
    "class.dates_reversed": (
        "Ngày kết thúc lớp phải từ ngày bắt đầu trở đi.",
        "A class ends on or after the day it starts.",
    ),
    # Training records and certificates.
    "record.wrong_transition": (
        "Kết quả học tập đang ở trạng thái {current} không chuyển sang {requested} được.",
        "A {current} record cannot become {requested}.",
    ),
    "record.completed_on_fixed": (
        "Ngày hoàn thành không thay đổi được sau khi đã hoàn thành.",
        "completed_on never changes once a record is completed.",
    ),
    "record.completed_on_out_of_range": (
        "Ngày hoàn thành phải từ ngày ghi danh đến hôm nay.",
        "completed_on lies between enrolled_on and today.",
    ),
    "record.completed_on_not_completed": (
        "Chỉ khóa học đã hoàn thành mới có ngày hoàn thành.",
        "Only a completed record has completed_on.",
    ),
    "record.enrolled_in_future": (
        "Ngày ghi danh không thể sau ngày hôm nay.",
        "enrolled_on cannot be after today.",
    ),
    "certificate.not_found": ("Không có giấy chứng nhận mang mã này.", "No certificate has this code."),
    "certificate.revoked": ("Giấy chứng nhận này đã bị thu hồi.", "This certificate was revoked."),
    "certificate.already_revoked": (
        "Giấy chứng nhận này đã bị thu hồi trước đó.",
        "This certificate is revoked already.",
    ),
    # Competences.
    "competences.unknown_framework": (
        "Không có khung năng lực {framework}; các khung hiện có: {known}.",
        "No competence framework {framework}: the frameworks are {known}.",
    ),
    # Imports.
    "import.too_large": (
        "Tệp lớn hơn {limit_mb} MB; hãy chia thành nhiều tệp.",
        "The file is larger than {limit_mb} MB; split it into several files.",
    ),
    "import.file_missing": (
        "Hãy gửi tệp trong trường 'file' (multipart/form-data).",
        "Send the file in the 'file' field (multipart/form-data).",
    ),
    "import.too_small": (
        "Tệp quá nhỏ (dưới {smallest} byte) để chứa dòng tiêu đề và một dòng dữ liệu: tệp trống hoặc sai tệp?",
        "The file is too small (under {smallest} bytes) to hold the header and a row: empty, or not the file?",
    ),
    "import.unexpected_field": (
        "Chỉ gửi một trường 'file'; trường {part} không được nhận.",
        "Send one field, 'file'; the field {part} is not taken.",
    ),
    # The learning record store (xAPI) and actor links.
    "xapi.forbidden": (
        "Bạn không có quyền thực hiện thao tác này với kho dữ liệu học tập (xAPI).",
        "You may not do this in the learning record store (xAPI).",
    ),
    "actor_link.forbidden": (
        "Bạn không có quyền liên kết tài khoản nền tảng học tập với người học.",
        "You may not link learning-platform accounts to learners.",
    ),
    "xapi.credentials_required": (
        "Cần xác thực: HTTP Basic (mã và khóa bí mật của ứng dụng) hoặc Bearer.",
        "Authentication is required: HTTP Basic (the API client's id and secret) or Bearer.",
    ),
    "xapi.credentials_invalid": (
        "Mã hoặc khóa bí mật của ứng dụng không đúng.",
        "The API client's id or secret is wrong.",
    ),
    "xapi.version_required": (
        "Thiếu tiêu đề X-Experience-API-Version (2.0.0 hoặc 1.0.3).",
        "The X-Experience-API-Version header is required (2.0.0 or 1.0.3).",
    ),
    "xapi.version_unsupported": (
        "Phiên bản xAPI {version} không được hỗ trợ (chỉ 2.0.x và 1.0.x).",
        "xAPI version {version} is not supported (only 2.0.x and 1.0.x).",
    ),
    "xapi.content_type": (
        "Nội dung phải là application/json (nhận được {content_type}).",
        "The body must be application/json (got {content_type}).",
    ),
    "xapi.json_invalid": ("Nội dung không phải JSON hợp lệ.", "The body is not valid JSON."),
    "xapi.alternate_syntax": (
        "Cú pháp yêu cầu thay thế (tham số method) không hợp lệ: {reason}",
        "The alternate request syntax (the method parameter) is not valid: {reason}",
    ),
    "xapi.attachments_invalid": (
        "Tệp đính kèm không hợp lệ: {reason}",
        "The attachments are not valid: {reason}",
    ),
    "xapi.signature_invalid": (
        "Chữ ký của câu lệnh không hợp lệ: {reason}",
        "The statement's signature is not valid: {reason}",
    ),
    "xapi.document_not_found": ("Không tìm thấy tài liệu.", "No such document."),
    "xapi.document_precondition_required": (
        "xAPI 1.0.3: ghi hồ sơ (PUT) cần If-Match, hoặc If-None-Match: * cho hồ sơ mới.",
        "xAPI 1.0.3: a profile's PUT needs If-Match, or If-None-Match: * for a new one.",
    ),
    "xapi.document_precondition": (
        "Tài liệu đã thay đổi (If-Match / If-None-Match không khớp).",
        "The document has changed (If-Match / If-None-Match does not hold).",
    ),
    "xapi.document_exists": (
        "Tài liệu đã có: gửi If-Match với ETag hiện tại để thay, hoặc If-None-Match: * để chỉ tạo mới.",
        "The document exists: send If-Match with its current ETag to replace it, or If-None-Match: * to "
        "create only.",
    ),
    "xapi.document_not_json_object": (
        "Tài liệu gửi với application/json phải là một đối tượng JSON.",
        "A document sent as application/json must be a JSON object.",
    ),
    "xapi.document_not_mergeable": (
        "Chỉ gộp được hai đối tượng JSON (application/json).",
        "Only two JSON objects (application/json) can be merged.",
    ),
    "xapi.statement_invalid": (
        "Câu lệnh xAPI không hợp lệ: {reason}",
        "The xAPI statement is not valid: {reason}",
    ),
    "xapi.statement_id_mismatch": (
        "Mã câu lệnh trong nội dung khác với tham số statementId.",
        "The statement's id differs from the statementId parameter.",
    ),
    "xapi.statement_duplicate_in_batch": (
        "Một mã câu lệnh xuất hiện hai lần trong cùng lô.",
        "A statement id appears twice in the batch.",
    ),
    "xapi.statement_conflict": (
        "Câu lệnh {statement_id} đã được lưu với nội dung khác; không có gì thay đổi.",
        "Statement {statement_id} is already stored with other content; nothing changed.",
    ),
    "xapi.void_voiding": (
        "Không thể hủy một câu lệnh hủy ({statement_id}).",
        "A voiding statement ({statement_id}) cannot be voided.",
    ),
    "xapi.statement_not_found": ("Không tìm thấy câu lệnh.", "No such statement."),
    "xapi.cursor_invalid": (
        "Con trỏ phân trang không do máy chủ cấp.",
        "The paging cursor was not issued by this server.",
    ),
    "xapi.parameter_invalid": (
        "Tham số {parameter} không hợp lệ.",
        "The parameter {parameter} is not valid.",
    ),
    "xapi.parameter_unknown": (
        "Tham số {parameter} không được nhận.",
        "The parameter {parameter} is not taken.",
    ),
    "xapi.parameter_single": (
        "statementId hoặc voidedStatementId chỉ đi cùng format và attachments.",
        "statementId or voidedStatementId go only with format and attachments.",
    ),
    "xapi.actor_linked_elsewhere": (
        "Tài khoản này đã được liên kết với một người học khác.",
        "This account is already linked to another learner.",
    ),
    "course.activity_taken": (
        "Một mã hoạt động xAPI đã thuộc về khóa học {course_code}.",
        "An xAPI activity IRI already belongs to course {course_code}.",
    ),
}

# The validation errors of literacy's own input types (inputs.py), in Vietnamese.
VALIDATION_MESSAGES: dict[str, str] = {
    "reference_unknown": "Không có mã {value} trong danh mục.",
}

i18n.register(MESSAGES)
for error_type, text in VALIDATION_MESSAGES.items():
    i18n.VALIDATION_MESSAGES.setdefault(error_type, text)
