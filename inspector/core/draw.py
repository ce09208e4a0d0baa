"""The random draw of "双随机": algorithm ``hash-rank-v1``, its protocol, and verification.

Contract (pure; no I/O, no clock): :func:`run_draw` selects entities per stratum and
staffs a team for each, deterministically from a 32-byte seed, exactly as
``docs/draw.md`` describes it for anyone to re-implement:

- entity score ``sha256(seed || b"|E|" || utf8(key))`` (lower-case hex); per stratum the
  members sorted by (score, key) ascending, the first k taken; k is the stratum's count,
  or ``ceil(ratio × size)`` computed exactly (ratios are decimal strings, never floats);
- teams: selected entities in ascending (score, key) order; for each, the eligible
  inspectors not recused for it and with capacity left, ranked by
  ``sha256(seed || b"|I|" || utf8(entity key) || b"|" || utf8(inspector key))`` (ties by
  key); the first ``team_size`` form the team, the first of them the lead (主检);
  capacity is the plan's maximum per inspector or ``ceil(team_size × selected / pool)``;
  an entity that cannot be staffed is listed as unassigned with the reason.

:func:`protocol_document` writes the result as the protocol (canonical JSON with a
SHA-256 over the rest); :func:`verify_protocol` recomputes everything from the document
alone and names the first place that differs.
"""

from __future__ import annotations

import hashlib
import importlib
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, NamedTuple, cast

from inspector.core.audit_chain import canonical_json

ALGORITHM = "hash-rank-v1"
SEED_BYTES = 32


class DrawError(ValueError):
    """A plan or input the draw refuses, with the reason (in English; the UI translates)."""


@dataclass(frozen=True)
class Stratum:
    name: str
    ratio: str | None = None  # a decimal string such as "0.03"
    count: int | None = None

    def take(self, size: int) -> int:
        """How many members of a stratum of ``size`` are drawn (exact arithmetic)."""
        if self.count is not None:
            return self.count
        assert self.ratio is not None
        return math.ceil(_fraction(self.ratio) * size)


@dataclass(frozen=True)
class DrawPlan:
    strata: tuple[Stratum, ...]
    team_size: int
    max_per_inspector: int | None = None


class Member(NamedTuple):
    """An entity of the population (a named tuple: a million are built per large draw)."""

    key: str
    stratum: str


class Candidate(NamedTuple):
    """An eligible inspector and the entity keys they declared a conflict with."""

    key: str
    recused: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Selection:
    key: str
    stratum: str
    score: str
    team: tuple[str, ...]


@dataclass(frozen=True)
class Unassigned:
    key: str
    reason: str


@dataclass(frozen=True)
class DrawResult:
    capacity: int
    selected: tuple[Selection, ...]  # in (score, key) order
    unassigned: tuple[Unassigned, ...]


# -- seeds --------------------------------------------------------------------------------


def parse_seed(text: str) -> bytes:
    value = text.strip()
    if len(value) != 2 * SEED_BYTES or any(c not in "0123456789abcdef" for c in value):
        raise DrawError("a seed is 64 lower-case hexadecimal digits (32 bytes)")
    return bytes.fromhex(value)


def seed_from_text(text: str) -> bytes:
    """A seed derived from a public text chosen in advance: ``sha256(utf8(text))``."""
    return hashlib.sha256(text.encode("utf-8")).digest()


def commitment(seed: bytes) -> str:
    return hashlib.sha256(seed).hexdigest()


# -- the algorithm ------------------------------------------------------------------------


def entity_score(seed: bytes, key: str) -> str:
    return hashlib.sha256(seed + b"|E|" + key.encode("utf-8")).hexdigest()


def inspector_rank(seed: bytes, entity_key: str, inspector_key: str) -> str:
    return hashlib.sha256(seed + b"|I|" + entity_key.encode("utf-8") + b"|"
                          + inspector_key.encode("utf-8")).hexdigest()


