"""Administrative divisions (GB/T 2260) with lookups by code and by name.

Contract: :class:`DivisionTable` is immutable and built from CSV text (columns
``code,name,level,parent_code``); reading the file is the caller's job, so this module
stays free of I/O. The shipped table is Hebei's, as of 2024-12-31
(``resources/divisions/hebei-divisions.csv``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum


class DivisionLevel(StrEnum):
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"


@dataclass(frozen=True, slots=True)
class Division:
    """One division: its six-digit code, its name and its parent's code."""

    code: str
    name: str
    level: DivisionLevel
    parent_code: str | None


class DivisionTable:
    """An immutable set of divisions, indexed by code and by name."""

    def __init__(self, divisions: list[Division]) -> None:
        self._by_code = {d.code: d for d in divisions}
        if len(self._by_code) != len(divisions):
            raise ValueError("duplicate division code")
        self._by_name: dict[str, list[Division]] = {}
        for d in divisions:
            self._by_name.setdefault(d.name, []).append(d)
        for d in divisions:
            if d.parent_code is not None and d.parent_code not in self._by_code:
                raise ValueError(f"division {d.code} names unknown parent {d.parent_code}")

    @classmethod
    def from_csv_text(cls, text: str) -> DivisionTable:
        rows = csv.DictReader(io.StringIO(text))
        divisions = [
            Division(
                code=row["code"].strip(),
                name=row["name"].strip(),
                level=DivisionLevel(row["level"].strip()),
                parent_code=(row.get("parent_code") or "").strip() or None,
            )
            for row in rows
        ]
        return cls(divisions)

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[Division]:
        return iter(self._by_code.values())

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> Division | None:
        return self._by_code.get(code)

    def by_name(self, name: str) -> tuple[Division, ...]:
        """All divisions with exactly this name (区 names such as 桥西区 repeat across cities)."""
        return tuple(self._by_name.get(name.strip(), ()))

    def search(self, fragment: str) -> tuple[Division, ...]:
        """Divisions whose name contains ``fragment``, in code order."""
        fragment = fragment.strip()
        return tuple(d for d in self._by_code.values() if fragment and fragment in d.name)

    def children(self, code: str) -> tuple[Division, ...]:
        return tuple(d for d in self._by_code.values() if d.parent_code == code)

    def ancestry(self, code: str) -> tuple[Division, ...]:
        """The division and its parents, province first."""
        chain: list[Division] = []
        current = self._by_code.get(code)
        while current is not None:
            chain.append(current)
            current = self._by_code.get(current.parent_code) if current.parent_code else None
        return tuple(reversed(chain))

    def full_name(self, code: str) -> str | None:
        """``河北省石家庄市正定县`` for ``130123``; None for an unknown code."""
        chain = self.ancestry(code)
        return "".join(d.name for d in chain) if chain else None

    def is_within(self, code: str, ancestor: str) -> bool:
        """True when ``code`` is ``ancestor`` or lies beneath it."""
        return any(d.code == ancestor for d in self.ancestry(code))
