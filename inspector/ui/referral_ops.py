"""The ops of case-clue referrals (线索移送), named ``verb_noun``.

Contract: each function builds an :class:`~inspector.ui.db_worker.Op` whose body runs on
the DB thread and calls :mod:`inspector.services.referrals` (the board, creating,
deciding and transferring), :mod:`inspector.services.referral_sources` (the findings a
referral may rest on) or :mod:`inspector.services.referral_package` (the evidence
package, whose PDF and hashing never run on the UI thread). Results are frozen views;
arguments are copied when the op is built. Refusals raise ``ReferralError`` or
``PackageError`` with the reason in both languages, and a refused op writes nothing.
``now`` (when given) is the moment the service records; by default its own clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from inspector.core.roles import Actor
from inspector.services import referral_package, referral_sources, referrals
from inspector.services.changes import Outcome
from inspector.services.referral_package import BuiltPackage
from inspector.services.referral_sources import ReferableFinding
from inspector.services.referrals import Goods, RecipientKind, ReferralView
from inspector.ui.db_worker import Op, OpEnv


@dataclass(frozen=True, slots=True)
class ReferralRequest:
    """What the referral dialog gathered: to whom, on which findings, the clue in
    short, and the 涉案物品清单 as typed (the service checks every row)."""

    recipient_kind: RecipientKind
    recipient: str
    item_keys: tuple[str, ...]
    summary: str
    goods: tuple[Goods, ...] = ()


def load_referrals(now: datetime) -> Op[tuple[ReferralView, ...]]:
    return Op("load_referrals", lambda env: referrals.list_referrals(env.workspace.store, now))


def load_referral_findings(inspection_uuid: str) -> Op[tuple[ReferableFinding, ...]]:
    return Op("load_referral_findings", lambda env: referral_sources.referable_findings(
        env.workspace.store, inspection_uuid))


def create_referral_op(inspection_uuid: str, request: ReferralRequest, actor: Actor,
                       now: datetime | None = None) -> Op[ReferralView]:
    def body(env: OpEnv) -> Outcome[ReferralView]:
        return referrals.create_referral(
            env.workspace.store, actor, inspection_uuid,
            recipient_kind=request.recipient_kind, recipient=request.recipient,
            item_keys=request.item_keys, summary=request.summary, goods=request.goods,
            now=now)

    return Op("create_referral", body)


def decide_referral_op(referral_uuid: str, *, approve: bool, note: str, actor: Actor,
                       now: datetime | None = None) -> Op[ReferralView]:
    return Op("decide_referral", lambda env: referrals.decide_referral(
        env.workspace.store, actor, referral_uuid, approve=approve, note=note, now=now))


def mark_transferred_op(referral_uuid: str, actor: Actor, note: str = "",
                        now: datetime | None = None) -> Op[ReferralView]:
    return Op("mark_transferred", lambda env: referrals.mark_transferred(
        env.workspace.store, actor, referral_uuid, note=note, now=now))


def build_package_op(referral_uuid: str, out_dir: Path, actor: Actor,
                     now: datetime | None = None) -> Op[BuiltPackage]:
    """The evidence package (record PDF, photo originals, goods, manifest) into
    ``out_dir``: rendering and hashing run here, off the UI thread."""
    return Op("build_referral_package", lambda env: referral_package.build_referral_package(
        env.workspace, actor, referral_uuid, out_dir, now=now))
