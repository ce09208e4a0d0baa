"""Numbering samples on this laptop: the next sample code, never used twice.

Contract: :func:`allocate_sample_code` runs inside the caller's write transaction (the
one that records the sample), so a number is taken if and only if the sample is
recorded; it returns the next code of :mod:`inspector.core.sample_codes` for the year of
``today`` from this laptop's device prefix and its signed-in account's division, both
given by the central platform at sign-in. A number once taken is never handed out
again: the counter only grows, and deleting a sample does not give its number back. A
laptop that has not signed in yet has no prefix: :class:`SampleCodeError` says to sign
in first (a code without a reserved prefix could collide with another laptop's).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from inspector.core.sample_codes import SampleCode, SampleCodeError, make_sample_code
from inspector.core.text import LocalText
from inspector.db.models import WorkspaceSetting
from inspector.services.sync_session import DIVISION_KEY, PREFIX_KEY

SEQUENCE_KEY = "samples.sequence.{year}"


def allocate_sample_code(session: Session, today: date) -> SampleCode:
    prefix = session.get(WorkspaceSetting, PREFIX_KEY)
    division = session.get(WorkspaceSetting, DIVISION_KEY)
    if prefix is None or not prefix.value or division is None or not division.value:
        raise SampleCodeError(LocalText(
            "本机尚未在平台登记，没有样品编号前缀：请先登录同步平台",
            "this laptop has no sample-code prefix yet: sign in to the platform first"))
    key = SEQUENCE_KEY.format(year=today.year)
    counter = session.get(WorkspaceSetting, key)
    number = int(counter.value) + 1 if counter is not None else 1
    code = make_sample_code(division.value, today.year, prefix.value, number)
    if counter is None:
        session.add(WorkspaceSetting(key=key, value=str(number)))
    else:
        counter.value = str(number)
    session.flush()
    return code
