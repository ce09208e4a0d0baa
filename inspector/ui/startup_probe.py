"""The startup probe: when the first frame of a window is painted, note the time and quit.

Contract: :func:`install_startup_probe` does nothing (it reads one environment variable
and returns ``None``) unless ``INSPECTOR_STARTUP_PROBE`` names a file. Then it installs an
event filter on the window, on the main thread. At the window's first ``Paint`` event it
arms a zero-delay timer; when the timer fires it writes ``{"painted_at": <time.time()>}``
to that file (UTF-8, replaced atomically, so a reader never sees half of it), emits
:attr:`StartupProbe.reported` with the same time, closes the window (its ``closeEvent``
stops the DB thread as a user's close would) and asks the application to quit.

Why the timer and not the ``Paint`` event itself: the top-level window is painted first,
before its children and before the backing store is flushed to the screen. A zero-delay
timer runs once control is back in the event loop, after that whole repaint has finished,
so the time is that of a complete first frame. ``benchmarks.startup`` uses this probe for
the app and for its bare PySide6 window alike, so both are timed at the same point.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

PROBE_VARIABLE = "INSPECTOR_STARTUP_PROBE"


class StartupProbe(QObject):
    """Watches one window for its first paint; reports it to ``path`` once, then quits.

    Lives on the main thread as the window's child. Emits ``reported(painted_at)``, the
    ``time.time()`` written to the file, just before closing the window.
    """

    reported = Signal(float)

    def __init__(self, window: QWidget, path: Path) -> None:
        super().__init__(window)
        self._window = window
        self._path = path
        self._armed = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint and not self._armed:
            self._armed = True
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._report)
        return False  # the window paints as usual

    def _report(self) -> None:
        painted_at = time.time()
        partial = self._path.with_name(self._path.name + ".partial")
        partial.write_text(json.dumps({"painted_at": painted_at}), encoding="utf-8")
        partial.replace(self._path)
        self.reported.emit(painted_at)
        self._window.close()
        QCoreApplication.quit()


def install_startup_probe(window: QWidget) -> StartupProbe | None:
    """Watch ``window`` when :data:`PROBE_VARIABLE` names a file; otherwise do nothing."""
    target = os.environ.get(PROBE_VARIABLE)
    if not target:
        return None
    return StartupProbe(window, Path(target))
