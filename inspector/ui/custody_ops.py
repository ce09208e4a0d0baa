"""The ops of sample custody (the scan station), and what a scanned label reads as.

Contract: :func:`portion_code_of_scan` is pure and runs on any thread: it turns what a
USB scanner (or a person) typed into a portion code, or raises
:class:`~inspector.core.sample_codes.SampleCodeError` saying in both languages what is
wrong with it, without touching the database. A label carries the portion code twice: in
its Code 128 symbol (the code itself) and in its QR Code
(``INSPECTOR-SAMPLE:1/<sample code>/<portion code>``,
:func:`inspector.labels.sample_label.parse_label_payload`); both are accepted, with
surrounding blanks and in lower case.

Each op function builds an :class:`~inspector.ui.db_worker.Op` whose body runs on the DB
thread and calls :mod:`inspector.services.samples`; arguments are frozen values copied
when the op is built. :func:`load_portion_custody` reads one portion's chain and the
steps that may follow (changes nothing); :func:`record_custody_op` appends one step and
reports :data:`~inspector.services.changes.Topic.SAMPLES` and ``AUDIT`` as changed.
Refusals (an unknown portion, a step the chain does not allow, a missing field) raise
:class:`~inspector.services.samples.SampleError` with the reason in both languages, and
a refused op writes nothing. ``now`` (when given) is the moment recorded; by default the
service's own clock.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from inspector.core.custody import CustodyEntry
from inspector.core.lifecycles import CustodyEventKind
from inspector.core.roles import Actor
from inspector.core.sample_codes import SampleCodeError, parse_portion_code
from inspector.labels.sample_label import PAYLOAD_PREFIX, LabelError, parse_label_payload
from inspector.services import samples
from inspector.services.changes import Outcome
from inspector.services.custody_photos import keep_custody_photo
from inspector.services.samples import CustodyDetails, PortionCustody
from inspector.ui.db_worker import Op, OpEnv

# Any version of the label's QR payload: a later version is then refused as "not ours"
# by the parser instead of being misread as a malformed portion code.
_PAYLOAD_FAMILY = PAYLOAD_PREFIX.split(":", 1)[0] + ":"


def portion_code_of_scan(text: str) -> str:
    """The portion code (``<sample code>-Pnn``, upper case) that ``text`` names.

    ``text`` is a portion code or a label's QR payload. Raises
    :class:`SampleCodeError` naming the length, the shape or the check character (or,
    for a QR payload, a portion of another sample).
    """
    scanned = text.strip()
    if scanned.upper().startswith(_PAYLOAD_FAMILY):
        try:
            sample, number = parse_label_payload(scanned)
        except LabelError as exc:
            raise SampleCodeError(exc.text) from None
        return sample.portion(number)
    sample, number = parse_portion_code(scanned)
    return sample.portion(number)


def load_portion_custody(code: str) -> Op[PortionCustody]:
    return Op("load_portion_custody",
              lambda env: samples.portion_custody(env.workspace, code))


def record_custody_op(code: str, kind: CustodyEventKind, details: CustodyDetails,
                      actor: Actor, *, now: datetime | None = None,
                      photo: Path | None = None) -> Op[CustodyEntry]:
    """Record one step; ``photo`` (a picture file) is kept and named in the step."""
    def body(env: OpEnv) -> Outcome[CustodyEntry]:
        given = details
        if photo is not None:
            given = replace(details, photo_sha256=keep_custody_photo(env.workspace, photo))
        return samples.record_custody(env.workspace, actor, code, kind, given, now=now)

    return Op("record_custody", body)