def check_plan(plan: DrawPlan, population: Sequence[Member],
               inspectors: Sequence[Candidate]) -> None:
    """Refuse a plan that breaks a rule, with the reason."""
    if plan.team_size < 2:
        raise DrawError(f"a team has at least 2 inspectors (the plan says {plan.team_size})")
    if plan.max_per_inspector is not None and plan.max_per_inspector < 1:
        raise DrawError("the maximum of tasks per inspector must be at least 1")
    if len(inspectors) < plan.team_size:
        raise DrawError(f"{len(inspectors)} eligible inspector(s) cannot form a team of "
                        f"{plan.team_size}")
    if len({c.key for c in inspectors}) != len(inspectors):
        raise DrawError("an inspector appears twice in the pool")
    if len({m.key for m in population}) != len(population):
        raise DrawError("an entity appears twice in the population")
    names = [s.name for s in plan.strata]
    if len(set(names)) != len(names):
        raise DrawError("two strata have the same name")
    sizes = _sizes(population)
    for stratum in plan.strata:
        if (stratum.ratio is None) == (stratum.count is None):
            raise DrawError(f"stratum {stratum.name}: give a ratio or a count, not both")
        if stratum.ratio is not None:
            try:
                validate_ratio(stratum.ratio)
            except DrawError as exc:
                raise DrawError(f"stratum {stratum.name}: {exc}") from None
        size = sizes.get(stratum.name, 0)
        if stratum.count is not None:
            if stratum.count < 1:
                raise DrawError(f"stratum {stratum.name}: the count must be at least 1")
            if size == 0:
                raise DrawError(f"stratum {stratum.name} is empty but asks for "
                                f"{stratum.count}")
            if stratum.count > size:
                raise DrawError(f"stratum {stratum.name} has {size} member(s), fewer than "
                                f"the {stratum.count} asked for")
    unknown = set(sizes) - set(names)
    if unknown:
        raise DrawError(f"population members in no stratum of the plan: {sorted(unknown)}")


def run_draw(seed: bytes, plan: DrawPlan, population: Sequence[Member],
             inspectors: Sequence[Candidate]) -> DrawResult:
    if len(seed) != SEED_BYTES:
        raise DrawError("a seed is 32 bytes")
    check_plan(plan, population, inspectors)
    sha256 = _one_shot_sha256()
    entity_prefix = seed + b"|E|"
    by_stratum: dict[str, list[tuple[str, str]]] = {}
    for member in population:
        by_stratum.setdefault(member.stratum, []).append(
            (sha256(entity_prefix + member.key.encode("utf-8")).hexdigest(), member.key))
    chosen: list[tuple[str, str, str]] = []  # (score, key, stratum)
    for stratum in plan.strata:
        members = sorted(by_stratum.get(stratum.name, []))
        chosen.extend((score, key, stratum.name)
                      for score, key in members[:stratum.take(len(members))])
    chosen.sort()
    capacity = plan.max_per_inspector if plan.max_per_inspector is not None else \
        math.ceil(Fraction(plan.team_size * len(chosen), len(inspectors)))
    selected, unassigned = _staff(seed, plan.team_size, capacity, chosen, inspectors)
    return DrawResult(capacity, tuple(selected), tuple(unassigned))


def _staff(seed: bytes, team_size: int, capacity: int, chosen: Sequence[tuple[str, str, str]],
           inspectors: Sequence[Candidate]) -> tuple[list[Selection], list[Unassigned]]:
    """Step 4 of docs/draw.md, written for speed (it hashes entities × inspectors).

    Ranking by digest bytes orders exactly as ranking by their hex; two inspectors can
    only tie on a digest if their messages were equal (SHA-256 is collision resistant)
    and their keys differ, so the tie-break by key never decides in practice.
    """
    sha256 = _one_shot_sha256()
    available = [(c.key, c.key.encode("utf-8")) for c in inspectors if capacity > 0]
    barred: dict[str, set[str]] = {}
    for candidate in inspectors:
        for entity in candidate.recused:
            barred.setdefault(entity, set()).add(candidate.key)
    load = dict.fromkeys((c.key for c in inspectors), 0)
    selected: list[Selection] = []
    unassigned: list[Unassigned] = []
    for score, key, stratum_name in chosen:
        conflicts = barred.get(key)
        pool = [a for a in available if a[0] not in conflicts] if conflicts else available
        if len(pool) < team_size:
            unassigned.append(Unassigned(key, (
                f"only {len(pool)} eligible inspector(s) not recused and under the "
                f"capacity of {capacity}; a team needs {team_size}")))
            selected.append(Selection(key, stratum_name, score, ()))
            continue
        prefix = seed + b"|I|" + key.encode("utf-8") + b"|"
        ranks = [sha256(prefix + encoded).digest() for _key, encoded in pool]
        team = _smallest(ranks, pool, team_size)
        full: set[str] = set()
        for inspector in team:
            load[inspector] += 1
            if load[inspector] >= capacity:
                full.add(inspector)
        if full:
            available = [a for a in available if a[0] not in full]
        selected.append(Selection(key, stratum_name, score, team))
    return selected, unassigned


