"""Problem details in the caller's language: Vietnamese by default, English for `Accept-Language: en`.

Every problem carries a stable machine `code` (`scorecard.wrong_state`, `unit.out_of_scope`); its
human text comes from the messages registered for that code in both languages, filled with the
problem's parameters. Each service registers its own codes (its `messages.py`); the kit registers
its own below. The language of the request being served is set by the request-context middleware.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from contextvars import ContextVar
from typing import Any, Literal

Language = Literal["vi", "en"]
DEFAULT_LANGUAGE: Language = "vi"

language_var: ContextVar[Language] = ContextVar("language", default=DEFAULT_LANGUAGE)

_messages: dict[str, tuple[str, str]] = {}
_formatter = string.Formatter()


def current_language() -> Language:
    return language_var.get()


def negotiate(accept_language: str | None) -> Language:
    """The language an `Accept-Language` header asks for among ours (q-values honoured); Vietnamese
    when it names neither."""
    best: tuple[float, Language] | None = None
    for part in (accept_language or "").split(","):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in ("vi", "en"):
            continue
        quality = 1.0
        match = re.search(r"q\s*=\s*([0-9.]+)", params)
        if match:
            try:
                quality = float(match.group(1))
            except ValueError:
                quality = 0.0
        language: Language = "vi" if primary == "vi" else "en"
        if quality > 0 and (best is None or quality > best[0]):
            best = (quality, language)
    return best[1] if best else DEFAULT_LANGUAGE


def register(messages: Mapping[str, tuple[str, str]]) -> None:
    """Add `{code: (vietnamese, english)}`; templates use `{name}` for the problem's parameters.
    A code registered twice with other texts is a programming error."""
    for code, texts in messages.items():
        if code in _messages and _messages[code] != texts:
            raise ValueError(f"problem code {code!r} is registered twice with different texts")
        _messages[code] = texts


def is_registered(code: str) -> bool:
    return code in _messages


def template_fields(code: str) -> set[str]:
    vi, en = _messages[code]
    return {name for text in (vi, en) for _, name, _, _ in _formatter.parse(text) if name}


def message(
    code: str, params: Mapping[str, Any] | None = None, language: Language | None = None
) -> str | None:
    """The text of `code` in `language` (the request's by default), or None if it is not registered."""
    texts = _messages.get(code)
    if texts is None:
        return None
    template = texts[0] if (language or current_language()) == "vi" else texts[1]
    try:
        return template.format_map(_Params(params or {}))
    except (IndexError, ValueError):
        return template


class _Params(dict[str, Any]):
    """Parameters of a message; one the raise did not give is left out rather than failing."""

    def __missing__(self, key: str) -> str:
        return ""


_TITLES: dict[int, tuple[str, str]] = {
    400: ("Yêu cầu không hợp lệ", "Bad Request"),
    401: ("Chưa đăng nhập hoặc phiên đã hết hạn", "Unauthorized"),
    403: ("Không có quyền", "Forbidden"),
    404: ("Không tìm thấy", "Not Found"),
    405: ("Phương thức không được hỗ trợ", "Method Not Allowed"),
    406: ("Không có định dạng phù hợp", "Not Acceptable"),
    409: ("Xung đột trạng thái", "Conflict"),
    410: ("Không còn tồn tại", "Gone"),
    412: ("Dữ liệu đã thay đổi", "Precondition Failed"),
    413: ("Dữ liệu gửi lên quá lớn", "Payload Too Large"),
    414: ("Địa chỉ quá dài", "URI Too Long"),
    415: ("Định dạng không được hỗ trợ", "Unsupported Media Type"),
    422: ("Dữ liệu không hợp lệ", "Validation Failed"),
    429: ("Quá nhiều yêu cầu", "Too Many Requests"),
    500: ("Lỗi máy chủ", "Internal Server Error"),
    502: ("Lỗi cổng kết nối", "Bad Gateway"),
    503: ("Dịch vụ tạm thời không phục vụ được", "Service Unavailable"),
    504: ("Hết thời gian chờ", "Gateway Timeout"),
}


def title(status: int, language: Language | None = None) -> str | None:
    texts = _TITLES.get(status)
    if texts is None:
        return None
    return texts[0] if (language or current_language()) == "vi" else texts[1]


DEFAULT_CODES: dict[int, str] = {
    400: "request.bad",
    401: "auth.unauthorized",
    403: "access.forbidden",
    404: "resource.not_found",
    405: "request.method_not_allowed",
    409: "resource.conflict",
    412: "resource.changed",
    413: "request.too_large",
    415: "request.unsupported_media_type",
    422: "request.invalid",
    429: "request.too_many",
    500: "server.error",
    502: "dependency.bad_gateway",
    503: "dependency.unavailable",
    504: "dependency.timeout",
}


# Pydantic's error types, in Vietnamese (its English messages are kept for `en`).
VALIDATION_MESSAGES: dict[str, str] = {
    "missing": "Trường này là bắt buộc.",
    "extra_forbidden": "Trường này không được phép.",
    "string_type": "Phải là một chuỗi ký tự.",
    "string_too_short": "Cần ít nhất {min_length} ký tự.",
    "string_too_long": "Tối đa {max_length} ký tự.",
    "string_pattern_mismatch": "Không đúng định dạng.",
    "int_type": "Phải là một số nguyên.",
    "int_parsing": "Phải là một số nguyên.",
    "int_from_float": "Phải là một số nguyên.",
    "float_type": "Phải là một số.",
    "float_parsing": "Phải là một số.",
    "decimal_type": "Phải là một số thập phân.",
    "decimal_parsing": "Phải là một số thập phân.",
    "decimal_max_digits": "Tối đa {max_digits} chữ số.",
    "decimal_max_places": "Tối đa {decimal_places} chữ số sau dấu phẩy.",
    "greater_than": "Phải lớn hơn {gt}.",
    "greater_than_equal": "Phải từ {ge} trở lên.",
    "less_than": "Phải nhỏ hơn {lt}.",
    "less_than_equal": "Tối đa là {le}.",
    "bool_type": "Phải là đúng hoặc sai.",
    "bool_parsing": "Phải là đúng hoặc sai.",
    "date_type": "Phải là một ngày dạng YYYY-MM-DD.",
    "date_parsing": "Phải là một ngày dạng YYYY-MM-DD.",
    "date_range": "Phải là một ngày từ {first} đến {last}.",
    "decimal_range": "Phải là một số từ {minimum} đến {maximum}.",
    "date_from_datetime_parsing": "Phải là một ngày dạng YYYY-MM-DD.",
    "date_from_datetime_inexact": "Phải là một ngày dạng YYYY-MM-DD.",
    "datetime_type": "Phải là thời điểm theo ISO 8601.",
    "datetime_parsing": "Phải là thời điểm theo ISO 8601.",
    "uuid_type": "Phải là một mã UUID.",
    "uuid_parsing": "Phải là một mã UUID.",
    "enum": "Phải là một trong: {expected}.",
    "literal_error": "Phải là một trong: {expected}.",
    "list_type": "Phải là một danh sách.",
    "too_short": "Cần ít nhất {min_length} phần tử.",
    "too_long": "Tối đa {max_length} phần tử.",
    "dict_type": "Phải là một đối tượng JSON.",
    "model_type": "Phải là một đối tượng JSON.",
    "model_attributes_type": "Phải là một đối tượng JSON.",
    "json_invalid": "Không phải JSON hợp lệ.",
    "json_type": "Không phải JSON hợp lệ.",
    "url_parsing": "Không phải địa chỉ URL hợp lệ.",
    "url_type": "Không phải địa chỉ URL hợp lệ.",
    "value_error": "Giá trị không hợp lệ.",
    "assertion_error": "Giá trị không hợp lệ.",
    "none_forbidden": "Không được để trống (null).",
    "string_control_characters": "Không được chứa ký tự điều khiển.",
    "multiple_of": "Phải là bội số của {multiple_of}.",
    "finite_number": "Phải là một số hữu hạn.",
    "union_tag_invalid": "Loại không hợp lệ.",
    "bytes_too_long": "Tệp quá lớn.",
}


def validation_message(error: Mapping[str, Any], language: Language | None = None) -> str:
    """One pydantic error as a person reads it in the request's language."""
    english = str(error.get("msg", ""))
    if (language or current_language()) != "vi":
        return english
    template = VALIDATION_MESSAGES.get(str(error.get("type", "")))
    if template is None:
        return "Giá trị không hợp lệ."
    try:
        return template.format_map(dict(error.get("ctx") or {}))
    except (KeyError, IndexError, ValueError):
        return "Giá trị không hợp lệ."


register(
    {
        "request.bad": ("Yêu cầu không hợp lệ.", "The request is not valid."),
        "request.invalid": (
            "Dữ liệu gửi lên không hợp lệ; xem danh sách lỗi theo từng trường.",
            "The request is not valid; see `errors`.",
        ),
        "request.too_large": (
            "Dữ liệu gửi lên vượt quá {limit_bytes} byte cho phép ở đây.",
            "The request body is larger than the {limit_bytes} bytes allowed here.",
        ),
        "request.bad_content_length": (
            "Tiêu đề Content-Length không phải là một số.",
            "The Content-Length header is not a number.",
        ),
        "request.method_not_allowed": (
            "Địa chỉ này không nhận phương thức đó.",
            "This address does not take that method.",
        ),
        "request.unsupported_media_type": ("Định dạng dữ liệu không được hỗ trợ.", "Unsupported media type."),
        "request.too_many": (
            "Quá nhiều yêu cầu; vui lòng thử lại sau.",
            "Too many requests; try again later.",
        ),
        "resource.not_found": ("Không tìm thấy.", "Not found."),
        "route.not_found": ("Không có địa chỉ {path}.", "No resource at {path}"),
        "resource.conflict": (
            "Yêu cầu xung đột với dữ liệu hiện có.",
            "The request conflicts with the data.",
        ),
        "resource.changed": (
            "Dữ liệu đã thay đổi từ khi bạn mở; hãy tải lại rồi thử lại.",
            "The resource changed since you read it; read it again and retry.",
        ),
        "access.forbidden": ("Bạn không có quyền thực hiện thao tác này.", "You may not do this."),
        "auth.unauthorized": ("Cần đăng nhập.", "Authentication is required."),
        "auth.token_required": ("Cần mã truy cập (bearer token).", "A bearer token is required."),
        "auth.token_malformed": ("Mã truy cập không đúng định dạng.", "The token is malformed."),
        "auth.token_algorithm": (
            "Mã truy cập không được ký bằng RS256.",
            "The token is not signed with RS256.",
        ),
        "auth.token_no_key_id": ("Mã truy cập không có mã khóa (kid).", "The token has no key id."),
        "auth.token_unknown_key": (
            "Mã truy cập được ký bằng một khóa không xác định.",
            "The token is signed with an unknown key.",
        ),
        "auth.token_untrusted_issuer": (
            "Mã truy cập do một bên cấp không được tin cậy.",
            "The token comes from an issuer this service does not trust.",
        ),
        "auth.token_expired": ("Phiên đăng nhập đã hết hạn.", "The token has expired."),
        "auth.token_invalid": ("Mã truy cập không hợp lệ.", "The token is not valid."),
        "auth.token_revoked": (
            "Tài khoản đã thay đổi (bị khóa hoặc đổi vai trò) từ khi đăng nhập; vui lòng đăng nhập lại.",
            "The account changed since this token was issued; sign in again.",
        ),
        "paging.bad_cursor": (
            "Con trỏ phân trang không hợp lệ; hãy bắt đầu lại từ trang đầu.",
            "The cursor is not valid; start again without it.",
        ),
        "idempotency.bad_key": (
            "Idempotency-Key gồm 1 đến 255 ký tự ASCII nhìn thấy được.",
            "Idempotency-Key is 1 to 255 visible ASCII characters.",
        ),
        "idempotency.key_reused": (
            "Idempotency-Key này đã dùng cho một yêu cầu khác; hãy dùng khóa mới.",
            "This Idempotency-Key was used with another request; use a new key.",
        ),
        "idempotency.in_progress": (
            "Yêu cầu đầu tiên với Idempotency-Key này vẫn đang chạy.",
            "The first request with this Idempotency-Key is still running.",
        ),
        "idempotency.shown_once": (
            "Yêu cầu với Idempotency-Key này đã thực hiện; kết quả chỉ hiển thị một lần.",
            "A request with this Idempotency-Key was done already; its answer is shown once only.",
        ),
        "server.error": (
            "Đã xảy ra lỗi không mong muốn. Khi báo lỗi, vui lòng ghi mã yêu cầu {request_id}.",
            "An unexpected error occurred. Quote request id {request_id} when reporting it.",
        ),
        "database.unavailable": (
            "Cơ sở dữ liệu tạm thời không phản hồi; vui lòng thử lại sau giây lát.",
            "The database cannot be reached just now; try again shortly.",
        ),
        "dependency.unavailable": (
            "Một dịch vụ liên quan tạm thời không phản hồi; vui lòng thử lại sau.",
            "A service this one depends on cannot answer just now; try again later.",
        ),
    }
)
