"""Connect with Allegro: the device flow in a dialog (code, link, QR code, countdown).

Allegro's calls run on worker threads; the dialog only shows what they report. It ends
with "Connected as LOGIN" or the exact reason, and emits `connected(token, login)`.
"""
from __future__ import annotations

import io

import segno
from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QPixmap
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.allegro.rest import oauth
from core.allegro.rest.device_flow import DeviceCode, DeviceFlow, DeviceFlowFailed
from ui.workers import Worker


def qr_pixmap(text: str, scale: int = 5) -> QPixmap:
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class ConnectDialog(QDialog):
    connected = Signal(object, str)  # Allegro's token answer, the account login

    def __init__(self, endpoints, client_id: str, client_secret: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connect_with_allegro")
        self.setWindowTitle(self.tr("Connect with Allegro"))
        self.endpoints = endpoints
        self.flow = DeviceFlow(endpoints, client_id, client_secret)
        self.code: DeviceCode | None = None
        self.login: str | None = None
        self._workers: list[Worker] = []

        self.step = QLabel(self.tr("Asking Allegro for a code…"))
        self.step.setWordWrap(True)
        self.user_code = QLabel()
        self.user_code.setObjectName("user_code")
        big = QFont(self.user_code.font())
        big.setPointSize(big.pointSize() * 2)
        big.setBold(True)
        self.user_code.setFont(big)
        self.user_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.link = QLabel()
        self.link.setObjectName("verification_link")
        self.link.setOpenExternalLinks(False)
        self.link.linkActivated.connect(lambda _url: self.open_browser())
        self.qr = QLabel()
        self.qr.setObjectName("qr_code")
        self.qr.setAccessibleName(self.tr("QR code of the approval address"))
        self.countdown = QLabel()
        self.countdown.setObjectName("countdown")
        self.result = QLabel()
        self.result.setObjectName("connect_result")
        self.result.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Open in browser"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_browser)
        self.close_button = QPushButton(self.tr("Cancel"))
        self.close_button.clicked.connect(self.reject)

        words = QVBoxLayout()
        for widget in (self.step, self.user_code, self.link, self.countdown, self.result):
            words.addWidget(widget)
        words.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(words, 1)
        body.addWidget(self.qr)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addLayout(buttons)

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)

    # --- the flow -------------------------------------------------------------------------------
    def begin(self) -> None:
        """Ask Allegro for a code on a worker thread (show() or exec() the dialog too)."""
        self._run(lambda report, cancelled: self.flow.start(), self._code_arrived)

    def _run(self, job, on_success) -> None:
        worker = Worker(job)
        worker.succeeded.connect(on_success)
        worker.failed.connect(self._failed)
        worker.finished.connect(lambda w=worker: self._workers.remove(w) if w in self._workers else None)
        self._workers.append(worker)
        worker.start()

    def _code_arrived(self, code: DeviceCode) -> None:
        self.code = code
        self.step.setText(self.tr("Open the address below (or scan the QR code), log in to Allegro and approve "
                                  "the application. Check that Allegro shows this code:"))
        self.user_code.setText(code.display_code)
        uri = code.verification_uri_complete
        self.link.setText(f'<a href="{uri}">{uri}</a>')
        self.qr.setPixmap(qr_pixmap(uri))
        self.open_button.setEnabled(True)
        self._tick()
        self.timer.start()
        self._run(self._wait_job, self._approved)

    def _wait_job(self, report, cancelled):
        token = self.flow.wait(self.code)
        login = str(oauth.me(self.endpoints, token["access_token"]).get("login") or "")
        return token, login

    def _approved(self, answer) -> None:
        token, login = answer
        self.timer.stop()
        self.login = login
        self.connected.emit(token, login)
        self._finish(self.tr("Connected as %1.").replace("%1", login), ok=True)

    def _failed(self, message: str, error: object) -> None:
        self.timer.stop()
        if isinstance(error, DeviceFlowFailed) and error.kind == "cancelled":
            return
        self._finish(message, ok=False)

    def _finish(self, text: str, ok: bool) -> None:
        self.result.setText(text)
        self.result.setProperty("ok", ok)
        self.countdown.clear()
        self.open_button.setEnabled(False)
        self.close_button.setText(self.tr("Close"))

    def _tick(self) -> None:
        if self.code is None:
            return
        left = self.code.seconds_left()
        self.countdown.setText(
            self.tr("The code is valid for %1 more.").replace("%1", f"{left // 60}:{left % 60:02d}")
        )

    def open_browser(self) -> bool:
        if self.code is None:
            return False
        return QDesktopServices.openUrl(QUrl(self.code.verification_uri_complete))

    # --- closing ------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop polling and wait for the workers (closing, tests)."""
        self.flow.cancel()
        self.timer.stop()
        for worker in list(self._workers):
            worker.wait(30_000)

    def done(self, result: int) -> None:
        self.flow.cancel()
        self.timer.stop()
        super().done(result)