def _smallest(ranks: list[bytes], pool: Sequence[tuple[str, bytes]], count: int
              ) -> tuple[str, ...]:
    """The keys of the ``count`` smallest ranks, smallest first (``ranks`` is consumed)."""
    if count * 8 > len(ranks):
        return tuple(k for _r, k in sorted(zip(ranks, (p[0] for p in pool), strict=True))
                     [:count])
    past_every_digest = b"\xff" * 33
    team = []
    for _ in range(count):
        index = ranks.index(min(ranks))
        team.append(pool[index][0])
        ranks[index] = past_every_digest
    return tuple(team)


def _one_shot_sha256() -> Callable[[bytes], Any]:
    """SHA-256 as fast as this Python offers it for short messages.

    CPython's built-in implementation (``_sha256``, or ``_sha2`` from 3.12) skips
    OpenSSL 3's per-object setup and is about a third faster on 60-byte messages; the
    digests are the same by definition. ``hashlib`` is the fallback.
    """
    for module_name in ("_sha2", "_sha256"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        function = getattr(module, "sha256", None)
        if callable(function):
            return cast(Callable[[bytes], Any], function)
    return hashlib.sha256


# -- the protocol -------------------------------------------------------------------------


def protocol_document(result: DrawResult, *, seed: bytes, plan: DrawPlan,
                      population: Sequence[Member], inspectors: Sequence[Candidate],
                      drawn_at: str, operator: str, software_version: str,
                      extra_plan: Mapping[str, Any] | None = None) -> dict[str, Any]:
    return render_protocol(result, seed=seed, plan=plan, population=population,
                           inspectors=inspectors, drawn_at=drawn_at, operator=operator,
                           software_version=software_version, extra_plan=extra_plan)[0]


def render_protocol(result: DrawResult, *, seed: bytes, plan: DrawPlan,
                    population: Sequence[Member], inspectors: Sequence[Candidate],
                    drawn_at: str, operator: str, software_version: str,
                    extra_plan: Mapping[str, Any] | None = None
                    ) -> tuple[dict[str, Any], str]:
    """The protocol as a document and as its canonical JSON text (each value written once:
    a province's population makes this text tens of megabytes)."""
    body: dict[str, Any] = {
        "algorithm": ALGORITHM,
        "seed": seed.hex(),
        "seed_commitment": commitment(seed),
        "drawn_at": drawn_at,
        "operator": operator,
        "software_version": software_version,
        "plan": {
            **(extra_plan or {}),
            "strata": [_stratum_json(s) for s in plan.strata],
            "team_size": plan.team_size,
            "max_per_inspector": plan.max_per_inspector,
            "capacity": result.capacity,
        },
        "population": [{"key": m.key, "stratum": m.stratum} for m in population],
        "inspectors": [{"key": c.key, "recused": sorted(c.recused)} for c in inspectors],
        "selected": [{"key": s.key, "stratum": s.stratum, "score": s.score,
                      "team": list(s.team)} for s in result.selected],
        "unassigned": [{"key": u.key, "reason": u.reason} for u in result.unassigned],
    }
    parts = {key: canonical_json(value) for key, value in body.items()}
    digest = hashlib.sha256(_join_members(parts).encode("utf-8")).hexdigest()
    parts["sha256"] = canonical_json(digest)
    return {**body, "sha256": digest}, _join_members(parts)


def _join_members(parts: Mapping[str, str]) -> str:
    """The canonical JSON object whose members' canonical texts are ``parts``."""
    return "{" + ",".join(f"{canonical_json(key)}:{parts[key]}" for key in sorted(parts)) + "}"


def document_hash(body: Mapping[str, Any]) -> str:
    rest = {k: v for k, v in body.items() if k != "sha256"}
    return hashlib.sha256(canonical_json(rest).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ProtocolVerdict:
    ok: bool
    problems: tuple[str, ...]


def verify_protocol(document: Mapping[str, Any]) -> ProtocolVerdict:
    """Recompute the draw from the document alone; list every place it differs."""
    try:
        return _verify(document)
    except (DrawError, KeyError, TypeError, ValueError) as exc:
        return ProtocolVerdict(False, (f"the protocol cannot be read: {exc}",))


def _verify(document: Mapping[str, Any]) -> ProtocolVerdict:
    problems: list[str] = []
    if document.get("algorithm") != ALGORITHM:
        return ProtocolVerdict(False, (f"unknown algorithm {document.get('algorithm')!r}",))
    if document.get("sha256") != document_hash(document):
        problems.append("sha256: the document's hash does not match its content")
    seed = parse_seed(str(document["seed"]))
    if document["seed_commitment"] != commitment(seed):
        problems.append("seed_commitment: sha256(seed) differs from the commitment")
    raw_plan = document["plan"]
    plan = DrawPlan(tuple(Stratum(s["name"], s.get("ratio"), s.get("count"))
                          for s in raw_plan["strata"]),
                    int(raw_plan["team_size"]), raw_plan.get("max_per_inspector"))
    population = [Member(str(m["key"]), str(m["stratum"])) for m in document["population"]]
    inspectors = [Candidate(str(c["key"]), frozenset(c["recused"]))
                  for c in document["inspectors"]]
    result = run_draw(seed, plan, population, inspectors)
    if raw_plan.get("capacity") != result.capacity:
        problems.append(f"plan.capacity: recorded {raw_plan.get('capacity')}, "
                        f"recomputed {result.capacity}")
    recorded = list(document["selected"])
    expected = [{"key": s.key, "stratum": s.stratum, "score": s.score, "team": list(s.team)}
                for s in result.selected]
    if len(recorded) != len(expected):
        problems.append(f"selected: {len(recorded)} recorded, {len(expected)} recomputed")
    for index, (mine, theirs) in enumerate(zip(expected, recorded, strict=False)):
        if mine != theirs:
            problems.append(f"selected[{index}]: recorded {theirs}, recomputed {mine}")
            break
    # The reasons are for people; the keys are what must match.
    if [str(u["key"]) for u in document["unassigned"]] != [u.key for u in result.unassigned]:
        problems.append("unassigned: differs from the recomputed list")
    return ProtocolVerdict(not problems, tuple(problems))


def validate_ratio(text: object) -> None:
    """Refuse a ratio that is not a decimal string above 0 and at most 1."""
    if not isinstance(text, str):
        raise DrawError(f"ratios are decimal strings such as \"0.03\", not {text!r}")
    if not 0 < _fraction(text) <= 1:
        raise DrawError("the ratio must be above 0 and at most 1")


def _stratum_json(stratum: Stratum) -> dict[str, Any]:
    if stratum.count is not None:
        return {"name": stratum.name, "count": stratum.count}
    return {"name": stratum.name, "ratio": stratum.ratio}


def _sizes(population: Sequence[Member]) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for member in population:
        sizes[member.stratum] = sizes.get(member.stratum, 0) + 1
    return sizes


def _fraction(text: str) -> Fraction:
    if not isinstance(text, str):
        raise DrawError(f"ratios are decimal strings such as \"0.03\", not {text!r}")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise DrawError(f"{text!r} is not a decimal ratio such as 0.03") from None
    if not value.is_finite():
        raise DrawError(f"{text!r} is not a decimal ratio such as 0.03")
    return Fraction(value)


# -- a recorded redraw of one team --------------------------------------------------------

REDRAW_ALGORITHM = "hash-rank-v1-redraw"


@dataclass(frozen=True)
class Redraw:
    entity: str
    previous_team: tuple[str, ...]
    team: tuple[str, ...]


def redraw_team(protocol: Mapping[str, Any], entity_key: str,
                recused: Mapping[str, Sequence[str]], *,
                earlier: Sequence[Mapping[str, Any]] = ()) -> Redraw:
    """Staff one selected entity again after a recusal declared after the draw.

    ``recused`` maps inspector keys to the entity keys they now declare conflicts with
    (added to the protocol's own); ``earlier`` are the redraw records already made on
    this protocol, in order. The loads are the protocol's teams with every earlier
    redraw applied and this entity's current team taken out; the candidates are the
    pool minus every conflict with this entity and minus anyone at capacity; they are
    ranked exactly as in step 4 and the first ``team_size`` form the new team. Raises
    :class:`DrawError` when the entity was not selected or cannot be staffed.
    """
    teams = {str(s["key"]): [str(k) for k in s["team"]] for s in protocol["selected"]}
    if entity_key not in teams:
        raise DrawError(f"{entity_key} was not selected by this draw")
    for record in earlier:
        teams[str(record["entity"])] = [str(k) for k in record["team"]]
    previous = tuple(teams.pop(entity_key))
    plan = protocol["plan"]
    capacity, team_size = int(plan["capacity"]), int(plan["team_size"])
    load: dict[str, int] = {}
    for team in teams.values():
        for inspector in team:
            load[inspector] = load.get(inspector, 0) + 1
    seed = parse_seed(str(protocol["seed"]))
    candidates = sorted(
        (inspector_rank(seed, entity_key, str(c["key"])), str(c["key"]))
        for c in protocol["inspectors"]
        if entity_key not in c["recused"]
        and entity_key not in recused.get(str(c["key"]), ())
        and load.get(str(c["key"]), 0) < capacity)
    if len(candidates) < team_size:
        raise DrawError(f"only {len(candidates)} eligible inspector(s) remain for "
                        f"{entity_key}; a team needs {team_size}")
    return Redraw(entity_key, previous, tuple(key for _rank, key in candidates[:team_size]))


def redraw_document(protocol: Mapping[str, Any], redraw: Redraw, *, inspector: str,
                    reason: str, drawn_at: str, operator: str,
                    earlier: Sequence[Mapping[str, Any]] = ()) -> dict[str, Any]:
    body = {
        "algorithm": REDRAW_ALGORITHM,
        "protocol_sha256": protocol["sha256"],
        "sequence": len(earlier) + 1,
        "entity": redraw.entity,
        "recusal": {"inspector": inspector, "reason": reason},
        "previous_team": list(redraw.previous_team),
        "team": list(redraw.team),
        "drawn_at": drawn_at,
        "operator": operator,
    }
    return {**body, "sha256": document_hash(body)}


def verify_redraws(protocol: Mapping[str, Any], redraws: Sequence[Mapping[str, Any]]
                   ) -> ProtocolVerdict:
    """Recompute every redraw record of a protocol, in order; name the first that differs."""
    problems: list[str] = []
    conflicts: dict[str, list[str]] = {}
    for index, record in enumerate(redraws):
        where = f"redraw {index + 1}"
        if record.get("algorithm") != REDRAW_ALGORITHM or \
                record.get("protocol_sha256") != protocol.get("sha256"):
            problems.append(f"{where}: not a redraw of this protocol")
            break
        if record.get("sha256") != document_hash(record):
            problems.append(f"{where}: the record's hash does not match its content")
        inspector = str(record["recusal"]["inspector"])
        conflicts.setdefault(inspector, []).append(str(record["entity"]))
        try:
            expected = redraw_team(protocol, str(record["entity"]), conflicts,
                                   earlier=redraws[:index])
        except DrawError as exc:
            problems.append(f"{where}: {exc}")
            break
        if list(expected.team) != list(record["team"]) or \
                list(expected.previous_team) != list(record["previous_team"]):
            problems.append(f"{where}: recorded team {record['team']}, recomputed "
                            f"{list(expected.team)}")
            break
    return ProtocolVerdict(not problems, tuple(problems))
