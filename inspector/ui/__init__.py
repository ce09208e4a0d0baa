"""The PySide6 desktop UI: the only package that imports Qt.

Widgets run on the main thread. Database work goes through :mod:`.db_worker` as ops
that run on the single DB thread and report back here with a result and a change set.
"""
