"""The limit of ``benchmarks.startup``: a bare PySide6 window, started and painted once.

Run as ``python -m benchmarks.bare_window`` with ``INSPECTOR_STARTUP_PROBE`` naming a
file. It imports PySide6, creates a QApplication and a QMainWindow holding one label,
shows it and, through the app's own :mod:`inspector.ui.startup_probe` (so both are timed
at the same point: the first frame complete), writes ``{"painted_at": ...}`` there and
quits. Nothing else: no context, no database, no translations, no fonts chosen.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from inspector.ui.startup_probe import install_startup_probe


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Inspector")
    window.setCentralWidget(QLabel("Inspector"))
    window.resize(1440, 900)  # the size the main window asks for
    if install_startup_probe(window) is None:
        print("bare_window: set INSPECTOR_STARTUP_PROBE to a file", file=sys.stderr)
        return 2
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
