"""The sampling unit (抽样单位) this laptop samples for, as the 抽样单 prints it (§2.4 E).

Contract: the unit is one workspace setting, :data:`SETTING_KEY`, holding a JSON object
with the text fields of :class:`SamplingUnit` (``name``, ``level``, ``address``,
``contact``, ``phone``, ``email``, ``fax``, ``postcode``; unknown keys are ignored, a
missing one is ""). :func:`read_sampling_unit` reads it in the caller's session (all
fields "" when it was never set or is not a JSON object: the form then prints "—");
:func:`save_sampling_unit` replaces it in one transaction with the audit event
``sampling_unit.saved``. Run on the DB thread.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields

from sqlalchemy.orm import Session

from inspector.core.roles import Actor
from inspector.db.models import WorkspaceSetting
from inspector.services.audit_log import append_event
from inspector.services.changes import Outcome, Topic
from inspector.services.workspace import Workspace

SETTING_KEY = "sampling.unit"


@dataclass(frozen=True, slots=True)
class SamplingUnit:
    name: str = ""
    level: str = ""  # 级别: 国家 / 省 / 市 / 县, or the lab's own wording
    address: str = ""
    contact: str = ""
    phone: str = ""
    email: str = ""
    fax: str = ""
    postcode: str = ""


_FIELDS = tuple(f.name for f in fields(SamplingUnit))


def read_sampling_unit(session: Session) -> SamplingUnit:
    setting = session.get(WorkspaceSetting, SETTING_KEY)
    if setting is None:
        return SamplingUnit()
    try:
        stored = json.loads(setting.value)
    except json.JSONDecodeError:
        return SamplingUnit()
    if not isinstance(stored, dict):
        return SamplingUnit()
    return SamplingUnit(**{name: str(stored.get(name, "") or "").strip() for name in _FIELDS})


def sampling_unit(workspace: Workspace) -> SamplingUnit:
    with workspace.store.read() as session:
        return read_sampling_unit(session)


def save_sampling_unit(workspace: Workspace, actor: Actor,
                       unit: SamplingUnit) -> Outcome[SamplingUnit]:
    cleaned = SamplingUnit(**{name: str(getattr(unit, name)).strip() for name in _FIELDS})
    text = json.dumps(asdict(cleaned), ensure_ascii=False, sort_keys=True)
    with workspace.store.write() as session:
        session.merge(WorkspaceSetting(key=SETTING_KEY, value=text))
        append_event(session, actor=actor, device_id=workspace.device_id,
                     action="sampling_unit.saved", object_kind="workspace",
                     object_id=workspace.device_id, payload=asdict(cleaned))
    return Outcome(cleaned, frozenset({Topic.SAMPLES, Topic.AUDIT}))
