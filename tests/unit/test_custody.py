"""The chain of custody, pure: hashing, the order rules, and every kind of tampering."""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.core.audit_chain import canonical_json
from inspector.core.custody import (
    GENESIS_HASH,
    KIND_LABELS,
    REQUIRED_FIELDS,
    CustodyEntry,
    CustodyError,
    ProblemKind,
    chain_entry,
    next_steps,
    recheck_pending,
    steps_after,
    verify_chain,
)
from inspector.core.lifecycles import CustodyEventKind, PortionRole
from inspector.core.sample_codes import make_sample_code
from inspector.core.workdays import CHINA_TIME

K = CustodyEventKind
TEST, BACKUP, OTHER = PortionRole.TEST, PortionRole.BACKUP, PortionRole.OTHER
SAMPLE = make_sample_code("130123", 2026, "0A3", 17)
TEST_CODE = SAMPLE.portion(1)
BACKUP_CODE = SAMPLE.portion(2)
T0 = datetime(2026, 9, 30, 9, 0, tzinfo=CHINA_TIME)

# Valid fields for each kind (refusals here keep the seal intact: a re-sent portion
# must not have a broken seal).
FIELDS: dict[CustodyEventKind, dict[str, Any]] = {
    K.COLLECTED: {"place": "正定县某超市"},
    K.SEALED: {},
    K.SIGNED: {},
    K.HANDED_OVER: {"from_party": "抽样员张三", "to_party": "抽样员李四", "seal_intact": True},
    K.IN_TRANSIT: {"from_party": "抽样员李四", "to_party": "河北省产品质量监督检验研究院"},
    K.RECEIVED: {"from_party": "抽样员李四", "to_party": "检验院收样室 王五",
                 "seal_intact": True},
    K.REFUSED: {"reason": "抽样单缺页", "seal_intact": True},
    K.RETURNED: {"to_party": "抽样员张三"},
    K.RESULT_RECORDED: {"result": "pass", "report_number": "JY2026-0001"},
    K.RECHECK_REQUESTED: {"from_party": "被抽样单位 正定县某超市"},
    K.BACKUP_RETAINED: {"place": "样品库 B-3"},
    K.BACKUP_RELEASED: {"to_party": "被抽样单位 正定县某超市"},
    K.BACKUP_DESTROYED: {"reason": "保存期满销毁"},
    K.DISPOSED: {"reason": "检毕余样销毁"},
}

TEST_PATH = (K.COLLECTED, K.SEALED, K.SIGNED, K.HANDED_OVER, K.IN_TRANSIT, K.RECEIVED,
             K.RESULT_RECORDED, K.DISPOSED)
BACKUP_PATH = (K.COLLECTED, K.SEALED, K.SIGNED, K.HANDED_OVER, K.RECEIVED,
               K.BACKUP_RETAINED, K.BACKUP_RELEASED)
RECHECK_PATH = (K.COLLECTED, K.SEALED, K.SIGNED, K.HANDED_OVER, K.RECEIVED,
                K.BACKUP_RETAINED, K.RECHECK_REQUESTED, K.IN_TRANSIT, K.RECEIVED,
                K.RESULT_RECORDED, K.DISPOSED)


def append(chain: list[CustodyEntry], kind: CustodyEventKind, role: PortionRole = TEST,
           *, at: datetime | None = None, **overrides: Any) -> None:
    previous = chain[-1] if chain else None
    fields = {**FIELDS[kind], **overrides}
    code = TEST_CODE if role is TEST else BACKUP_CODE
    chain.append(chain_entry(
        previous, kind=kind, occurred_at=at or T0 + timedelta(hours=len(chain)),
        actor=fields.pop("actor", "张三"), portion_code=code if previous is None else None,
        role=role if previous is None else None, **fields,
    ))


def build(kinds: Sequence[CustodyEventKind], role: PortionRole = TEST) -> list[CustodyEntry]:
    chain: list[CustodyEntry] = []
    for kind in kinds:
        append(chain, kind, role)
    return chain


