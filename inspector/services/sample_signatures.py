"""Signing a sample's 抽样单 on site: every sampler and the sampled party, once.

Contract: :func:`sign_sample` checks the sign-offs collected for the sample with code
``sample_code`` (domain.md §2.3, §2.4 G: "抽样人 ≥2, 不可代签"; the sampled party signs or
its refusal is noted) and, in one write transaction, stores them, appends a "signed"
custody event to each of the sample's portions whose chain allows one next (a portion
already signed through the scan station, or gone further, is listed in
:attr:`SignedSample.not_signed` and left alone), and appends the audit event
``sample.signed``. Refused, with nothing written (:class:`~.samples.SampleError`,
naming the signer and the problem in Chinese and English):

- a sample this laptop does not have, or one signed already (a 抽样单 is signed once;
  a correction is a new paper, §2.4 I);
- a sampler named in the sample's fields who has not signed, a sampler who signs twice
  or without an image (samplers cannot refuse their own form), anyone else signing as a
  sampler, or an inspection record's role (:attr:`SignerRole.INSPECTOR`);
- no signature of the sampled party, two of them, one without the signer's name, or a
  refusal without its reason;
- a signature image that is not a PNG that decodes, or one too large
  (:func:`~.signatures.check_image`);
- a custody event that would go back in time (the clock says the portion was handed on
  before it was signed).

Images go to the content store before the transaction (a file the transaction then does
not use is harmless). The store's triggers refuse any later change to a stored
signature. :func:`sample_signatures` reads them back. Run on the DB thread.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.custody import CustodyEntry, steps_after
from inspector.core.lifecycles import CustodyEventKind
from inspector.core.roles import Actor
from inspector.core.sample_codes import SampleCodeError, parse_sample_code
from inspector.core.text import LocalText
from inspector.db.content_store import ContentStore
from inspector.db.models import Inspection, Inspector, MarketEntity, Sample, SamplePortion
from inspector.db.models import SampleSignature as SignatureRow
from inspector.services.audit_log import append_event
from inspector.services.changes import Outcome, Topic
from inspector.services.samples import (
    CustodyDetails,
    SampleError,
    append_custody_event,
    portion_chain,
)
from inspector.services.signatures import (
    ROLE_TITLES,
    PartyWording,
    SignatureError,
    SignatureGiven,
    SignerRole,
    check_image,
    check_party,
    store_signature_images,
)
from inspector.services.workspace import Workspace

SAMPLED_PARTY = PartyWording(
    LocalText("缺少被抽样单位签名（拒绝签名的，记录拒签理由）",
              "the sampled party's signature is missing (or record their refusal)"),
    LocalText("被抽样单位只签一次", "the sampled party signs once"),
    LocalText("请填写签名的被抽样单位负责人（经办人）姓名",
              "give the name of the sampled party's representative who signs"),
    LocalText("被抽样单位拒绝签名的，应记录拒签理由",
              "the sampled party refused to sign: record the reason"))


@dataclass(frozen=True, slots=True)
class SampleSignatureView:
    """One stored sign-off. ``image_sha256`` is "" for a refusal."""

    role: SignerRole  # PARTY or SAMPLER
    staff_id: str  # a sampler's; "" for the party
    signer_name: str
    signed_at: datetime
    image_sha256: str
    refusal_reason: str


@dataclass(frozen=True, slots=True)
class SignedSample:
    sample_code: str
    signed_at: datetime
    signatures: tuple[SampleSignatureView, ...]  # the party first, then the samplers
    custody: tuple[CustodyEntry, ...]  # the "signed" events appended, portion by portion
    not_signed: tuple[str, ...]  # portion codes whose chain did not allow "signed" next


def sign_sample(workspace: Workspace, actor: Actor, sample_code: str,
                signatures: Sequence[SignatureGiven], *,
                now: datetime | None = None) -> Outcome[SignedSample]:
    moment = now or datetime.now(UTC)
    code = _code(sample_code)
    with workspace.store.read() as session:
        sample = _sample(session, code)
        samplers = _samplers(sample)
        staff = {*samplers, *(s.staff_id.strip() for s in signatures)}
        names = {staff_id: name for staff_id, name in session.execute(
            select(Inspector.staff_id, Inspector.name).where(Inspector.staff_id.in_(staff)))}
    checked = check_sample_signatures(signatures, samplers, names)
    checked = store_signature_images(checked, ContentStore(workspace.paths.files))
    with workspace.store.write() as session:
        sample = _sample(session, code)
        rows = [SignatureRow(sample_id=sample.id, role=s.role.value, staff_id=s.staff_id,
                             signer_name=s.signer_name, signed_at=moment,
                             image_sha256=s.image_sha256 or None,
                             refusal_reason=s.refusal_reason, pending=True)
                for s in checked]
        session.add_all(rows)
        session.flush()
        appended, skipped = _sign_portions(session, actor, sample, moment)
        append_event(session, actor=actor, device_id=workspace.device_id,
                     action="sample.signed", object_kind="sample", object_id=sample.uuid,
                     payload={"sample_code": code,
                              "signatures": [_audit(row) for row in rows],
                              "portions": [e.portion_code for e in appended],
                              "not_signed": skipped})
        views = tuple(_view(row) for row in rows)
    return Outcome(SignedSample(code, moment, views, tuple(appended), tuple(skipped)),
                   frozenset({Topic.SAMPLES, Topic.AUDIT}))


def sample_signatures(workspace: Workspace, sample_code: str
                      ) -> tuple[SampleSignatureView, ...]:
    """The sample's stored sign-offs in the order given (empty: not signed yet)."""
    code = _code(sample_code)
    with workspace.store.read() as session:
        sample = _find(session, code)
        return tuple(_view(row) for row in _rows(session, sample.id))


