"""Logging to a rotating file in the log folder (and stderr for commands)."""
from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from core.i18n import _
from core.paths import PRIVATE_FILE, take_notes

FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files only this user may read (they name buyers and orders)."""

    def _open(self):
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)


def setup_logging(log_file: Path, level: int = logging.INFO, to_stderr: bool = False) -> None:
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_acm", False):
            root.removeHandler(handler)
            handler.close()
    try:
        file_handler = PrivateRotatingFileHandler(
            log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as error:
        # A read-only or full data folder must not stop the app before it can say so
        # (the database's own check names the folder); warnings go to stderr instead.
        to_stderr = True
        unwritable = _("The log file {path} cannot be written ({why}); nothing is logged to it.").format(
            path=log_file, why=error.strerror or error
        )
    else:
        unwritable = ""
        file_handler.setFormatter(logging.Formatter(FORMAT))
        file_handler._acm = True
        root.addHandler(file_handler)
    if to_stderr:
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING)
        stream.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        stream._acm = True
        root.addHandler(stream)
    # zeep logs whole envelopes (with the password hash and session) at DEBUG
    for name in ("zeep", "zeep.transports", "zeep.wsdl", "zeep.xsd", "urllib3"):
        logging.getLogger(name).setLevel(logging.WARNING)
    if unwritable:
        logging.getLogger(__name__).warning(unwritable)
    for note in take_notes():
        logging.getLogger("core.paths").info(note)