def found(chain: Sequence[CustodyEntry]) -> list[tuple[ProblemKind, int]]:
    return [(p.kind, p.seq) for p in verify_chain(chain)]


def resealed(entry: CustodyEntry, **changes: Any) -> CustodyEntry:
    """``entry`` changed and re-hashed, as a forger with the algorithm would."""
    changed = dataclasses.replace(entry, **changes)
    return dataclasses.replace(changed, hash=changed.digest())


def relinked(chain: list[CustodyEntry], start: int) -> list[CustodyEntry]:
    """Re-hash and re-link every entry from index ``start`` on (a thorough forger)."""
    out = chain[:start]
    for entry in chain[start:]:
        prev = out[-1].hash if out else GENESIS_HASH
        out.append(resealed(entry, prev_hash=prev, seq=len(out) + 1))
    return out


# --- building --------------------------------------------------------------------------


def test_entries_are_numbered_and_linked_from_genesis() -> None:
    chain = build(TEST_PATH)
    assert [e.seq for e in chain] == list(range(1, len(TEST_PATH) + 1))
    assert chain[0].prev_hash == GENESIS_HASH == "0" * 64
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(chain))
    assert all(e.portion_code == TEST_CODE and e.role is TEST for e in chain)


def test_hash_is_sha256_of_the_canonical_json_including_prev_hash() -> None:
    entry = build([K.COLLECTED])[0]
    document = {
        "portion_code": TEST_CODE, "role": "test", "seq": 1, "kind": "collected",
        "occurred_at": "2026-09-30T01:00:00+00:00", "actor": "张三", "place": "正定县某超市",
        "from_party": "", "to_party": "", "seal_intact": None, "result": None,
        "report_number": "", "reason": "", "photo_sha256": "", "prev_hash": GENESIS_HASH,
    }
    expected = hashlib.sha256(canonical_json(document).encode("utf-8")).hexdigest()
    assert entry.hash == expected


def test_hash_does_not_depend_on_the_zone_the_time_is_read_back_in() -> None:
    entry = build([K.COLLECTED])[0]
    as_utc = dataclasses.replace(entry, occurred_at=entry.occurred_at.astimezone(UTC))
    assert as_utc.digest() == entry.hash
    assert verify_chain([as_utc]) == ()


def test_chain_entry_refuses_a_naive_time() -> None:
    with pytest.raises(CustodyError) as caught:
        chain_entry(None, kind=K.COLLECTED, occurred_at=datetime(2026, 9, 30, 9),
                    actor="张三", portion_code=TEST_CODE, role=TEST, place="超市")
    assert "时区" in caught.value.text.zh


def test_first_entry_needs_code_and_role() -> None:
    with pytest.raises(CustodyError):
        chain_entry(None, kind=K.COLLECTED, occurred_at=T0, actor="张三", place="超市")


def test_following_entries_inherit_code_and_role_and_refuse_others() -> None:
    chain = build([K.COLLECTED])
    same = chain_entry(chain[0], kind=K.SEALED, occurred_at=T0, actor="张三",
                       portion_code=TEST_CODE, role=TEST)
    assert same.portion_code == TEST_CODE and same.seq == 2
    with pytest.raises(CustodyError):
        chain_entry(chain[0], kind=K.SEALED, occurred_at=T0, actor="张三",
                    portion_code=BACKUP_CODE)
    with pytest.raises(CustodyError):
        chain_entry(chain[0], kind=K.SEALED, occurred_at=T0, actor="张三", role=BACKUP)


# --- intact chains ---------------------------------------------------------------------


@pytest.mark.parametrize(("role", "path"), [
    (TEST, TEST_PATH), (OTHER, TEST_PATH), (BACKUP, BACKUP_PATH), (BACKUP, RECHECK_PATH),
])
def test_complete_chains_verify_clean(
    role: PortionRole, path: tuple[CustodyEventKind, ...]
) -> None:
    chain = build(path, role)
    assert verify_chain(chain) == ()
    assert steps_after(chain, role) == ()  # each path ends in a terminal event


