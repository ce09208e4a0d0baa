"""A stored sample's labels and seals (样品标签 / 封条), ready to print or save.

Contract: :func:`label_contents` reads a sample by its code (as a scanner types it)
and returns one :class:`~inspector.labels.sample_label.LabelContent` per portion, in
portion order: the sample's name, the inspected entity as 被抽样单位, the day of
sampling (China time), the role (检验样品 / 复检备份样品 / 其他样品), and the 抽样单位 as the 抽样单
prints it: the sample's ``sampling_unit`` field, else the unit set for this laptop
(:mod:`.sampling_unit`), else the unit of its first sampler in the directory. With
``seals`` they are 封条 with signature boxes, the officer's box when the sampling link
is circulation (流通领域: three parties sign). :func:`sample_labels_pdf` renders them
(:func:`~inspector.labels.sample_label.render_labels_pdf`): call it off the UI thread.
An unknown or malformed code raises :class:`~inspector.services.samples.SampleError`.
"""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

from sqlalchemy import select

from inspector.core.sample_codes import SampleCodeError, parse_sample_code
from inspector.core.text import LocalText
from inspector.core.workdays import CHINA_TIME
from inspector.db.models import Inspection, Inspector, MarketEntity, Sample, SamplePortion
from inspector.labels.sample_label import (
    ROLE_TEXT,
    LabelContent,
    LabelSize,
    render_labels_pdf,
)
from inspector.services.samples import SampleError
from inspector.services.sampling_unit import read_sampling_unit
from inspector.services.store import Store


def label_contents(store: Store, sample_code: str, *, seals: bool = False
                   ) -> tuple[LabelContent, ...]:
    try:
        code = str(parse_sample_code(sample_code))
    except SampleCodeError as exc:
        raise SampleError(exc.text) from exc
    with store.read() as session:
        sample = session.scalar(select(Sample).where(Sample.sample_code == code,
                                                     Sample.deleted_at.is_(None)))
        if sample is None:
            raise SampleError(LocalText(f"本机没有样品 {code}", f"no sample {code} on this laptop"))
        entity = session.scalar(
            select(MarketEntity.name).join(Inspection, Inspection.entity_id == MarketEntity.id)
            .where(Inspection.id == sample.inspection_id)) or ""
        fields = sample.fields
        unit = fields.get("sampling_unit", "").strip() or read_sampling_unit(session).name
        samplers = [s for s in fields.get("samplers", "").split("、") if s]
        if not unit and samplers:
            unit = session.scalar(select(Inspector.unit).where(
                Inspector.staff_id == samplers[0])) or ""
        taken = sample.sampled_at
        day = "" if taken is None else (
            taken if taken.tzinfo else taken.replace(tzinfo=UTC)
        ).astimezone(CHINA_TIME).date().isoformat()
        portions = session.scalars(select(SamplePortion).where(
            SamplePortion.sample_id == sample.id).order_by(SamplePortion.suffix)).all()
        return tuple(LabelContent(
            portion_code=f"{code}-{portion.suffix}", sample_code=code,
            sample_name=sample.name, sampled_unit=entity, sampled_on=day,
            role_text=ROLE_TEXT[portion.role],
            issuing_unit=unit, seal=seals,
            officer_signs=seals and fields.get("link") == "circulation")
            for portion in portions)


def sample_labels_pdf(store: Store, sample_code: str, size: LabelSize, *,
                      seals: bool = False, font: Path | None = None) -> bytes:
    return render_labels_pdf(label_contents(store, sample_code, seals=seals), size, font=font)
