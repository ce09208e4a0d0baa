"""Change sets: what a service call changed, so views redraw only when concerned."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Topic(StrEnum):
    """A family of records that views subscribe to."""

    ENTITIES = "entities"
    INSPECTORS = "inspectors"
    AUDIT = "audit"
    PLANS = "plans"
    TASKS = "tasks"
    DISCLOSURE = "disclosure"
    CHECKLISTS = "checklists"
    DRAFTS = "drafts"
    REFERRALS = "referrals"
    SAMPLES = "samples"


ChangeSet = frozenset[Topic]
NO_CHANGES: ChangeSet = frozenset()


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    """A service result and the topics it changed."""

    value: T
    changes: ChangeSet = field(default=NO_CHANGES)