def test_refused_then_returned_and_sent_again() -> None:
    chain = build((K.COLLECTED, K.SEALED, K.SIGNED, K.IN_TRANSIT, K.REFUSED, K.RETURNED,
                   K.HANDED_OVER, K.RECEIVED, K.RESULT_RECORDED))
    assert verify_chain(chain) == ()


def test_refused_with_a_broken_seal_then_disposed() -> None:
    chain = build((K.COLLECTED, K.SEALED, K.SIGNED, K.HANDED_OVER))
    append(chain, K.REFUSED, reason="封条破损", seal_intact=False)
    append(chain, K.DISPOSED)
    assert verify_chain(chain) == ()


def test_handover_may_record_a_broken_seal() -> None:
    chain = build((K.COLLECTED, K.SEALED, K.SIGNED))
    append(chain, K.HANDED_OVER, seal_intact=False)
    append(chain, K.REFUSED, reason="封条破损", seal_intact=False)
    assert verify_chain(chain) == ()


def test_equal_times_are_in_order() -> None:
    chain: list[CustodyEntry] = []
    for kind in (K.COLLECTED, K.SEALED, K.SIGNED):
        append(chain, kind, at=T0)
    assert verify_chain(chain) == ()


def test_empty_chain_is_intact() -> None:
    assert verify_chain([]) == ()


# --- tampering -------------------------------------------------------------------------


def test_changed_field_is_caught_at_that_entry() -> None:
    chain = build(TEST_PATH)
    chain[3] = dataclasses.replace(chain[3], to_party="别人")
    assert found(chain) == [(ProblemKind.CONTENT, 4)]


def test_changed_field_with_recomputed_hash_breaks_the_next_link() -> None:
    chain = build(TEST_PATH)
    chain[3] = resealed(chain[3], to_party="别人")
    assert found(chain) == [(ProblemKind.LINK, 5)]


def test_changed_result_is_caught() -> None:
    chain = build(TEST_PATH)
    chain[6] = dataclasses.replace(chain[6], result="fail")
    assert found(chain) == [(ProblemKind.CONTENT, 7)]


def test_deleted_entry_is_one_gap() -> None:
    chain = build(TEST_PATH)
    del chain[2]
    assert found(chain) == [(ProblemKind.GAP, 3)]


def test_deleted_first_entry_is_one_gap() -> None:
    chain = build(TEST_PATH)
    del chain[0]
    assert found(chain) == [(ProblemKind.GAP, 1)]


def test_deleted_run_names_each_missing_number() -> None:
    chain = build(TEST_PATH)
    del chain[2:5]
    assert found(chain) == [(ProblemKind.GAP, 3), (ProblemKind.GAP, 4), (ProblemKind.GAP, 5)]


def test_deleting_the_last_entries_leaves_a_valid_shorter_chain() -> None:
    # Documented limit: only a head recorded elsewhere reveals a truncated end.
    assert verify_chain(build(TEST_PATH)[:5]) == ()


def test_entries_stored_out_of_order() -> None:
    chain = build(TEST_PATH)
    chain[3], chain[4] = chain[4], chain[3]
    assert found(chain) == [(ProblemKind.SEQUENCE, 4)]


def test_reordered_events_with_a_rebuilt_chain_break_the_order_rules() -> None:
    # A forger swaps "sealed" and "signed" and re-hashes everything after them.
    chain = build(TEST_PATH)
    chain[1], chain[2] = chain[2], chain[1]
    chain = relinked(chain, 1)
    assert verify_chain(chain[:1]) == ()
    assert found(chain) == [(ProblemKind.TRANSITION, 2), (ProblemKind.TIME, 3),
                            (ProblemKind.TRANSITION, 3), (ProblemKind.TRANSITION, 4)]


def test_swapped_sequence_numbers_without_rehashing() -> None:
    chain = build(TEST_PATH)
    chain[3] = dataclasses.replace(build(TEST_PATH)[4], seq=4)
    chain[4] = dataclasses.replace(build(TEST_PATH)[3], seq=5)
    assert found(chain) == [
        (ProblemKind.LINK, 4), (ProblemKind.CONTENT, 4),
        (ProblemKind.LINK, 5), (ProblemKind.CONTENT, 5), (ProblemKind.TIME, 5),
        (ProblemKind.LINK, 6),
    ]


