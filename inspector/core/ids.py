"""Identifiers made offline: UUIDv7 (RFC 9562), shared by the laptops and the platform.

48 bits of Unix milliseconds, then 74 random bits. Ids that sort by creation time keep
unique-index inserts near the right edge of the B-tree (bulk imports) and give sync
feeds a natural order; the random part makes collisions between laptops negligible.
"""

from __future__ import annotations

import os
import time

_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}


def new_uuid() -> str:
    millis = f"{time.time_ns() // 1_000_000:012x}"
    rand = os.urandom(10).hex()
    return (f"{millis[:8]}-{millis[8:12]}-7{rand[:3]}-{_VARIANT[rand[3]]}{rand[4:7]}-"
            f"{rand[7:19]}")
