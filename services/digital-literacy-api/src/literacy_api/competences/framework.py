"""The digital competence frameworks courses are mapped to, as static reference data.

- `VN-TT02-2025`: the digital competence framework for learners (Khung năng lực số cho người học) of the
  Ministry of Education and Training, Thông tư 02/2025/TT-BGDĐT of 24/01/2025 (in force 11/03/2025): six
  domains (miền năng lực) and 24 component competences (năng lực thành phần). Domains 1–5 follow
  DigComp 2.2; domain 6 (applying artificial intelligence) is Vietnam's own.
- `DIGCOMP-2.2`: the European Commission's Digital Competence Framework for Citizens (JRC, 2022): five
  areas and 21 competences.

Both grade proficiency in eight levels (bậc) grouped in four (trình độ) — `LEVELS`. Codes are unique
across frameworks: `VN.1` is a domain, `VN.1.1` a competence; `DC.1`, `DC.1.1` likewise for DigComp.
The descriptions are short summaries of the frameworks' own ones, not their full text.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Final


@dataclass(frozen=True, slots=True)
class Competence:
    code: str
    name: str
    description: str | None
    domain_code: str
    framework_code: str


@dataclass(frozen=True, slots=True)
class Domain:
    """A domain (miền năng lực) of the Vietnamese framework, an area of DigComp."""

    code: str
    name: str
    competences: tuple[Competence, ...]


@dataclass(frozen=True, slots=True)
class Framework:
    code: str
    name: str
    issued_by: str
    domains: tuple[Domain, ...]

    def competences(self) -> Iterator[Competence]:
        for domain in self.domains:
            yield from domain.competences


class LevelGroup(StrEnum):
    BASIC = "basic"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"
    SPECIALISED = "specialised"


@dataclass(frozen=True, slots=True)
class Level:
    level: int
    group: LevelGroup
    group_name: str
    """The group (trình độ) as Thông tư 02/2025/TT-BGDĐT names it."""


_GROUP_NAMES: Final[Mapping[LevelGroup, str]] = MappingProxyType(
    {
        LevelGroup.BASIC: "Cơ bản",
        LevelGroup.INTERMEDIATE: "Trung cấp",
        LevelGroup.ADVANCED: "Nâng cao",
        LevelGroup.SPECIALISED: "Chuyên sâu",
    }
)

LEVELS: Final[tuple[Level, ...]] = tuple(
    Level(level=level, group=group, group_name=_GROUP_NAMES[group])
    for index, group in enumerate(LevelGroup)
    for level in (2 * index + 1, 2 * index + 2)
)
"""Levels 1–8: cơ bản 1–2, trung cấp 3–4, nâng cao 5–6, chuyên sâu 7–8 (DigComp: foundation,
intermediate, advanced, highly specialised — the same eight levels)."""


def _framework(
    code: str,
    *,
    name: str,
    issued_by: str,
    prefix: str,
    domains: Sequence[tuple[str, Sequence[tuple[str, str]]]],
) -> Framework:
    """Number domains `{prefix}.{i}` and competences `{prefix}.{i}.{j}` in the order given (1-based)."""
    return Framework(
        code=code,
        name=name,
        issued_by=issued_by,
        domains=tuple(
            Domain(
                code=f"{prefix}.{i}",
                name=domain_name,
                competences=tuple(
                    Competence(
                        code=f"{prefix}.{i}.{j}",
                        name=competence_name,
                        description=description,
                        domain_code=f"{prefix}.{i}",
                        framework_code=code,
                    )
                    for j, (competence_name, description) in enumerate(competences, start=1)
                ),
            )
            for i, (domain_name, competences) in enumerate(domains, start=1)
        ),
    )


VIETNAM: Final = _framework(
    "VN-TT02-2025",
    name="Khung năng lực số cho người học (Thông tư 02/2025/TT-BGDĐT)",
    issued_by="Bộ Giáo dục và Đào tạo",
    prefix="VN",
    domains=[
        (
            "Khai thác dữ liệu và thông tin",
            [
                (
                    "Duyệt, tìm kiếm và lọc dữ liệu, thông tin và nội dung số",
                    "Xác định nhu cầu thông tin; tìm kiếm, truy cập và khai thác dữ liệu, thông tin và nội dung trong môi trường số; xây dựng và cập nhật chiến lược tìm kiếm.",
                ),
                (
                    "Đánh giá dữ liệu, thông tin và nội dung số",
                    "Phân tích, so sánh, đánh giá độ tin cậy và tính xác thực của nguồn cũng như của chính dữ liệu, thông tin và nội dung số.",
                ),
                (
                    "Quản lý dữ liệu, thông tin và nội dung số",
                    "Tổ chức, lưu trữ và truy xuất dữ liệu, thông tin và nội dung trong môi trường số, sắp xếp chúng trong một môi trường có cấu trúc.",
                ),
            ],
        ),
        (
            "Giao tiếp và hợp tác trong môi trường số",
            [
                (
                    "Tương tác thông qua công nghệ số",
                    "Tương tác qua nhiều công nghệ số khác nhau và chọn phương tiện giao tiếp số phù hợp với từng bối cảnh.",
                ),
                (
                    "Chia sẻ thông tin và nội dung thông qua công nghệ số",
                    "Chia sẻ dữ liệu, thông tin và nội dung số với người khác qua công nghệ số phù hợp; trích dẫn và ghi nguồn.",
                ),
                (
                    "Sử dụng công nghệ số để thực hiện trách nhiệm công dân",
                    "Tham gia vào xã hội qua các dịch vụ số công và tư; tìm cơ hội tự nâng cao năng lực và tham gia với tư cách công dân qua công nghệ số.",
                ),
                (
                    "Hợp tác thông qua công nghệ số",
                    "Dùng công cụ và công nghệ số để hợp tác, cùng xây dựng và đồng sáng tạo dữ liệu, tài nguyên và kiến thức.",
                ),
                (
                    "Quy tắc ứng xử trên mạng",
                    "Nắm được chuẩn mực hành vi khi sử dụng công nghệ số và tương tác trong môi trường số; điều chỉnh cách giao tiếp theo đối tượng, tôn trọng đa dạng văn hóa và thế hệ.",
                ),
                (
                    "Quản lý danh tính số",
                    "Tạo và quản lý một hoặc nhiều danh tính số, bảo vệ danh tiếng của bản thân, xử lý dữ liệu mình tạo ra qua các công cụ, môi trường và dịch vụ số.",
                ),
            ],
        ),
        (
            "Sáng tạo nội dung số",
            [
                (
                    "Phát triển nội dung số",
                    "Tạo và chỉnh sửa nội dung số ở nhiều định dạng để thể hiện bản thân qua phương tiện số.",
                ),
                (
                    "Tích hợp và tạo lập lại nội dung số",
                    "Sửa đổi, tinh chỉnh và tích hợp thông tin, nội dung mới vào kiến thức và tài nguyên sẵn có để tạo ra nội dung mới, phù hợp.",
                ),
                (
                    "Thực thi bản quyền và giấy phép",
                    "Hiểu và áp dụng bản quyền và giấy phép đối với dữ liệu, thông tin và nội dung số.",
                ),
                (
                    "Lập trình",
                    "Lập kế hoạch và phát triển chuỗi câu lệnh cho hệ thống máy tính để giải quyết một vấn đề hoặc thực hiện một nhiệm vụ.",
                ),
            ],
        ),
        (
            "An toàn",
            [
                (
                    "Bảo vệ thiết bị",
                    "Bảo vệ thiết bị và nội dung số; hiểu rủi ro, mối đe dọa trong môi trường số và các biện pháp an toàn, bảo mật.",
                ),
                (
                    "Bảo vệ dữ liệu cá nhân và quyền riêng tư",
                    "Bảo vệ dữ liệu cá nhân và quyền riêng tư; sử dụng và chia sẻ thông tin định danh an toàn; hiểu chính sách quyền riêng tư.",
                ),
                (
                    "Bảo vệ sức khỏe và an sinh số",
                    "Tránh rủi ro cho sức khỏe thể chất và tinh thần khi dùng công nghệ số; bảo vệ mình và người khác trước nguy cơ như bắt nạt trên mạng.",
                ),
                (
                    "Bảo vệ môi trường",
                    "Nhận thức tác động của công nghệ số và việc sử dụng công nghệ số đối với môi trường.",
                ),
            ],
        ),
        (
            "Giải quyết vấn đề",
            [
                (
                    "Giải quyết các vấn đề kỹ thuật",
                    "Nhận biết và xử lý sự cố kỹ thuật khi vận hành thiết bị và sử dụng môi trường số.",
                ),
                (
                    "Xác định nhu cầu và giải pháp công nghệ",
                    "Đánh giá nhu cầu; lựa chọn và sử dụng công cụ, giải pháp công nghệ phù hợp; điều chỉnh môi trường số theo nhu cầu cá nhân.",
                ),
                (
                    "Sử dụng sáng tạo công nghệ số",
                    "Dùng công cụ và công nghệ số để tạo ra kiến thức, đổi mới quy trình và sản phẩm, cùng người khác hiểu và giải quyết vấn đề.",
                ),
                (
                    "Xác định các vấn đề cần cải thiện về năng lực số",
                    "Biết năng lực số của mình cần cải thiện hay cập nhật ở đâu, hỗ trợ người khác phát triển năng lực số, tìm cơ hội tự học.",
                ),
            ],
        ),
        (
            "Ứng dụng trí tuệ nhân tạo",
            [
                (
                    "Hiểu biết về trí tuệ nhân tạo",
                    "Hiểu vai trò của trí tuệ nhân tạo trong đời sống và các lĩnh vực; nắm nguyên tắc hoạt động, khả năng và hạn chế của nó.",
                ),
                (
                    "Sử dụng trí tuệ nhân tạo",
                    "Sử dụng hiệu quả các hệ thống trí tuệ nhân tạo để tạo nội dung, khám phá kiến thức và giải quyết vấn đề trong học tập, công việc và cuộc sống.",
                ),
                (
                    "Đánh giá trí tuệ nhân tạo",
                    "Đánh giá độ tin cậy của thông tin do trí tuệ nhân tạo tạo ra hoặc xử lý; đánh giá hệ thống trí tuệ nhân tạo về minh bạch, an toàn, đạo đức và tác động.",
                ),
            ],
        ),
    ],
)

DIGCOMP: Final = _framework(
    "DIGCOMP-2.2",
    name="DigComp 2.2: The Digital Competence Framework for Citizens",
    issued_by="European Commission, Joint Research Centre",
    prefix="DC",
    domains=[
        (
            "Information and data literacy",
            [
                (
                    "Browsing, searching and filtering data, information and digital content",
                    "Articulate information needs, search for data, information and content in digital environments, access and navigate between them.",
                ),
                (
                    "Evaluating data, information and digital content",
                    "Analyse, compare and critically evaluate the credibility and reliability of sources and of the content itself.",
                ),
                (
                    "Managing data, information and digital content",
                    "Organise, store and retrieve data, information and content in digital environments.",
                ),
            ],
        ),
        (
            "Communication and collaboration",
            [
                (
                    "Interacting through digital technologies",
                    "Interact through a variety of digital technologies and choose the means appropriate to the context.",
                ),
                (
                    "Sharing through digital technologies",
                    "Share data, information and content with others; act as an intermediary; know referencing and attribution.",
                ),
                (
                    "Engaging in citizenship through digital technologies",
                    "Participate in society through public and private digital services; seek self-empowerment and participatory citizenship.",
                ),
                (
                    "Collaborating through digital technologies",
                    "Use digital tools for collaborative processes and for the co-construction of resources and knowledge.",
                ),
                (
                    "Netiquette",
                    "Know the behavioural norms of digital environments; adapt communication to the audience, aware of cultural and generational diversity.",
                ),
                (
                    "Managing digital identity",
                    "Create and manage one or more digital identities, protect one's reputation, deal with the data one produces.",
                ),
            ],
        ),
        (
            "Digital content creation",
            [
                (
                    "Developing digital content",
                    "Create and edit digital content in different formats; express oneself through digital means.",
                ),
                (
                    "Integrating and re-elaborating digital content",
                    "Modify, refine, improve and integrate content into an existing body of knowledge to create new, relevant content.",
                ),
                (
                    "Copyright and licences",
                    "Understand how copyright and licences apply to data, information and digital content.",
                ),
                (
                    "Programming",
                    "Plan and develop a sequence of understandable instructions for a computing system to solve a problem or perform a task.",
                ),
            ],
        ),
        (
            "Safety",
            [
                (
                    "Protecting devices",
                    "Protect devices and digital content; understand risks and threats; know safety and security measures.",
                ),
                (
                    "Protecting personal data and privacy",
                    "Protect personal data and privacy; use and share personally identifiable information safely; understand privacy policies.",
                ),
                (
                    "Protecting health and well-being",
                    "Avoid health risks and threats to physical and psychological well-being; protect oneself and others from dangers such as cyber-bullying.",
                ),
                (
                    "Protecting the environment",
                    "Be aware of the environmental impact of digital technologies and their use.",
                ),
            ],
        ),
        (
            "Problem solving",
            [
                (
                    "Solving technical problems",
                    "Identify technical problems when operating devices and using digital environments, and solve them.",
                ),
                (
                    "Identifying needs and technological responses",
                    "Assess needs and identify, evaluate, select and use digital tools and responses to them; adjust digital environments to personal needs.",
                ),
                (
                    "Creatively using digital technologies",
                    "Use digital tools to create knowledge and innovate processes and products; engage in cognitive processing to solve problems.",
                ),
                (
                    "Identifying digital competence gaps",
                    "Understand where one's own digital competence needs improving; support others; seek opportunities for self-development.",
                ),
            ],
        ),
    ],
)

FRAMEWORKS: Final[tuple[Framework, ...]] = (VIETNAM, DIGCOMP)
"""Every framework, the Vietnamese one first."""

_FRAMEWORKS_BY_CODE: Final[Mapping[str, Framework]] = MappingProxyType({f.code: f for f in FRAMEWORKS})
_COMPETENCES: Final[Mapping[str, Competence]] = MappingProxyType(
    {c.code: c for f in FRAMEWORKS for c in f.competences()}
)
_CODES: Final = frozenset(_COMPETENCES)


def framework(code: str) -> Framework | None:
    return _FRAMEWORKS_BY_CODE.get(code)


def competence(code: str) -> Competence | None:
    """The competence with this code (`"VN.6.3"`, `"DC.2.5"`), in any framework."""
    return _COMPETENCES.get(code)


def known_competence_codes() -> frozenset[str]:
    """The codes of every competence of every framework (to validate a course's `competence_codes`)."""
    return _CODES
