"""Compute jobs run on a real pool thread and come back on the main thread."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from pytestqt.qtbot import QtBot

from inspector.ui.compute_jobs import ComputeJobs


def test_a_job_runs_off_the_main_thread_and_its_result_comes_back_on_it(qtbot: QtBot) -> None:
    main = threading.current_thread()
    with ThreadPoolExecutor(max_workers=1) as pool:
        jobs = ComputeJobs(pool)
        ran_on: list[threading.Thread] = []
        results: list[tuple[int, threading.Thread]] = []
        errors: list[tuple[str, threading.Thread]] = []

        def work() -> int:
            ran_on.append(threading.current_thread())
            return 42

        def fail() -> int:
            raise ValueError("broken photo")

        jobs.submit(work, lambda v: results.append((v, threading.current_thread())),
                    lambda e: errors.append((str(e), threading.current_thread())))
        jobs.submit(fail, lambda v: results.append((v, threading.current_thread())),
                    lambda e: errors.append((str(e), threading.current_thread())))
        qtbot.waitUntil(lambda: jobs.running == 0)

    assert ran_on and ran_on[0] is not main
    assert results == [(42, main)]
    assert errors == [("broken photo", main)]
