"""The record-kind registry: what each kind of record is, who may push it, who sees it.

Contract: a kind is declared once, in a small module of this package, by calling
:func:`register` at import time; :func:`registry` imports every module here (so adding
a kind means adding a module, never touching the push, feed or blob mechanism). The
mechanism asks a kind three things: which feed it travels in, which roles may push
it, and whose records a principal may see (its :class:`Visibility`).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError

from inspector.core.roles import Role


class Visibility(StrEnum):
    """EVERYONE: every signed-in account (calendars, the result codebook, checklists).
    ASSIGNED: the inspectors the record names (a task's team), the team leads of its
    unit, and administrators and auditors of its region.
    UNIT: everyone of the record's unit (and supervisors of its region) sees it.
    OWNER: its owner, the team leads of its unit, and administrators and auditors of its
    region see it."""

    EVERYONE = "everyone"
    UNIT = "unit"
    OWNER = "owner"
    ASSIGNED = "assigned"  # inspectors named in the record; its unit's leads; supervisors


@dataclass(frozen=True, slots=True)
class RecordKind:
    name: str
    feed: str
    push_roles: frozenset[Role]
    visibility: Visibility
    body_model: type[BaseModel] | None = None
    append_only: bool = False  # a finalized fact: a correction is a new record, not an edit
    # For ASSIGNED kinds: the staff ids a body names (its audience).
    audience: Callable[[dict[str, Any]], list[str]] | None = None
    # A rule beyond the body's shape (a draw protocol must verify), or None.
    check: Callable[[dict[str, Any]], str | None] | None = None
    # A rule against what the platform already stores (a drawn task must match a stored,
    # verified protocol): (session, principal, record uuid, body, memo shared by one push,
    # in which earlier items of the same push may leave what later ones need) -> problem.
    stored_check: Callable[[Any, Any, str, dict[str, Any], dict[str, Any]], str | None] | None \
        = None
    # For ASSIGNED kinds: the inspectors a stored record names may push new versions of
    # it (their progress on a task), within what ``stored_check`` allows.
    audience_edits: bool = False

    def body_problem(self, body: dict[str, Any]) -> str | None:
        """Why ``body`` is not a valid body of this kind, or None."""
        if self.body_model is not None:
            try:
                self.body_model.model_validate(body)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"]) or "body"
                return f"{where}: {first['msg']}"
        return self.check(body) if self.check is not None else None


_KINDS: dict[str, RecordKind] = {}


def register(kind: RecordKind) -> RecordKind:
    if kind.name in _KINDS and _KINDS[kind.name] != kind:
        raise ValueError(f"record kind {kind.name} registered twice")
    _KINDS[kind.name] = kind
    return kind


@cache
def registry() -> Mapping[str, RecordKind]:
    """Every kind, after importing each module of this package once."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return dict(_KINDS)


def feeds() -> frozenset[str]:
    return frozenset(kind.feed for kind in registry().values())


SUPERVISORS = frozenset({Role.TEAM_LEAD, Role.ADMINISTRATOR, Role.AUDITOR})
FIELD_ROLES = frozenset({Role.INSPECTOR, Role.TEAM_LEAD, Role.ADMINISTRATOR})
ADMINISTRATORS = frozenset({Role.ADMINISTRATOR})
PLANNERS = frozenset({Role.TEAM_LEAD, Role.ADMINISTRATOR})
