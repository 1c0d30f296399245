"""The channel passwords in the operating system's keyring — the only module touching keyring.

Every password lives under one service name. When no keyring backend is available the
app says so and stores nothing: there is deliberately no plaintext fallback.
"""
from __future__ import annotations

import logging

import keyring
import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
from keyring.errors import KeyringLocked, PasswordDeleteError

from core.i18n import N_, _

log = logging.getLogger(__name__)

SERVICE = "Allegro Channel Manager"

NO_KEYRING = N_(
    "No password keyring is available on this computer, so the channel was not saved. "
    "Install or unlock a keyring (GNOME Keyring, KWallet, Windows Credential Manager "
    "or the macOS Keychain) and try again."
)
LOCKED = N_("The password keyring is locked. Unlock it and try again; nothing was saved.")


class KeyringUnavailable(Exception):
    """The keyring cannot store or give back a password; `message` is for the seller."""

    def __init__(self, message: str = NO_KEYRING) -> None:
        self.message = _(message)
        super().__init__(message)


def _backend():
    backend = keyring.get_keyring()
    # fail.Keyring raises on use, null.Keyring silently forgets: both mean "no keyring".
    if isinstance(backend, keyring.backends.fail.Keyring | keyring.backends.null.Keyring):
        raise KeyringUnavailable()
    if isinstance(backend, keyring.backends.chainer.ChainerBackend) and not backend.backends:
        raise KeyringUnavailable()
    return backend


def _explain(error: Exception) -> KeyringUnavailable:
    if isinstance(error, KeyringLocked):
        return KeyringUnavailable(LOCKED)
    # The backend's own text may be technical; log it, tell the seller the plain version.
    log.warning("Keyring failure: %s", type(error).__name__)
    return KeyringUnavailable()


def check_available() -> None:
    """Raise KeyringUnavailable when there is no usable keyring backend."""
    _backend()


def set_password(account: str, password: str) -> None:
    """Store a password and make sure the keyring really kept it."""
    backend = _backend()
    try:
        backend.set_password(SERVICE, account, password)
        kept = backend.get_password(SERVICE, account)
    except Exception as error:  # KeyringError, but D-Bus and OS errors come as other types too
        raise _explain(error) from None
    if kept != password:
        raise KeyringUnavailable(
            N_("The password keyring did not keep the password, so the channel was not saved.")
        )


def get_password(account: str) -> str | None:
    """The stored password, or None when the keyring has none for this account."""
    backend = _backend()
    try:
        return backend.get_password(SERVICE, account)
    except Exception as error:
        raise _explain(error) from None


def delete_password(account: str) -> None:
    """Remove a password; a password that is already gone is fine."""
    backend = _backend()
    try:
        backend.delete_password(SERVICE, account)
    except PasswordDeleteError:
        pass
    except Exception as error:
        raise _explain(error) from None
