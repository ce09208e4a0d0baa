"""The signatures a finalized inspection record carries, checked and written with it.

Contract: :func:`check_signatures` validates what was collected on site against the
inspection's team and returns it normalised, or raises :class:`SignatureError`
naming the signer and what is wrong, in both languages:

- the inspected party's representative signs once, with a name, or refuses and the
  refusal's reason is recorded instead (《行政处罚法》第五十五条: a refusal is noted in the
  record; the record is still valid);
- every inspector of the team present signs, each once, and nobody else signs as an
  inspector: inspectors cannot refuse their own record;
- a signature image is a PNG that decodes, at most :data:`MAX_IMAGE_BYTES`.

:func:`store_signature_images` puts the images in the content store (before the
transaction: a file the transaction then does not use is harmless and swept);
:func:`write_signatures` adds the rows, in the order given (party first), in the
finalizing transaction. The store's triggers refuse any later change.

The sample form's sign-offs (:mod:`.sample_signatures`) reuse :class:`SignatureGiven`
with :attr:`SignerRole.SAMPLER`, and :func:`check_party` / :func:`check_image` with the
sampled party's wording; an inspection record refuses a sampler's signature.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from PIL import Image, UnidentifiedImageError
from sqlalchemy.orm import Session

from inspector.core.text import LocalText
from inspector.db.content_store import ContentStore
from inspector.db.models import Inspection, Signature

MAX_IMAGE_BYTES = 2_000_000


class SignerRole(StrEnum):
    PARTY = "party"  # the inspected (or sampled) party's representative (法定代表人或负责人)
    INSPECTOR = "inspector"
    SAMPLER = "sampler"  # signs a sample's 抽样单, never an inspection record


ROLE_TITLES: Mapping[SignerRole, LocalText] = {
    SignerRole.PARTY: LocalText("当事人", "the party"),
    SignerRole.INSPECTOR: LocalText("检查人员", "an inspector"),
    SignerRole.SAMPLER: LocalText("抽样人", "a sampler"),
}


@dataclass(frozen=True, slots=True)
class PartyWording:
    """How the messages name the party who signs or refuses."""

    missing: LocalText
    once: LocalText
    name: LocalText
    reason: LocalText


INSPECTED_PARTY = PartyWording(
    LocalText("缺少被检查单位负责人签名（拒绝签名的，记录拒签理由）",
              "the inspected party's signature is missing (or record their refusal)"),
    LocalText("被检查单位只签一次", "the inspected party signs once"),
    LocalText("请填写签名的被检查单位负责人姓名",
              "give the name of the party's representative who signs"),
    LocalText("被检查单位负责人拒绝签名的，应记录拒签理由",
              "the party refused to sign: record the reason"))


@dataclass(frozen=True, slots=True)
class SignatureGiven:
    """One signature as collected: PNG bytes, or (party only) a refusal with its reason.

    ``image_sha256`` is filled by :func:`store_signature_images`."""

    role: SignerRole
    signer_name: str
    staff_id: str = ""
    image_png: bytes = b""
    refusal_reason: str = ""
    image_sha256: str = ""


class SignatureError(ValueError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


def check_signatures(given: Sequence[SignatureGiven], team: Sequence[str],
                     names: dict[str, str]) -> tuple[SignatureGiven, ...]:
    """``team`` the staff ids present, ``names`` staff id -> name (for the messages)."""
    for signature in given:
        if signature.role not in (SignerRole.PARTY, SignerRole.INSPECTOR):
            title = ROLE_TITLES[signature.role]
            raise _error(f"检查记录没有{title.zh}签名栏",
                         f"an inspection record has no place for {title.en}'s signature")
    party = check_party(given, INSPECTED_PARTY)
    signed: dict[str, SignatureGiven] = {}
    for signature in (s for s in given if s.role is SignerRole.INSPECTOR):
        staff = signature.staff_id
        who = f"{names.get(staff, staff)}（{staff}）"
        if staff not in team:
            raise _error(f"{who} 不在本次检查人员之列，不能作为检查人员签名",
                         f"{staff} is not on this inspection's team and cannot sign for it")
        if staff in signed:
            raise _error(f"{who} 重复签名", f"{staff} signed twice")
        if not signature.image_png:
            raise _error(f"检查人员 {who} 须签名", f"inspector {staff} must sign")
        check_image(signature.image_png, who)
        signed[staff] = replace(signature, signer_name=names.get(staff, staff),
                                refusal_reason="")
    missing = [staff for staff in team if staff not in signed]
    if missing:
        who = "、".join(f"{names.get(s, s)}（{s}）" for s in missing)
        raise _error(f"检查人员 {who} 尚未签名", f"not signed yet by: {', '.join(missing)}")
    return (party, *(signed[staff] for staff in team))


def store_signature_images(given: Sequence[SignatureGiven], files: ContentStore
                           ) -> tuple[SignatureGiven, ...]:
    return tuple(replace(s, image_sha256=files.put_bytes(s.image_png)) if s.image_png else s
                 for s in given)


def write_signatures(session: Session, inspection: Inspection,
                     given: Sequence[SignatureGiven], moment: datetime) -> list[Signature]:
    rows = [Signature(inspection_id=inspection.id, role=s.role.value, staff_id=s.staff_id,
                      signer_name=s.signer_name, signed_at=moment,
                      image_sha256=s.image_sha256 or None, refusal_reason=s.refusal_reason,
                      pending=True)
            for s in given]
    session.add_all(rows)
    session.flush()
    return rows


def check_party(given: Sequence[SignatureGiven], wording: PartyWording) -> SignatureGiven:
    """The one :attr:`SignerRole.PARTY` signature of ``given``, normalised: a name and a
    PNG, or a refusal with its reason (the name then optional); else SignatureError."""
    parties = [s for s in given if s.role is SignerRole.PARTY]
    if not parties:
        raise SignatureError(wording.missing)
    if len(parties) > 1:
        raise SignatureError(wording.once)
    party = parties[0]
    name, reason = party.signer_name.strip(), party.refusal_reason.strip()
    if party.image_png:
        if not name:
            raise SignatureError(wording.name)
        check_image(party.image_png, name)
        return replace(party, signer_name=name, staff_id="", refusal_reason="")
    if not reason:
        raise SignatureError(wording.reason)
    return replace(party, signer_name=name, staff_id="", refusal_reason=reason)


def check_image(data: bytes, who: str) -> None:
    """``data`` is a PNG that decodes and is at most :data:`MAX_IMAGE_BYTES`; ``who``
    names the signer in the SignatureError."""
    if len(data) > MAX_IMAGE_BYTES:
        raise _error(f"{who} 的签名图像过大", f"the signature image of {who} is too large")
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != "PNG":
                raise _error(f"{who} 的签名图像不是 PNG", f"the signature of {who} is not a PNG")
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise _error(f"{who} 的签名图像无法读取", f"the signature image of {who} cannot be "
                     f"read: {exc}") from None


def _error(zh: str, en: str) -> SignatureError:
    return SignatureError(LocalText(zh, en))