def check_sample_signatures(given: Sequence[SignatureGiven], samplers: Sequence[str],
                            names: Mapping[str, str]) -> tuple[SignatureGiven, ...]:
    """``given`` checked against the sample's ``samplers`` (staff ids, in the form's
    order; ``names`` staff id -> name for the messages), normalised: the party's first,
    then one per sampler in the samplers' order. Raises SampleError."""
    for signature in given:
        if signature.role not in (SignerRole.PARTY, SignerRole.SAMPLER):
            title = ROLE_TITLES[signature.role]
            raise _refuse(f"抽样单没有{title.zh}签名栏：抽样人以抽样人身份签名",
                          f"a sampling form has no place for {title.en}'s signature: "
                          "samplers sign as samplers")
    try:
        party = check_party(given, SAMPLED_PARTY)
        signed: dict[str, SignatureGiven] = {}
        for signature in (s for s in given if s.role is SignerRole.SAMPLER):
            staff = signature.staff_id.strip()
            who = f"{names.get(staff, staff)}（{staff}）"
            if staff not in samplers:
                raise _refuse(f"{who} 不是本样品的抽样人，不能作为抽样人签名",
                              f"{staff} is not a sampler of this sample and cannot sign as one")
            if staff in signed:
                raise _refuse(f"抽样人 {who} 重复签名", f"sampler {staff} signed twice")
            if not signature.image_png:
                raise _refuse(f"抽样人 {who} 须亲笔签名，不能拒签或代签",
                              f"sampler {staff} must sign in person")
            check_image(signature.image_png, who)
            signed[staff] = replace(signature, staff_id=staff,
                                    signer_name=names.get(staff, staff), refusal_reason="")
    except SignatureError as exc:
        raise SampleError(exc.text) from None
    missing = [staff for staff in samplers if staff not in signed]
    if missing:
        who = "、".join(f"{names.get(s, s)}（{s}）" for s in missing)
        raise _refuse(f"抽样人 {who} 尚未签名", f"not signed yet by sampler: {', '.join(missing)}")
    return (party, *(signed[staff] for staff in samplers))


def _code(text: str) -> str:
    try:
        return str(parse_sample_code(text))
    except SampleCodeError as exc:
        raise SampleError(exc.text) from None


def _find(session: Session, code: str) -> Sample:
    sample = session.scalar(select(Sample).where(Sample.sample_code == code,
                                                 Sample.deleted_at.is_(None)))
    if sample is None:
        raise _refuse(f"本机没有样品 {code}", f"no sample {code} on this laptop")
    return sample


def _sample(session: Session, code: str) -> Sample:
    """The sample to sign: one not signed yet."""
    sample = _find(session, code)
    first = session.scalar(select(SignatureRow.signed_at)
                           .where(SignatureRow.sample_id == sample.id).limit(1))
    if first is not None:
        raise _refuse(f"样品 {code} 的抽样单已经签字，不能再次签字",
                      f"the sampling form of {code} is signed already and cannot be signed "
                      "again")
    return sample


def _samplers(sample: Sample) -> tuple[str, ...]:
    return tuple(s for s in (p.strip() for p in sample.fields.get("samplers", "").split("、"))
                 if s)


def _sign_portions(session: Session, actor: Actor, sample: Sample, moment: datetime
                   ) -> tuple[list[CustodyEntry], list[str]]:
    place = _place(session, sample)
    appended: list[CustodyEntry] = []
    skipped: list[str] = []
    for portion in session.scalars(select(SamplePortion).where(
            SamplePortion.sample_id == sample.id).order_by(SamplePortion.suffix)):
        if CustodyEventKind.SIGNED in steps_after(portion_chain(session, portion),
                                                  portion.role):
            appended.append(append_custody_event(
                session, actor, portion, CustodyEventKind.SIGNED, CustodyDetails(place=place),
                moment=moment))
        else:
            skipped.append(f"{sample.sample_code}-{portion.suffix}")
    return appended, skipped


def _place(session: Session, sample: Sample) -> str:
    if sample.inspection_id is None:
        return ""
    inspection = session.get_one(Inspection, sample.inspection_id)
    if inspection.location:
        return inspection.location
    return session.get_one(MarketEntity, inspection.entity_id).address


def _rows(session: Session, sample_id: int) -> list[SignatureRow]:
    return list(session.scalars(select(SignatureRow).where(
        SignatureRow.sample_id == sample_id).order_by(SignatureRow.id)))


def _view(row: SignatureRow) -> SampleSignatureView:
    return SampleSignatureView(SignerRole(row.role), row.staff_id, row.signer_name,
                               row.signed_at, row.image_sha256 or "", row.refusal_reason)


def _audit(row: SignatureRow) -> dict[str, str | bool]:
    return {"role": row.role, "staff_id": row.staff_id, "name": row.signer_name,
            "image_sha256": row.image_sha256 or "", "refused": bool(row.refusal_reason)}


def _refuse(zh: str, en: str) -> SampleError:
    return SampleError(LocalText(zh, en))
