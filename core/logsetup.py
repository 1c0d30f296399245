"""Logging to a rotating file in the log folder (and stderr for commands)."""
from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


def setup_logging(log_file: Path, level: int = logging.INFO, to_stderr: bool = False) -> None:
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_acm", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
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
