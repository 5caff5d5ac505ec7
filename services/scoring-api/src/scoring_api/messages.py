"""Every problem code of scoring-api, with its Vietnamese (default) and English text.

Registered once, when the app is built (`main.py` imports this module). A raise names its code
(`NotFound(code="round.not_found")`, `InvalidState(code="scorecard.wrong_state", params={...})`); the kit
answers in the caller's language. The access policy's refusals are `<kind>.forbidden` (and
`scorecard.not_found` for another unit's card), one per kind of `access.py`. The problems of a criteria
tree, its bands and the scores entered (`scorecards/scoring.py`) carry their own codes, listed in `errors`.
Texts never repeat a name or a note from the request: only codes, numbers and states.
"""

from __future__ import annotations

from service_kit import i18n

STATUS_LABELS = {
    "draft": "nháp",
    "submitted": "đã nộp",
    "reviewed": "đã thẩm định",
    "approved": "đã phê duyệt",
    "returned": "bị trả lại",
}
"""A scorecard's state as the Vietnamese text says it (`status_label`); English says the state itself."""

ACTION_LABELS = {
    "score": "chấm điểm",
    "submit": "nộp",
    "review": "thẩm định",
    "approve": "phê duyệt",
    "return": "trả lại",
}

MESSAGES: dict[str, tuple[str, str]] = {
    # The access policy (access.py), one refusal per kind.
    "criteria_set.forbidden": (
        "Bạn không có quyền thực hiện thao tác này với bộ tiêu chí; chỉ quản trị viên tạo, sửa và công bố "
        "bộ tiêu chí.",
        "You may not do this with criteria sets; administrators create, change and publish them.",
    ),
    "criteria_set.not_found": ("Không tìm thấy bộ tiêu chí.", "No such criteria set."),
    "criteria_set.wrong_state": (
        "Bộ tiêu chí đã được công bố: không sửa hay công bố lại được nữa; muốn thay đổi, hãy tạo phiên bản mới.",
        "This criteria set is published: it does not change and is not published again; create a new version.",
    ),
    "round.forbidden": (
        "Bạn không có quyền thực hiện thao tác này với đợt chấm điểm.",
        "You may not do this with scoring rounds.",
    ),
    "round.not_found": ("Không tìm thấy đợt chấm điểm.", "No such round."),
    # The same code and text as campaign-api's (one process may register both: the client generator).
    "task.forbidden": (
        "Bạn không có quyền thực hiện thao tác này với danh sách việc cần xử lý.",
        "You may not do this with tasks.",
    ),
    "round.scores_individuals": (
        "Đợt này chấm điểm cá nhân: phiếu chấm được thêm từng người một.",
        "This round scores individuals: their scorecards are added one by one.",
    ),
    "round.scores_collectives": (
        "Đợt này chấm điểm tập thể: hãy tạo phiếu chấm từ danh sách đơn vị tham gia phong trào.",
        "This round scores collectives: generate their scorecards from the campaign's participants.",
    ),
    "scorecard.forbidden": (
        "Bạn không có quyền thực hiện thao tác này với phiếu chấm điểm.",
        "You may not do this with this scorecard.",
    ),
    "scorecard.not_found": ("Không tìm thấy phiếu chấm điểm.", "No such scorecard."),
    "scorecard.wrong_state": (
        "Phiếu chấm đang ở trạng thái “{status_label}”: chưa đến hoặc đã qua lượt {action_label} của bạn. "
        "Quản lý đơn vị chấm và nộp khi phiếu là nháp hoặc bị trả lại; thẩm định viên chấm, thẩm định hoặc "
        "trả lại khi phiếu đã nộp; hội đồng thi đua chấm, phê duyệt hoặc trả lại khi phiếu đã thẩm định; phiếu "
        "đã phê duyệt thì bị khóa.",
        "This scorecard is {status}: it is not your turn to {action} it. The unit's manager scores and submits "
        "while draft or returned; an evaluator scores, reviews or returns while submitted; the council scores, "
        "approves or returns while reviewed; an approved scorecard is locked.",
    ),
    "unit.out_of_scope": (
        "Bạn không được thao tác thay cho đơn vị {unit_code}.",
        "You may not act for unit {unit_code}.",
    ),
    # Criteria sets.
    "criteria_set.version_taken": (
        "Phiên bản {version} của bộ tiêu chí này đã có trong phong trào; phiên bản mới là một bộ tiêu chí mới.",
        "Version {version} of this set exists for this campaign; a new version is a new set.",
    ),
    "criteria_set.invalid": (
        "Bộ tiêu chí hoặc thang xếp loại chưa hợp lệ; xem danh sách lỗi.",
        "The criteria or the bands are not valid; see `errors`.",
    ),
    "criteria_set.empty": (
        "Bộ tiêu chí cần ít nhất một tiêu chí.",
        "A criteria set needs at least one criterion.",
    ),
    "criteria_set.unknown_targets": (
        "Phong trào không có các chỉ tiêu: {targets}.",
        "The campaign has no targets {targets}.",
    ),
    "criteria_set.campaign_unknown": (
        "Không tìm thấy phong trào của bộ tiêu chí này bên hệ thống phong trào; chưa thể đối chiếu các chỉ tiêu.",
        "campaign-api knows no campaign of this set; its targets cannot be checked.",
    ),
    "round.campaign_unknown": (
        "Không tìm thấy phong trào của đợt chấm điểm này bên hệ thống phong trào; chưa thể tạo phiếu chấm.",
        "campaign-api knows no campaign of this round's criteria set; no scorecards can be generated.",
    ),
    "criteria_set.unknown": ("Không có bộ tiêu chí này.", "No such criteria set."),
    "criteria_set.not_published": (
        "Đợt chấm điểm chỉ dùng bộ tiêu chí đã công bố.",
        "A round uses a published criteria set.",
    ),
    "criterion.no_code": ("Có tiêu chí chưa có mã.", "A criterion has no code."),
    "criterion.code_repeated": (
        "Mã tiêu chí “{criterion}” bị dùng nhiều lần; mã là duy nhất trong cả bộ.",
        "Criterion '{criterion}': the code is used more than once; codes are unique across the whole set.",
    ),
    "criterion.max_points_not_positive": (
        "Tiêu chí “{criterion}”: điểm tối đa phải lớn hơn 0.",
        "Criterion '{criterion}': max_points must be greater than 0.",
    ),
    "criterion.parent_method": (
        "Tiêu chí “{criterion}” có tiêu chí con nên điểm là tổng điểm các tiêu chí con; phương pháp phải là "
        "'manual', không phải '{method}'.",
        "Criterion '{criterion}': a criterion with children scores the sum of its children; its method must "
        "be 'manual', not '{method}'.",
    ),
    "criterion.parent_target": (
        "Tiêu chí “{criterion}” có tiêu chí con nên không gắn với chỉ tiêu (target_code).",
        "Criterion '{criterion}': a criterion with children cannot name a target_code.",
    ),
    "criterion.target_missing": (
        "Tiêu chí “{criterion}” tính theo tiến độ chỉ tiêu nên cần mã chỉ tiêu (target_code).",
        "Criterion '{criterion}': method 'target_progress' needs a target_code.",
    ),
    "criterion.target_not_allowed": (
        "Tiêu chí “{criterion}”: chỉ phương pháp 'target_progress' mới gắn mã chỉ tiêu, không phải '{method}'.",
        "Criterion '{criterion}': only method 'target_progress' names a target_code, not '{method}'.",
    ),
    "criterion.index_framework_missing": (
        "Tiêu chí “{criterion}” tính theo chỉ số tổng hợp nên cần index_framework_id.",
        "Criterion '{criterion}': method 'index_score' needs an index_framework_id.",
    ),
    "criterion.index_framework_not_allowed": (
        "Tiêu chí “{criterion}”: chỉ phương pháp 'index_score' mới gắn index_framework_id.",
        "Criterion '{criterion}': only method 'index_score' names an index_framework_id.",
    ),
    "criterion.unknown_target": (
        "Phong trào không có chỉ tiêu {target}.",
        "The campaign has no target {target}.",
    ),
    "band.no_label": ("Mỗi mức xếp loại cần có tên.", "Every band needs a label."),
    "band.label_repeated": (
        "Tên mức xếp loại bị dùng nhiều lần.",
        "A band's label is used more than once.",
    ),
    "band.min_score_negative": (
        "Điểm tối thiểu của mức xếp loại phải từ 0 trở lên.",
        "A band's min_score must be 0 or more.",
    ),
    "band.min_score_repeated": (
        "Hai mức xếp loại cùng bắt đầu từ {min_score} điểm.",
        "Two bands start at the same min_score {min_score}.",
    ),
    # Rounds.
    "round.ends_before_start": (
        "Ngày kết thúc đợt chấm điểm phải từ ngày bắt đầu trở đi.",
        "period_end is before period_start.",
    ),
    # Scorecards.
    "scorecard.exists": (
        "Đối tượng {subject_id} đã có phiếu chấm trong đợt này.",
        "{subject_id} has a scorecard in this round.",
    ),
    "scorecard.invalid_scores": (
        "Một số điểm chưa hợp lệ; xem danh sách lỗi.",
        "Some scores are not valid; see `errors`.",
    ),
    "entry.not_a_leaf": (
        "“{criterion}” không phải tiêu chí lá của bộ tiêu chí này.",
        "'{criterion}' is not a leaf criterion of this set.",
    ),
    "score.on_parent": (
        "Tiêu chí “{criterion}” có tiêu chí con: điểm là tổng của chúng, hãy chấm các tiêu chí con.",
        "Criterion '{criterion}' has sub-criteria: its score is their sum, so score the sub-criteria instead.",
    ),
    "score.out_of_range": (
        "Điểm của tiêu chí “{criterion}” phải từ 0 đến {max_points}; nhận được {score}.",
        "The score of criterion '{criterion}' must lie between 0 and {max_points}; got {score}.",
    ),
    "score.not_boolean": (
        "Tiêu chí “{criterion}” chỉ đạt hoặc không đạt: điểm là 0 hoặc {max_points}; nhận được {score}.",
        "Criterion '{criterion}' is met or not: its score is 0 or {max_points}; got {score}.",
    ),
    # Composite indices (indices/).
    "index_framework.forbidden": (
        "Bạn không có quyền thực hiện thao tác này với khung chỉ số; chỉ quản trị viên tạo, sửa, công bố, "
        "nhập số liệu và tính chỉ số.",
        "You may not do this with index frameworks; administrators create, change, publish, fill and run them.",
    ),
    "index_framework.not_found": ("Không tìm thấy khung chỉ số.", "No such index framework."),
    "index_framework.wrong_state": (
        "Khung chỉ số đã công bố không thay đổi được; hãy sao chép thành phiên bản mới.",
        "A published index framework does not change; copy it into a new version.",
    ),
    "index_framework.not_published": (
        "Chỉ tính được chỉ số theo khung đã công bố.",
        "An index is run on a published framework only.",
    ),
    "index_framework.invalid": (
        "Cây chỉ số chưa dùng được; xem từng lỗi trong danh sách.",
        "The index tree cannot be used; see each problem in the list.",
    ),
    "index_framework.code_repeated": (
        "Mã “{node}” xuất hiện nhiều lần; mã là duy nhất trong cả khung.",
        "Code '{node}' is used more than once; codes are unique across the framework.",
    ),
    "index_framework.too_deep": (
        "Nút “{node}” nằm sâu quá {depth} cấp.",
        "Node '{node}' lies deeper than {depth} levels.",
    ),
    "index_framework.node_shape": (
        "Nút “{node}” phải có các nút con hoặc là một chỉ tiêu (indicator), không cả hai.",
        "Node '{node}' has children or is an indicator, not both and not neither.",
    ),
    "index_framework.zero_weights": (
        "Các nút con của “{node}” cần ít nhất một trọng số lớn hơn 0.",
        "The children of '{node}' need at least one weight above 0.",
    ),
    "index_framework.points_mismatch": (
        "Trọng số các nút con của “{node}” cộng lại được {added}, phải bằng {expected}.",
        "The weights below '{node}' add up to {added}; they must add up to {expected}.",
    ),
    "index_framework.too_many_indicators": (
        "Một khung có tối đa {max} chỉ tiêu.",
        "A framework has at most {max} indicators.",
    ),
    "index_framework.target_code_missing": (
        "Chỉ tiêu “{node}” lấy tiến độ mục tiêu nên cần target_code.",
        "Indicator '{node}' reads a target's progress: it needs a target_code.",
    ),
    "index_framework.target_code_not_allowed": (
        "Chỉ tiêu “{node}” không lấy tiến độ mục tiêu nên không ghi target_code.",
        "Indicator '{node}' does not read a target's progress: it names no target_code.",
    ),
    "index_framework.needs_campaign": (
        "Chỉ tiêu “{node}” lấy tiến độ mục tiêu: khung cần campaign_id của phong trào.",
        "Indicator '{node}' reads a target's progress: the framework needs the campaign_id.",
    ),
    "index_framework.target_missing": (
        "Chỉ tiêu “{node}” chuẩn hóa theo khoảng cách đến mục tiêu nên cần giá trị target.",
        "Indicator '{node}' is normalised by distance to target: it needs a target.",
    ),
    "index_framework.goalposts_invalid": (
        "Chỉ tiêu “{node}” chuẩn hóa theo ngưỡng cần goalposts [thấp, cao] với thấp < cao.",
        "Indicator '{node}' is normalised by goalposts: it needs [low, high] with low < high.",
    ),
    "index.non_positive_input": (
        "Không tính được trung bình {aggregation} của “{node}”: giá trị của “{child}” (đơn vị {subject}) không "
        "lớn hơn 0. Trung bình nhân và điều hòa chỉ nhận giá trị dương; hãy dùng trung bình cộng hoặc cách "
        "chuẩn hóa cho giá trị dương (xếp hạng, ngưỡng).",
        "The {aggregation} mean of '{node}' cannot be computed: the value of '{child}' (unit {subject}) is not "
        "above 0. Geometric and harmonic means take positive values only; use the arithmetic mean or a "
        "normalisation giving positive values (rank, goalposts).",
    ),
    "index_values.invalid": (
        "{count} giá trị không thuộc chỉ tiêu nhập tay hoặc tải lên nào của khung; không giá trị nào được ghi.",
        "{count} values name no manual or uploaded indicator of this framework; nothing was written.",
    ),
    "index_values.unknown_indicator": (
        "“{indicator}” không phải chỉ tiêu nhập tay hoặc tải lên của khung.",
        "'{indicator}' is not a manual or uploaded indicator of this framework.",
    ),
    "index_values.not_a_workbook": (
        "Cần đúng một tệp Excel (xlsx) ở trường file.",
        "Send exactly one Excel (xlsx) file in the field file.",
    ),
    "index_values.bad_header": (
        "Dòng tiêu đề phải là subject_code rồi các mã chỉ tiêu của mẫu.",
        "The header row must be subject_code, then the template's indicator codes.",
    ),
    "index_values.bad_rows": (
        "{count} dòng không đọc được; không dòng nào được nhập.",
        "{count} rows cannot be read; nothing was imported.",
    ),
    "index_values.bad_row": (
        "Dòng {line}: mã đơn vị hoặc một giá trị không hợp lệ.",
        "Line {line}: the subject code or a value is not valid.",
    ),
    "index_values.empty": ("Tệp không có giá trị nào.", "The file holds no value."),
    "index_run.forbidden": (
        "Bạn không có quyền thực hiện thao tác này với kết quả chỉ số; chỉ quản trị viên phân tích độ bất định.",
        "You may not do this with index runs; administrators analyse their uncertainty.",
    ),
    "index_run.not_found": ("Không tìm thấy lần tính chỉ số.", "No such index run."),
    "index_run.no_subjects": (
        "Không có đơn vị nào để tính: hãy nêu subject_codes, gắn khung với phong trào hoặc nhập số liệu.",
        "No unit to compute: name subject_codes, link the framework to a campaign or send values.",
    ),
    "index_uncertainty.too_few_samples": (
        "Cần ít nhất {needed} mẫu cho các giả định này.",
        "These assumptions need at least {needed} samples.",
    ),
    "index_uncertainty.nothing_varies": (
        "Không giả định nào thay đổi: hãy đặt weight_spread > 0 hoặc nêu normalisations/aggregations.",
        "No assumption varies: set weight_spread above 0 or name normalisations or aggregations.",
    ),
}

i18n.register(MESSAGES)
