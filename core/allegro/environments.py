"""Where a channel's WebAPI lives: the local Sandbox, Allegro Production, or a custom address.

TLS certificates are always verified for any address that is not on this machine;
there is deliberately no switch to turn that off.
"""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from core.allegro.errors import AllegroError
from core.i18n import N_

PRODUCTION_URL = "https://webapi.allegro.pl/service.php"
# Allegro's REST API (FACTS §0): production, and Allegro's own sandbox at allegrosandbox.pl.
PRODUCTION_REST_URL = "https://api.allegro.pl"
ALLEGRO_SANDBOX_REST_URL = "https://api.allegro.pl.allegrosandbox.pl"


class EnvironmentKind(StrEnum):
    SANDBOX = "sandbox"  # the local emulator; the default for new channels
    PRODUCTION = "production"
    CUSTOM = "custom"


DEFAULT_KIND = EnvironmentKind.SANDBOX


class InvalidAddress(AllegroError, ValueError):
    """A service address the app refuses to use, in the seller's words."""

    default_code = "INVALID_ADDRESS"

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(self.default_code, message=message, params=params)


@dataclass(frozen=True, slots=True)
class Environment:
    kind: EnvironmentKind
    url: str
    verify_tls: bool = True

    def __post_init__(self) -> None:
        check_url(self.url)
        loopback = is_loopback(self.url)
        if not self.verify_tls and not loopback:
            raise InvalidAddress(
                N_("TLS verification cannot be turned off for an address outside this computer.")
            )
        if self.kind is EnvironmentKind.SANDBOX and not loopback:
            raise InvalidAddress(
                N_("The Sandbox runs on this computer; its address must be 127.0.0.1 or localhost.")
            )
        if self.kind is EnvironmentKind.PRODUCTION and self.url != PRODUCTION_URL:
            raise InvalidAddress(N_("Production is {url}."), url=PRODUCTION_URL)

    @property
    def label(self) -> str:
        return {"sandbox": "Sandbox", "production": "Production", "custom": "Custom"}[self.kind]


def production() -> Environment:
    return Environment(EnvironmentKind.PRODUCTION, PRODUCTION_URL)


def sandbox(url: str) -> Environment:
    """The local emulator at `url` (it picks its port when it starts)."""
    return Environment(EnvironmentKind.SANDBOX, url)


def custom(url: str) -> Environment:
    return Environment(EnvironmentKind.CUSTOM, url)


def for_url(url: str) -> Environment:
    """Recognise an address: Production, a loopback Sandbox, or custom."""
    if url == PRODUCTION_URL:
        return production()
    if is_loopback(url):
        return sandbox(url)
    return custom(url)


def check_url(url: str) -> None:
    """Refuse addresses that are not http(s), or plain http outside this computer."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidAddress(
            N_("{url} is not a web address (it must start with https://)."), url=repr(url)
        )
    if parts.scheme == "http" and not is_loopback(url):
        raise InvalidAddress(
            N_("Only addresses on this computer may use http://; Allegro needs https://.")
        )


def is_loopback(url: str) -> bool:
    host = urlsplit(url or "").hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False



def rest_base_of_service(service_url: str) -> str:
    """The local Sandbox's REST base from its WebAPI address: the same host and port,
    without the /service.php path (the sandbox prints both on start)."""
    parts = urlsplit(service_url)
    return f"{parts.scheme}://{parts.netloc}"


# --- the REST API (FACTS §1): where a REST channel's OAuth server and API live ----------

# A REST channel's `environment` is one of these names or an https:// address.
REST_SANDBOX = "sandbox"  # the built-in Sandbox on this computer
REST_PRODUCTION = "production"  # allegro.pl
REST_ALLEGRO_SANDBOX = "allegrosandbox"  # Allegro's own test site, allegrosandbox.pl
REST_NAMED = (REST_SANDBOX, REST_PRODUCTION, REST_ALLEGRO_SANDBOX)
# The built-in Sandbox's demo application; public values, like its demo account.
SANDBOX_CLIENT_ID = "SANDBOX-CLIENT-ID"
SANDBOX_CLIENT_SECRET = "SANDBOX-CLIENT-SECRET"


@dataclass(frozen=True, slots=True)
class RestEndpoints:
    """The OAuth server (device and token endpoints) and the API base of one environment."""

    environment: str
    auth_url: str
    api_url: str

    @property
    def device_url(self) -> str:
        return self.auth_url + "/auth/oauth/device"

    @property
    def token_url(self) -> str:
        return self.auth_url + "/auth/oauth/token"


def check_rest_environment(environment: str) -> str:
    """A REST environment name or address, trimmed; InvalidAddress for anything else."""
    value = (environment or "").strip()
    if value.lower() in REST_NAMED:
        return value.lower()
    if "://" not in value:
        raise InvalidAddress(
            N_("{value} is not an environment: use sandbox, production, allegrosandbox or an https:// address."),
            value=repr(value),
        )
    check_url(value)
    return value.rstrip("/")


def rest_endpoints(environment: str, paths=None) -> RestEndpoints:
    """Where the REST channel's `environment` lives; the built-in Sandbox is started if needed."""
    value = check_rest_environment(environment)
    if value == REST_PRODUCTION:
        return RestEndpoints(value, "https://allegro.pl", "https://api.allegro.pl")
    if value == REST_ALLEGRO_SANDBOX:
        return RestEndpoints(
            value, "https://allegro.pl.allegrosandbox.pl", "https://api.allegro.pl.allegrosandbox.pl"
        )
    if value == REST_SANDBOX:
        from core.allegro import local_sandbox

        # the Sandbox serves its REST face (OAuth and API) at the root of its WebAPI address
        parts = urlsplit(local_sandbox.ensure_running(paths))
        base = f"{parts.scheme}://{parts.netloc}"
        return RestEndpoints(value, base, base)
    # an address (a proxy or another emulator): OAuth and API under one base
    return RestEndpoints(value, value, value)
