"""Running long jobs off the GUI thread.

A job is a plain function `job(report, cancelled, *args)`: it calls `report(step, done,
total)` now and then and checks `cancelled()` between batches. `Worker` runs it on its
own QThread and turns that into signals, always delivered on the GUI thread, so a
lambda connected to them may touch widgets. Every exception is caught and emitted as
`failed` (PySide6 swallows exceptions raised in slots), with the seller-readable
message when the error has one.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

Report = Callable[[str, int, int], None]
Cancelled = Callable[[], bool]

# Started workers are kept here until their thread ends: a QThread collected while it
# still runs aborts the whole process.
_running: set[Worker] = set()


class JobCancelled(Exception):
    """A job may raise this when it notices it was cancelled."""


def error_message(error: BaseException) -> str:
    """The sentence to show the seller for an error."""
    text = getattr(error, "message", None)
    if isinstance(text, str) and text:
        return text
    return str(error) or type(error).__name__


class _Runner(QObject):
    """Lives on the worker thread and runs the job there."""

    progress = Signal(str, int, int)
    done = Signal(bool, object, str)  # ok, result or exception, message

    def __init__(self, job, args, kwargs, cancel: threading.Event) -> None:
        super().__init__()
        self._job, self._args, self._kwargs, self._cancel = job, args, kwargs, cancel

    @Slot()
    def run(self) -> None:
        try:
            result = self._job(self._report, self._cancel.is_set, *self._args, **self._kwargs)
        except BaseException as error:  # noqa: BLE001 - the GUI must hear of every failure
            if isinstance(error, JobCancelled):
                pass
            elif isinstance(getattr(error, "message", None), str):
                # a domain error told in the seller's words: expected, no traceback
                log.info("Background job stopped: %s", error_message(error))
            else:
                log.exception("Background job failed")
            self.done.emit(False, error, error_message(error))
        else:
            self.done.emit(True, result, "")
        finally:
            # End the thread from inside: a GUI thread blocked in Worker.wait() could
            # never run the queued slot that would otherwise stop it.
            QThread.currentThread().quit()

    def _report(self, step: str, done: int = 0, total: int = 0) -> None:
        self.progress.emit(step, done, total)


class Worker(QObject):
    progress_changed = Signal(str, int, int)  # step, done, total
    succeeded = Signal(object)  # the job's return value
    failed = Signal(str, object)  # message for the seller, the exception
    finished = Signal()  # always, after succeeded or failed

    def __init__(self, job: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self._cancel = threading.Event()
        self._runner = _Runner(job, args, kwargs, self._cancel)
        self._thread: QThread | None = None
        self.running = False

    def start(self) -> Worker:
        """Run the job on a new QThread. Connect the signals before calling this."""
        thread = QThread()
        self._thread = thread
        self._runner.moveToThread(thread)
        thread.started.connect(self._runner.run)
        self._runner.progress.connect(self._on_progress)
        self._runner.done.connect(self._on_done)
        _running.add(self)
        self.running = True
        thread.start()
        return self

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until the job's thread has ended (for shutdown and tests)."""
        return self._thread.wait(msecs) if self._thread is not None else True

    @Slot(str, int, int)
    def _on_progress(self, step: str, done: int, total: int) -> None:
        self.progress_changed.emit(step, done, total)

    @Slot(bool, object, str)
    def _on_done(self, ok: bool, payload: object, message: str) -> None:
        self._thread.wait()
        self.running = False
        _running.discard(self)
        if ok:
            self.succeeded.emit(payload)
        else:
            self.failed.emit(message, payload)
        self.finished.emit()
