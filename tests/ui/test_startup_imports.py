"""The app's first frame needs nothing but Qt: on the main thread, starting ``inspector``
imports the database layer, the services, the sync engine and the screens only after the
window has painted (the DB thread imports what opening the workspace needs on its own).
benchmarks.startup measures the time; this guards what makes it short."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("sqlalchemy", "alembic", "pydantic", "fpdf", "openpyxl", "PIL", "requests",
         "inspector.services.workspace", "inspector.sync.engine", "inspector.ui.screens.home",
         "inspector.ui.sync_controller", "inspector.ui.widgets.screen_guide")

PROGRAM = """
import json, sys
from concurrent.futures import Executor, Future
from datetime import date
from pathlib import Path
import inspector.cli.main
from inspector.core.text import Lang
from inspector.ui.app import application, build_context, start_window
class Held(Executor):  # the DB thread's work (it imports the database layer) waits
    def submit(self, fn, /, *args, **kwargs):
        return Future()
app = application()
ctx = build_context(app, Path(sys.argv[1]), Lang.ZH, db_executor=Held(), log_to_file=False)
window = start_window(ctx, today=date(2026, 11, 30))
def heavy():
    return sorted(m for m in sys.modules for h in sys.argv[2:] if m == h or m.startswith(h + "."))
before = heavy()
built = window.home is not None  # asking for a screen builds them all
after = heavy()
window.close()
print(json.dumps({"before": before, "after": after, "built": built}))
"""


def test_the_first_frame_imports_no_database_services_or_screens(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", PROGRAM, str(tmp_path / "ws"), *HEAVY],
                            capture_output=True, text=True, env=env, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["before"] == []
    # ...and they are all there once a screen is asked for (the window still works).
    assert seen["built"] and "sqlalchemy" in seen["after"]
    assert "inspector.ui.screens.home" in seen["after"]
