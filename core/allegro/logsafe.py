"""Keeps the password, its hash, the WebAPI key and session handles out of every log.

zeep logs whole SOAP envelopes at DEBUG (zeep.transports), and those carry the
password hash, the key and the session. Our own transport never logs bodies, but any
zeep or urllib3 logger may still be turned up to DEBUG by someone debugging; a filter
on each of them rewrites the record before any handler sees it: secret elements of an
envelope are masked, and every secret value the adapter registered is replaced.
"""
from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict

MASK = "***"

_SECRET_ELEMENTS = (
    "sessionHandle",
    "sessionId",
    "sessionHandlePart",
    "userHashPassword",
    "userPassword",
    "webapiKey",
)
_ELEMENT_RE = re.compile(
    r"(<(?:[\w.-]+:)?(?:%s)\b[^>]*>)[^<]*(<)" % "|".join(_SECRET_ELEMENTS)
)

# Loggers that see envelopes, headers or URLs of the WebAPI traffic.
GUARDED_LOGGERS = (
    "core.allegro",
    "zeep",
    "zeep.transports",
    "zeep.client",
    "zeep.proxy",
    "zeep.cache",
    "zeep.wsdl.wsdl",
    "zeep.wsdl.bindings.soap",
    "zeep.wsdl.bindings.http",
    "zeep.xsd.types.any",
    "zeep.xsd.types.complex",
    "zeep.xsd.types.simple",
    "zeep.xsd.elements.attribute",
    "urllib3",
    "urllib3.connectionpool",
    "requests",
)

_secrets: OrderedDict[str, None] = OrderedDict()
_secrets_lock = threading.Lock()
_MAX_SECRETS = 256  # old session handles drop off; the newest are what could leak


def register_secret(value: str | None) -> None:
    """Mask `value` wherever it appears in a guarded log record from now on."""
    if not value or len(value) < 4:  # masking "1" everywhere would ruin the log
        return
    with _secrets_lock:
        _secrets[value] = None
        _secrets.move_to_end(value)
        while len(_secrets) > _MAX_SECRETS:
            _secrets.popitem(last=False)


def redact(text: str) -> str:
    text = _ELEMENT_RE.sub(lambda m: m.group(1) + MASK + m.group(2), text)
    with _secrets_lock:
        secrets = list(_secrets)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites a record's message in place, so every handler gets the masked text."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string is the logger's problem, not a leak
            return True
        cleaned = redact(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


_installed = False
_install_lock = threading.Lock()
_FILTER = RedactingFilter()


def install() -> None:
    """Put the filter on every guarded logger and on zeep's loggers (idempotent)."""
    global _installed
    with _install_lock:
        names = set(GUARDED_LOGGERS)
        names.update(
            name for name in logging.root.manager.loggerDict if name.startswith(("zeep", "urllib3", "requests"))
        )
        for name in names:
            logger = logging.getLogger(name)
            if _FILTER not in logger.filters:
                logger.addFilter(_FILTER)
        # zeep's envelope dumps are noise even when redacted; someone must ask for them.
        transports = logging.getLogger("zeep.transports")
        if transports.level == logging.NOTSET:
            transports.setLevel(logging.INFO)
        _installed = True
