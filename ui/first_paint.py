"""Start-up timing for benchmarks: with ACM_EXIT_AFTER_FIRST_PAINT set, the app prints the
moment the main window first painted (`first-paint <unix time>`) and quits."""
from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer

ENV = "ACM_EXIT_AFTER_FIRST_PAINT"


class _FirstPaint(QObject):
    def __init__(self, app, window) -> None:
        super().__init__(window)
        self.app, self.window, self.done = app, window, False

    def eventFilter(self, watched, event) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint and watched.window() is self.window:
            self.done = True
            # the paint handler runs after this filter; print once it has drawn
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"first-paint {time.time():.6f}", flush=True)
        self.app.quit()


def watch(app, window) -> None:
    """Quit after the first paint when the benchmark asked for it; otherwise nothing."""
    if not os.environ.get(ENV):
        return
    probe = _FirstPaint(app, window)
    app.installEventFilter(probe)
    QTimer.singleShot(30_000, lambda: (print("no paint in 30 s", file=sys.stderr), app.exit(3)))