def test_forged_prev_hash() -> None:
    chain = build(TEST_PATH)
    chain[3] = dataclasses.replace(chain[3], prev_hash="f" * 64)
    assert found(chain) == [(ProblemKind.LINK, 4), (ProblemKind.CONTENT, 4)]


def test_forged_prev_hash_with_the_rest_rebuilt() -> None:
    chain = build(TEST_PATH)
    chain[3] = resealed(chain[3], prev_hash="f" * 64)
    chain = chain[:4] + relinked(chain, 4)[4:]
    assert found(chain) == [(ProblemKind.LINK, 4)]


def test_inserted_entry_shifts_nothing_silently() -> None:
    chain = build(TEST_PATH)
    extra = chain_entry(chain[3], kind=K.HANDED_OVER, occurred_at=chain[3].occurred_at,
                        actor="张三", **FIELDS[K.HANDED_OVER])
    chain.insert(4, extra)  # a second entry numbered 5
    assert found(chain) == [(ProblemKind.SEQUENCE, 5)]


def test_duplicated_entry() -> None:
    chain = build(TEST_PATH)
    chain.insert(3, chain[3])
    assert found(chain) == [(ProblemKind.SEQUENCE, 4)]


def test_illegal_transition() -> None:
    chain = build((K.COLLECTED, K.SEALED, K.SIGNED, K.RECEIVED))  # skipped the handover
    problems = verify_chain(chain)
    assert [(p.kind, p.seq) for p in problems] == [(ProblemKind.TRANSITION, 4)]
    assert "签字确认" in problems[0].message.zh
    assert "may not follow signed" in problems[0].message.en


def test_first_entry_must_be_collected() -> None:
    assert found(build((K.SEALED, K.SIGNED))) == [(ProblemKind.TRANSITION, 1)]


def test_nothing_after_a_terminal_event() -> None:
    chain = build(BACKUP_PATH, BACKUP)
    append(chain, K.BACKUP_DESTROYED, BACKUP)
    problems = verify_chain(chain)
    assert [(p.kind, p.seq) for p in problems] == [(ProblemKind.TRANSITION, 8)]
    assert "nothing (closed)" in problems[0].message.en


def test_test_portion_is_never_retained_as_a_backup() -> None:
    chain = build((*TEST_PATH[:6], K.BACKUP_RETAINED))
    assert found(chain) == [(ProblemKind.TRANSITION, 7)]


def test_backup_result_needs_a_recheck() -> None:
    chain = build((*BACKUP_PATH[:5], K.RESULT_RECORDED), BACKUP)
    assert found(chain) == [(ProblemKind.TRANSITION, 6)]


def test_handed_over_without_a_party() -> None:
    chain = build(TEST_PATH[:3])
    append(chain, K.HANDED_OVER, to_party="")
    problems = verify_chain(chain)
    assert [(p.kind, p.seq, p.field) for p in problems] == [(ProblemKind.FIELD, 4, "to_party")]
    assert problems[0].portion_code == TEST_CODE
    assert problems[0].message.zh == f"份样 {TEST_CODE} 第 4 条流转记录：交接须写明接收方"
    assert problems[0].message.en == (
        f"portion {TEST_CODE}, custody event 4: handed over must state to_party")


def test_time_going_backwards() -> None:
    chain = build(TEST_PATH[:4])
    append(chain, K.IN_TRANSIT, at=chain[-1].occurred_at - timedelta(minutes=1))
    append(chain, K.RECEIVED)
    assert found(chain) == [(ProblemKind.TIME, 5)]


@pytest.mark.parametrize(("kind", "field"), [
    (kind, field) for kind, fields in REQUIRED_FIELDS.items() for field in fields
])
def test_each_required_field_is_checked(kind: CustodyEventKind, field: str) -> None:
    entry = build([kind])[0]
    blank = None if field in {"seal_intact", "result"} else " "
    problems = verify_chain([resealed(entry, **{field: blank})])
    assert (ProblemKind.FIELD, 1, field) in [(p.kind, p.seq, p.field) for p in problems]


