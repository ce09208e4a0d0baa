"""What a printed inspection record (现场检查笔录 / 随机抽查记录表) says, as plain data.

Contract: :class:`RecordDocument` holds everything the record prints, already in the
words it prints them in (labels, answers as text, result labels), so a renderer only
lays it out: :mod:`.record_pdf` turns one into an A4 PDF. The document is built from
the store by :func:`inspector.services.inspection_record.record_document`. Signature
images are PNG bytes; an absent image with ``refusal`` set is a refusal to sign, which
the record states with its reason (《行政处罚法》第五十五条: the refusal is noted in the
record). Every field is immutable and safe to pass between threads.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RecordInspector:
    name: str
    staff_id: str
    cert_number: str  # 执法证号
    cert_authority: str


@dataclass(frozen=True, slots=True)
class RecordAnswer:
    section: str
    label: str  # 检查事项
    answer: str  # the answer as the record prints it ("符合", "12.5 kg", "—")
    note: str  # 发现问题情况 (the compliance note), "" when none
    legal_basis: str
    key_item: bool  # 重点 severity
    problem: bool  # answered 不符合
    photo_numbers: tuple[int, ...]  # evidence numbers (see RecordPhoto.number)


@dataclass(frozen=True, slots=True)
class RecordPhoto:
    number: int  # 1-based evidence number, in the order the photos were taken
    item_label: str  # the item the photo belongs to, "" when none
    sha256: str  # of the original bytes
    captured_at: str  # "2026-11-28 10:15" (China time) or "" when the photo has no time
    location: str  # "38.1460, 114.5200" or ""
    thumbnail_jpeg: bytes  # small JPEG for the evidence list; b"" prints no picture
    annotations: int = 0  # shapes drawn over it (a separate layer; the thumbnail shows them)


@dataclass(frozen=True, slots=True)
class RecordSignature:
    role: str  # "被检查单位" / "检查人员"
    signer: str  # the name printed under the signature
    signed_at: str  # "2026-11-28 11:02"
    image_png: bytes  # b"" when refused
    refusal: str  # the recorded reason when the signer refused, else ""


@dataclass(frozen=True, slots=True)
class RecordDocument:
    title: str  # "现场检查笔录"
    task_name: str
    task_code: str
    entity_name: str
    entity_identifier: str  # 统一社会信用代码 / 注册号
    entity_address: str
    legal_representative: str
    started_at: str  # China time, "2026-11-28 09:30"
    finalized_at: str
    location: str
    checklist: str  # "SPXS-LX 食品销售检查 第 2 版"
    inspectors: tuple[RecordInspector, ...]
    certificates_shown: bool
    no_conflict_declared: bool
    answers: tuple[RecordAnswer, ...]
    result_labels: tuple[str, ...]  # "1 未发现问题", "B 未按规定公示应当公示的信息"
    result_reason: str  # why the result differs from the suggestion, or ""
    follow_up: tuple[str, ...]  # 后续处置 lines, each complete ("责令改正，期限 2026-12-10")
    photos: tuple[RecordPhoto, ...]
    signatures: tuple[RecordSignature, ...]
    content_hash: str  # the finalized record's SHA-256 (the audit chain holds it too)
    revision_of: str  # the content hash of the record this one corrects, or ""
    revision_reason: str
    generated_at: str
