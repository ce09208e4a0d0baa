"""The Qt binding the app runs on survives a long session's worth of signals.

PySide6 6.12.0 dropped a reference to ``True`` on every ``Signal.emit()`` made from
Python; after a few thousand signals the interpreter aborted (``bool_dealloc``). The
app emits signals for every keystroke, row and progress step, so pyproject.toml
excludes that release; this test catches any other binding with the same fault.
"""

from __future__ import annotations

import subprocess
import sys

EMITS = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Source(QObject):
    changed = Signal()

app = QCoreApplication([])
source = Source()
received = []
source.changed.connect(lambda: received.append(1))
before = sys.getrefcount(True)
for _ in range(20000):
    source.changed.emit()
assert len(received) == 20000
print(sys.getrefcount(True) - before)
"""


def test_twenty_thousand_signals_leave_the_interpreter_intact() -> None:
    run = subprocess.run([sys.executable, "-c", EMITS], check=False, capture_output=True,
                         text=True, timeout=120, env={"QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stderr[-2000:]
    assert abs(int(run.stdout.strip())) < 100