def test_missing_actor() -> None:
    chain = build(TEST_PATH[:2])
    chain[1] = resealed(chain[1], actor="")
    assert [(p.kind, p.field) for p in verify_chain(chain)] == [(ProblemKind.FIELD, "actor")]


def test_received_with_a_broken_seal_must_have_been_refused() -> None:
    chain = build(TEST_PATH[:3])
    append(chain, K.HANDED_OVER, seal_intact=False)
    append(chain, K.RECEIVED, seal_intact=False)
    assert [(p.kind, p.seq, p.field) for p in verify_chain(chain)] == [
        (ProblemKind.FIELD, 5, "seal_intact")]


def test_a_broken_seal_does_not_heal() -> None:
    chain = build(TEST_PATH[:3])
    append(chain, K.HANDED_OVER, seal_intact=False)
    append(chain, K.RECEIVED, seal_intact=True)
    assert found(chain) == [(ProblemKind.SEAL, 5)]


def test_result_must_be_pass_or_fail_and_only_on_results() -> None:
    chain = build(TEST_PATH[:7])
    chain[6] = resealed(chain[6], result=cast(Any, "maybe"))
    assert [(p.kind, p.seq, p.field) for p in verify_chain(chain)] == [
        (ProblemKind.FIELD, 7, "result")]
    chain = build(TEST_PATH[:2])
    chain[1] = resealed(chain[1], result="pass")
    assert [(p.kind, p.field) for p in verify_chain(chain)] == [(ProblemKind.FIELD, "result")]


def test_photo_hash_must_be_sha256_hex() -> None:
    chain: list[CustodyEntry] = []
    append(chain, K.COLLECTED, photo_sha256="a" * 64)
    assert verify_chain(chain) == ()
    append(chain, K.SEALED, photo_sha256="A" * 64)
    assert [(p.kind, p.field) for p in verify_chain(chain)] == [
        (ProblemKind.FIELD, "photo_sha256")]


def test_naive_time_in_stored_data_is_a_field_problem() -> None:
    chain = build(TEST_PATH[:3])
    chain[2] = resealed(chain[2], occurred_at=datetime(2026, 9, 30, 12))
    chain = relinked(chain, 3)
    assert [(p.kind, p.seq, p.field) for p in verify_chain(chain)] == [
        (ProblemKind.FIELD, 3, "occurred_at")]


def test_another_portions_entry_inside_the_chain() -> None:
    chain = build(TEST_PATH[:3])
    chain[2] = resealed(chain[2], portion_code=BACKUP_CODE)
    assert found(chain) == [(ProblemKind.PORTION, 3)]
    chain = build(TEST_PATH[:3])
    chain[2] = resealed(chain[2], role=BACKUP)
    assert found(chain) == [(ProblemKind.PORTION, 3)]


def test_problems_come_in_sequence_order_and_all_are_reported() -> None:
    chain = build(TEST_PATH)
    chain[6] = dataclasses.replace(chain[6], report_number="")  # content and field
    chain[1] = dataclasses.replace(chain[1], actor="李四")  # content
    del chain[4]  # gap
    assert found(chain) == [(ProblemKind.CONTENT, 2), (ProblemKind.GAP, 5),
                            (ProblemKind.CONTENT, 7), (ProblemKind.FIELD, 7)]


# --- what may happen next ----------------------------------------------------------------

# The table of the module's docstring, restated independently.
COMMON: dict[CustodyEventKind | None, set[CustodyEventKind]] = {
    None: {K.COLLECTED},
    K.COLLECTED: {K.SEALED},
    K.SEALED: {K.SIGNED},
    K.SIGNED: {K.HANDED_OVER, K.IN_TRANSIT},
    K.HANDED_OVER: {K.HANDED_OVER, K.IN_TRANSIT, K.RECEIVED, K.REFUSED},
    K.IN_TRANSIT: {K.HANDED_OVER, K.RECEIVED, K.REFUSED},
    K.REFUSED: {K.RETURNED, K.DISPOSED},
    K.RETURNED: {K.HANDED_OVER, K.IN_TRANSIT, K.DISPOSED},
    K.RESULT_RECORDED: {K.DISPOSED},
    K.DISPOSED: set(),
}
EXPECTED: dict[tuple[PortionRole, CustodyEventKind | None], set[CustodyEventKind]] = {}
for _role in (TEST, OTHER, BACKUP):
    for _kind in (None, *K):
        EXPECTED[(_role, _kind)] = COMMON.get(_kind, set())
