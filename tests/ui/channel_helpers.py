"""Fixtures and helpers for the Channel Integration tests (real widgets, real sandbox)."""
from __future__ import annotations

import socket
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from core.paths import app_paths
from tests.helpers import type_text
from ui.channels.integration_window import ChannelIntegrationWindow
from ui.channels.message import Message

PASSWORD = "sandbox-pass-1"
KEY = "SANDBOX-WEBAPI-KEY"


@dataclass
class Shown:
    title: str
    text: str
    details: str
    buttons: dict[str, str]


@dataclass
class MessageLog:
    """Every message box the screens asked to show, answered from `answers` (else "ok")."""

    shown: list[Shown] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [m.text for m in self.shown]


@pytest.fixture
def messages(monkeypatch) -> MessageLog:
    log = MessageLog()

    def ask(cls, box):
        log.shown.append(Shown(box.windowTitle(), box.text(), box.informativeText(), box.button_labels()))
        return log.answers.pop(0) if log.answers else next(iter(box.button_labels()))

    monkeypatch.setattr(Message, "ask", classmethod(ask))
    return log


@pytest.fixture
def paths(data_dir):
    return app_paths(data_dir)


@pytest.fixture
def window(qtbot, db, paths):
    win = ChannelIntegrationWindow(paths)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    for form in (win.integration_page.form, win.config_page.account):
        form.cancel_test()
        for worker in list(form.abandoned_workers):
            worker.wait()


@pytest.fixture
def world(sandbox_control):
    """The shared sandbox with an empty shop: version key 1505, no captcha, no faults."""
    sandbox_control.reset(demo=False)
    return sandbox_control


def closed_port_url() -> str:
    """A loopback address where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/service.php"


def fill(widget: QLineEdit, text: str) -> None:
    """Replace a line edit's text by typing, as a seller would (Polish letters included)."""
    widget.clear()
    type_text(widget, text)


def fill_account(form, *, sub_source="Sklep Źdźbło", username="sandbox-seller", password=PASSWORD, key=KEY,
                 version="1505", url: str | None = None) -> None:
    fill(form.sub_source, sub_source)
    fill(form.username, username)
    fill(form.password, password)
    fill(form.api_key, key)
    fill(form.api_key_version, version)
    if url is not None:
        form.environment.setCurrentIndex(form.environment.findData("custom"))
        fill(form.address, url)


def run_test(qtbot, form, messages: MessageLog, timeout: int = 15_000) -> Shown:
    """Click Test and wait for its message box."""
    before = len(messages.shown)
    with qtbot.waitSignal(form.test_finished, timeout=timeout):
        qtbot.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
    assert len(messages.shown) == before + 1, messages.texts
    return messages.shown[-1]


def click_box(qtbot, box) -> None:
    """Click a check box on its indicator (the widget may span a whole form row)."""
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
