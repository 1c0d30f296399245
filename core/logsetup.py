"""Logging to a rotating file in the log folder (and stderr for commands)."""
from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from core.i18n import _

FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


def setup_logging(log_file: Path, level: int = logging.INFO, to_stderr: bool = False) -> None:
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_acm", False):
            root.removeHandler(handler)
            handler.close()
    try:
        file_handler = logging.handlers.RotatingFileHandler(
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
