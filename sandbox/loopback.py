"""Which addresses count as this machine only."""

from __future__ import annotations

import ipaddress


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def refuse_remote(host: str, allow_remote: bool) -> None:
    """ValueError unless ``host`` is loopback or remote binding was asked for."""
    if not allow_remote and not is_loopback(host):
        raise ValueError(
            f"The sandbox only listens on a loopback address, not {host!r}; "
            "pass allow_remote=True (--allow-remote) to expose it.")
