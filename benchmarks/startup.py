"""Benchmark: cold start to the first painted main window, against a bare PySide6 window.

Run as ``python -m benchmarks.startup [--runs N] [--bundle DIR]``. Three programs are
started, each as a new process, and each reports through
:mod:`inspector.ui.startup_probe` (``INSPECTOR_STARTUP_PROBE``) the ``time.time()`` at
which its first frame was complete, then quits:

- ``bare_ms``, the limit: :mod:`benchmarks.bare_window`, PySide6 alone, a QApplication
  and a QMainWindow of the main window's size holding one label;
- ``source_ms``: the source install, ``python -m inspector --data-dir WS`` (the plain
  app, not the demo) on a workspace made by an untimed first start (which ran the
  migrations), so every timed start is an ordinary one;
- ``frozen_ms``: the one-folder PyInstaller bundle of ``build_installer.py``,
  ``DIR/inspector/inspector --data-dir WS`` with ``LANG=C.UTF-8``. ``--bundle DIR`` names
  the folder that build wrote (holding ``inspector/`` and the archive); without it the
  bundle is built into a temporary folder with ``build_installer.py --allow-dirty --out``.
  If that cannot be done the frozen figures are null and the reason is printed.

Each start is timed from just before ``Popen`` to the probe's time: interpreter start,
imports, the window built, shown and painted once. A warm-up round runs first and is not
counted, then ``--runs`` (7) rounds, each starting bare, source and frozen one after the
other so that whatever else the machine does weighs on all three alike; the figures are
medians in milliseconds. "Cold" means a new process every time, with the operating
system's disk cache warm: dropping the page cache needs root and slows the whole machine,
and a user's second start of the day is this one. The children run with Python's bytecode
cache on, in a private folder (``PYTHONPYCACHEPREFIX``, ``PYTHONDONTWRITEBYTECODE``
removed), filled by the untimed runs, as an installed app has its ``.pyc`` files.
``QT_QPA_PLATFORM`` is kept if set, else ``offscreen`` where there is no display; the
JSON line names the platform used.

Also printed: ``bundle_mb``, the bundle folder's size uncompressed (the sum of its files'
sizes, MB = 10^6 bytes), and ``archive_mb``, its ``.tar.gz``. The goals: both ratios to
the bare window at most 1.5, the bundle under 160 MB. The last line printed is one JSON
object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from inspector.ui.startup_probe import PROBE_VARIABLE

ROOT = Path(__file__).resolve().parent.parent
BUILDER = ROOT / "build_installer.py"
RUN_TIMEOUT_S = 60
BUILD_TIMEOUT_S = 1800
MB = 1e6  # decimal megabytes, as the goal and file managers count them
GOALS = {"source_vs_bare": 1.5, "frozen_vs_bare": 1.5, "bundle_mb": 160}


@dataclass(frozen=True)
class Program:
    """One way of starting a window: its command line and its extra environment."""

    name: str
    command: list[str]
    env: dict[str, str]


@dataclass(frozen=True)
class Bundle:
    """A built one-folder bundle: its executable, folder size and archive size."""

    executable: Path
    folder_mb: float
    archive_mb: float | None


def qt_platform() -> tuple[str, dict[str, str]]:
    """The platform plugin the children use, and the variables that choose it."""
    chosen = os.environ.get("QT_QPA_PLATFORM")
    if chosen:
        return chosen, {}
    if os.environ.get("WAYLAND_DISPLAY"):
        return "wayland", {}
    if os.environ.get("DISPLAY"):
        return "xcb", {}
    return "offscreen", {"QT_QPA_PLATFORM": "offscreen"}


def child_environment(extra: dict[str, str], pycache: Path) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items()
           if name not in ("PYTHONDONTWRITEBYTECODE", PROBE_VARIABLE)}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env.update(extra)
    return env


def start_once(program: Program, probe: Path) -> float:
    """Seconds from just before ``Popen`` to the first painted frame of ``program``."""
    probe.unlink(missing_ok=True)
    env = {**program.env, PROBE_VARIABLE: str(probe)}
    started = time.time()
    process = subprocess.Popen(program.command, env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               errors="replace")
    try:
        _out, err = process.communicate(timeout=RUN_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        _out, err = process.communicate()
        raise RuntimeError(
            f"{program.name} did not quit within {RUN_TIMEOUT_S} s:\n{err}") from None
    if process.returncode != 0:
        raise RuntimeError(f"{program.name} exited with {process.returncode}:\n{err}")
    if not probe.exists():
        raise RuntimeError(f"{program.name} quit without reporting a painted window:\n{err}")
    painted_at = float(json.loads(probe.read_text(encoding="utf-8"))["painted_at"])
    return painted_at - started


def folder_bytes(folder: Path) -> int:
    """The sum of the sizes of the files under ``folder`` (links counted as links)."""
    total = 0
    for parent, _dirs, files in os.walk(folder):
        total += sum((Path(parent) / name).lstat().st_size for name in files)
    return total


def find_bundle(out: Path) -> Bundle:
    """The bundle ``build_installer.py --out OUT`` wrote (OUT, or OUT/inspector, given)."""
    folder = out / "inspector" if (out / "inspector").is_dir() else out
    name = "inspector.exe" if sys.platform == "win32" else "inspector"
    executable = folder / name
    if not executable.is_file():
        raise FileNotFoundError(f"no bundle executable at {executable}")
    archives = sorted(folder.parent.glob("inspector-*.tar.gz"))
    return Bundle(executable=executable, folder_mb=folder_bytes(folder) / MB,
                  archive_mb=archives[-1].stat().st_size / MB if archives else None)


def build_bundle(out: Path) -> Bundle:
    """Build the bundle into ``out`` with ``build_installer.py``; raise with its output."""
    if not BUILDER.exists():
        raise FileNotFoundError(f"{BUILDER.name} does not exist yet")
    command = [sys.executable, str(BUILDER), "--allow-dirty", "--out", str(out)]
    print(f"building the bundle: {' '.join(command)}", flush=True)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, errors="replace",
                          timeout=BUILD_TIMEOUT_S, check=False)
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-20:])
        raise RuntimeError(f"{BUILDER.name} exited with {done.returncode}:\n{tail}")
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return find_bundle(out)


def bundle_or_reason(given: Path | None, scratch: Path) -> Bundle | str:
    try:
        return find_bundle(given) if given is not None else build_bundle(scratch / "dist")
    except (OSError, RuntimeError, subprocess.TimeoutExpired) as exc:
        return f"{type(exc).__name__}: {exc}"


def programs(workspace: Path, bundle: Bundle | None, extra: dict[str, str],
             pycache: Path) -> list[Program]:
    env = child_environment(extra, pycache)
    started = [
        Program("bare", [sys.executable, "-m", "benchmarks.bare_window"], env),
        Program("source", [sys.executable, "-m", "inspector", "--data-dir", str(workspace)],
                env),
    ]
    if bundle is not None:
        started.append(Program("frozen", [str(bundle.executable), "--data-dir", str(workspace)],
                               {**env, "LANG": "C.UTF-8"}))
    return started


def median_ms(times: list[float]) -> float:
    return round(statistics.median(times) * 1000, 1)


def ratio(numerator: float | None, denominator: float) -> float | None:
    return None if numerator is None else round(numerator / denominator, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="timed rounds (default 7)")
    parser.add_argument("--bundle", type=Path, metavar="DIR",
                        help="the folder build_installer.py --out wrote (default: build one)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    platform, extra = qt_platform()
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as temporary:
        scratch = Path(temporary)
        found = bundle_or_reason(args.bundle, scratch)
        bundle = found if isinstance(found, Bundle) else None
        if bundle is None:
            print(f"no frozen bundle, its figures are null: {found}", flush=True)
        else:
            archive = "no archive" if bundle.archive_mb is None else (
                f"archive {bundle.archive_mb:.1f} MB")
            print(f"bundle {bundle.executable.parent}: {bundle.folder_mb:.1f} MB "
                  f"uncompressed, {archive}", flush=True)
        workspace, probe = scratch / "workspace", scratch / "painted.json"
        started = programs(workspace, bundle, extra, scratch / "pycache")
        print(f"platform {platform}; first start of the app makes the workspace (untimed)",
              flush=True)
        start_once(started[1], probe)
        print("warm-up round (untimed)", flush=True)
        for program in started:
            start_once(program, probe)
        times: dict[str, list[float]] = {program.name: [] for program in started}
        for round_number in range(1, args.runs + 1):
            for program in started:
                times[program.name].append(start_once(program, probe))
            print(f"round {round_number}/{args.runs}: " + ", ".join(
                f"{name} {seconds[-1] * 1000:.0f} ms" for name, seconds in times.items()),
                flush=True)
    bare = median_ms(times["bare"])
    source = median_ms(times["source"])
    frozen = median_ms(times["frozen"]) if "frozen" in times else None
    load = ", ".join(f"{figure:.2f}" for figure in os.getloadavg()) if hasattr(
        os, "getloadavg") else "n/a"
    print(f"bare PySide6 window: median {bare:.0f} ms; source: {source:.0f} ms "
          f"({source / bare:.2f}x); frozen: "
          + ("n/a" if frozen is None else f"{frozen:.0f} ms ({frozen / bare:.2f}x)")
          + f"; load average {load}")
    print(json.dumps({
        "bench": "startup", "platform": platform, "runs": args.runs,
        "bare_ms": bare, "source_ms": source, "frozen_ms": frozen,
        "bundle_mb": None if bundle is None else round(bundle.folder_mb, 1),
        "archive_mb": None if bundle is None or bundle.archive_mb is None
        else round(bundle.archive_mb, 1),
        "frozen_skipped": None if bundle is not None else found,
        "ratios": {"source_vs_bare": ratio(source, bare), "frozen_vs_bare": ratio(frozen, bare)},
        "goals": GOALS,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