for _role in (TEST, OTHER):
    EXPECTED[(_role, K.RECEIVED)] = {K.RESULT_RECORDED}
EXPECTED[(BACKUP, K.RECEIVED)] = {K.BACKUP_RETAINED}
EXPECTED[(BACKUP, K.BACKUP_RETAINED)] = {K.RECHECK_REQUESTED, K.BACKUP_RELEASED,
                                         K.BACKUP_DESTROYED}
EXPECTED[(BACKUP, K.RECHECK_REQUESTED)] = {K.HANDED_OVER, K.IN_TRANSIT}


@pytest.mark.parametrize(("role", "kind"), sorted(EXPECTED, key=str))
def test_next_steps(role: PortionRole, kind: CustodyEventKind | None) -> None:
    last = None if kind is None else build([kind], role)[0]
    steps = next_steps(last, role)
    assert set(steps) == EXPECTED[(role, kind)]
    assert len(steps) == len(set(steps))


def test_next_steps_during_a_recheck() -> None:
    received = build([K.RECEIVED], BACKUP)[0]
    assert next_steps(received, BACKUP, rechecking=True) == (K.RESULT_RECORDED,)
    assert next_steps(received, TEST, rechecking=True) == (K.RESULT_RECORDED,)


def test_steps_after_follows_the_recheck() -> None:
    chain = build(RECHECK_PATH, BACKUP)
    assert steps_after(chain[:5], BACKUP) == (K.BACKUP_RETAINED,)
    assert not recheck_pending(chain[:6])
    assert recheck_pending(chain[:9])
    assert steps_after(chain[:9], BACKUP) == (K.RESULT_RECORDED,)
    assert not recheck_pending(chain[:10])
    assert steps_after([], BACKUP) == (K.COLLECTED,)


def test_every_kind_has_labels_and_short_stored_values() -> None:
    assert set(KIND_LABELS) == set(K) == set(REQUIRED_FIELDS)
    assert all(len(kind.value) <= 16 for kind in K)  # custody_event.kind is String(16)
    assert {k.value for k in (K.SEALED, K.HANDED_OVER, K.RECEIVED, K.REFUSED, K.RETURNED,
                              K.DISPOSED)} == {"sealed", "handed_over", "received", "refused",
                                               "returned", "disposed"}


# --- properties ------------------------------------------------------------------------


@st.composite
def legal_chains(draw: st.DrawFn) -> list[CustodyEntry]:
    """A chain built by following next_steps from an empty chain, of any role."""
    role = draw(st.sampled_from(list(PortionRole)))
    chain: list[CustodyEntry] = []
    for _ in range(draw(st.integers(1, 14))):
        steps = steps_after(chain, role)
        if not steps:
            break
        append(chain, draw(st.sampled_from(steps)), role)
    return chain


@given(legal_chains())
def test_every_chain_built_by_the_rules_verifies_clean(chain: list[CustodyEntry]) -> None:
    assert verify_chain(chain) == ()


@given(legal_chains(), st.data())
def test_any_edited_entry_is_named(chain: list[CustodyEntry], data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(chain) - 1))
    chain[index] = dataclasses.replace(chain[index], actor=chain[index].actor + "x")
    assert found(chain) == [(ProblemKind.CONTENT, index + 1)]


@given(legal_chains(), st.data())
def test_any_deleted_inner_entry_is_exactly_one_gap(
    chain: list[CustodyEntry], data: st.DataObject
) -> None:
    if len(chain) < 2:
        return
    index = data.draw(st.integers(0, len(chain) - 2))
    del chain[index]
    assert found(chain) == [(ProblemKind.GAP, index + 1)]
