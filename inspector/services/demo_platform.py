"""The demo's own central platform: ``inspector-central`` on loopback, in a process of
its own, holding the demo county.

Contract: :func:`platform_installed` says whether this installation has the central
platform (a source install with the ``central`` extra; the desktop bundle has not).
:class:`DemoPlatform` owns one platform process serving ``folder`` (its SQLite
database and blob store): :meth:`~DemoPlatform.start` seeds an empty folder once
(``inspector-central demo-seed`` with the demo directory files and
:data:`DEMO_PASSWORD`), starts ``inspector-central serve`` on a free loopback port,
waits until it answers ``/health`` and returns its address; :meth:`~DemoPlatform.stop`
ends the process (also safe when it never started), and the platform ends by itself
once the app's process is gone (``serve --exit-with-parent``: a killed app leaves no
server behind). Failures raise
:class:`DemoPlatformError` with the platform's own output. The desktop never imports
the platform: it runs it, as a deployment would.
"""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import IO

import requests

from inspector.services.demo_workspace import write_demo_directory
from inspector.sync.protocol import API_PREFIX

DEMO_PASSWORD = "demo-2026"  # every demo account's; the demo platform listens on loopback only
START_TIMEOUT_S = 60.0
SEED_TIMEOUT_S = 300.0


class DemoPlatformError(RuntimeError):
    """The demo platform could not be seeded or started; the message says why."""


def platform_installed() -> bool:
    try:
        return all(importlib.util.find_spec(name) is not None
                   for name in ("inspector.central", "fastapi", "uvicorn"))
    except (ImportError, ValueError):
        return False


class DemoPlatform:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def database(self) -> Path:
        return self.folder / "central.sqlite"

    def _command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "inspector.central.cli", "--db",
                f"sqlite:///{self.database}", "--blobs", str(self.folder / "blobs"), *args]

    def seeded(self) -> bool:
        return (self.folder / "seeded").exists()

    def seed(self, today: date) -> None:
        """Create the demo's unit, accounts and directory on a new platform."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.database.unlink(missing_ok=True)  # a seed cut short leaves nothing half-made
        entities, inspectors = write_demo_directory(self.folder / "directory", today=today)
        result = subprocess.run(
            self._command("demo-seed", "--entities", str(entities), "--inspectors",
                          str(inspectors)),
            input=DEMO_PASSWORD + "\n", capture_output=True, text=True, check=False,
            timeout=SEED_TIMEOUT_S)
        if result.returncode != 0:
            raise DemoPlatformError("seeding the demo platform failed:\n"
                                    + (result.stderr or result.stdout)[-3000:])
        (self.folder / "seeded").write_text(result.stdout, encoding="utf-8")

    def start(self, today: date) -> str:
        """Seed if new, serve, and return the server address (``http://127.0.0.1:PORT``)."""
        if not self.seeded():
            self.seed(today)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = f"http://127.0.0.1:{port}"
        # Open for the process's lifetime; closed in stop().
        self._log = (self.folder / "platform.log").open("w+b")
        self.process = subprocess.Popen(self._command("serve", "--port", str(port),
                                                      "--exit-with-parent"),
                                        stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                if requests.get(server + API_PREFIX + "/health", timeout=2).status_code == 200:
                    return server
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                output = self._output()
                self.stop()
                raise DemoPlatformError("the demo platform did not start:\n" + output)
            time.sleep(0.1)  # polling a starting server

    def _output(self) -> str:
        if self._log is None:
            return ""
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")[-3000:]

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None
