"""Questions that keep a channel's set-up honest before it is saved.

A channel whose last Test failed, or that was never tested, is saved disabled unless the
seller says otherwise, so an "all channels" sync does not fail for it at every run. A
second channel on the same Allegro account and environment is refused unless the seller
insists: its listings would be counted, linked and kept in step twice.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from core import channels
from core.channels import ChannelConfig
from ui.channels.message import Message, Role


def checked_before_save(parent: QWidget, config: ChannelConfig, test_state: str) -> ChannelConfig | None:
    """The config to save after asking what needs asking, or None when the seller stops.

    `test_state` is IntegrationForm.test_state(): "ok", "failed" or "untested".
    """
    others = channels.same_account(config)
    if others:
        box = Message(
            parent,
            QCoreApplication.translate("HonestSave", "Same Allegro account"),
            channels.same_account_sentence(config, others),
            icon=QMessageBox.Icon.Warning,
            details=QCoreApplication.translate("HonestSave", "Not saved. Change the username or the environment, or add it anyway if you really mean to."),
            buttons=(
                ("cancel", QCoreApplication.translate("HonestSave", "Do not add it"), Role.RejectRole),
                ("insist", QCoreApplication.translate("HonestSave", "Add it anyway"), Role.DestructiveRole),
            ),
            default="cancel",
        )
        if Message.ask(box) != "insist":
            return None
    if test_state == "ok" or not config.enabled:
        return config
    if test_state == "failed":
        text = QCoreApplication.translate("HonestSave", "The last Test of this channel failed.")
    else:
        text = QCoreApplication.translate("HonestSave", "This channel has not been tested with these account details.")
    box = Message(
        parent,
        QCoreApplication.translate("HonestSave", "Save without a passing Test?"),
        text,
        icon=QMessageBox.Icon.Warning,
        details=QCoreApplication.translate("HonestSave", 
            "Saved disabled, it is left out of every sync until you Test it and tick Enabled. "
            "Saved enabled, every sync of all channels tries it, and fails for it while the Test fails."
        ),
        buttons=(
            ("disabled", QCoreApplication.translate("HonestSave", "Save it disabled"), Role.AcceptRole),
            ("enabled", QCoreApplication.translate("HonestSave", "Save it enabled anyway"), Role.ActionRole),
            ("cancel", QCoreApplication.translate("HonestSave", "Cancel"), Role.RejectRole),
        ),
        default="disabled",
    )
    answer = Message.ask(box)
    if answer == "disabled":
        return replace(config, enabled=False)
    if answer == "enabled":
        return config
    return None
