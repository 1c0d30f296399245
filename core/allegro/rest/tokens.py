"""A REST channel's OAuth tokens: kept only in the keyring, refreshed safely across processes.

A refresh token is single use (FACTS §1.3), so a refresh happens under a lock file in the
data folder, re-reads the keyring after taking the lock (another process may have
refreshed already), and stores the new pair in the keyring before anyone uses the new
access token. The window and a `main.py sync` from cron can therefore refresh at the
same moment without losing the login.
"""
from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from core import secrets, settings
from core.allegro.environments import (
    REST_SANDBOX,
    SANDBOX_CLIENT_ID,
    SANDBOX_CLIENT_SECRET,
    RestEndpoints,
    rest_endpoints,
)
from core.allegro.errors import AllegroError
from core.allegro.rest import oauth
from core.i18n import N_

log = logging.getLogger(__name__)

EARLY_SECONDS = 120  # refresh this long before Allegro's expiry, not after a failed call
LOCK_TIMEOUT = 90.0  # a refresh takes one HTTP call; longer means a stuck process


class NotConnected(AllegroError):
    default_code = "NOT_CONNECTED"
    en = N_("This channel is not connected to Allegro yet: use Connect with Allegro (or main.py channel reconnect).")


class ConnectionEnded(AllegroError):
    default_code = "CONNECTION_ENDED"
    en = N_(
        "Allegro ended this channel's connection (it expired or was withdrawn on allegro.pl): "
        "connect it again with Connect with Allegro (or main.py channel reconnect)."
    )


class NoApplication(AllegroError):
    default_code = "NO_APPLICATION"
    en = N_("Set the Allegro application's Client ID and Secret in Preferences first.")


# --- the application's identity (Preferences) --------------------------------------------


def _app_secret_account(environment: str) -> str:
    return f"allegro-application-{environment}"


def application(environment: str, paths) -> tuple[str, str]:
    """The Client ID and Secret for a REST environment; the built-in Sandbox's demo
    application unless Preferences say otherwise. NoApplication when none is set."""
    client_id = settings.allegro_client_id(paths, environment)
    secret = secrets.get_password(_app_secret_account(environment)) if client_id else None
    if client_id and secret:
        return client_id, secret
    if environment == REST_SANDBOX:
        return SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET
    raise NoApplication()


def store_application(environment: str, paths, client_id: str, client_secret: str) -> None:
    """Preferences: the Client ID in the settings file, the Secret in the keyring."""
    if client_id.strip() and client_secret.strip():
        secrets.set_password(_app_secret_account(environment), client_secret.strip())
    else:
        secrets.delete_password(_app_secret_account(environment))
    settings.store_allegro_client_id(paths, environment, client_id if client_secret.strip() else "")


# --- one channel's connection --------------------------------------------------------------


@dataclass(frozen=True)
class Connection:
    endpoints: RestEndpoints
    client_id: str
    client_secret: str
    account: str  # the keyring account of the token pair
    lock_file: Path


def token_account(channel) -> str:
    from core.channels import secret_account

    return secret_account(channel) + "-oauth"


def connection_for(channel, paths) -> Connection:
    client_id, client_secret = application(channel.environment, paths)
    account = token_account(channel)
    return Connection(
        rest_endpoints(channel.environment, paths),
        client_id,
        client_secret,
        account,
        Path(paths.data_dir) / f"{account}.lock",
    )


def store_tokens(account: str, token: dict) -> dict:
    """Keep Allegro's token answer in the keyring; returns what was stored."""
    stored = {
        "access_token": token["access_token"],
        "refresh_token": token["refresh_token"],
        "expires_at": time.time() + float(token.get("expires_in") or 0),
    }
    secrets.set_password(account, json.dumps(stored))
    return stored


def load_tokens(account: str) -> dict | None:
    raw = secrets.get_password(account)
    if not raw:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    return data if isinstance(data, dict) and data.get("refresh_token") else None


def forget_tokens(account: str) -> None:
    secrets.delete_password(account)


class TokenSource:
    """The access token of one REST channel, refreshed when it expires."""

    def __init__(self, channel_id: int, paths, connection: Connection | None = None) -> None:
        self.channel_id = channel_id
        self.paths = paths
        self._connection = connection

    @property
    def connection(self) -> Connection:
        if self._connection is None:
            from core.models import Channel

            self._connection = connection_for(Channel.get_by_id(self.channel_id), self.paths)
        return self._connection

    def _stored(self) -> dict:
        tokens = load_tokens(self.connection.account)
        if tokens is None:
            raise NotConnected()
        return tokens

    def access_token(self) -> str:
        """A live access token, refreshed first when it is about to expire."""
        tokens = self._stored()
        if tokens["expires_at"] - EARLY_SECONDS > time.time():
            return tokens["access_token"]
        return self._refresh(lambda fresh: fresh["expires_at"] - EARLY_SECONDS > time.time())

    def refreshed(self, rejected: str) -> str:
        """A new access token after Allegro rejected `rejected` (401 invalid_token); a token
        another process refreshed meanwhile is returned as it is."""
        return self._refresh(lambda fresh: fresh["access_token"] != rejected)

    def _refresh(self, still_good) -> str:
        connection = self.connection
        try:
            with FileLock(str(connection.lock_file), timeout=LOCK_TIMEOUT):
                tokens = self._stored()  # re-read: another process may have refreshed already
                if still_good(tokens):
                    return tokens["access_token"]
                try:
                    answer = oauth.token_request(
                        connection.endpoints,
                        connection.client_id,
                        connection.client_secret,
                        grant_type="refresh_token",
                        refresh_token=tokens["refresh_token"],
                    )
                except oauth.OAuthFailed as error:
                    if error.code in ("invalid_grant", "invalid_token"):
                        log.warning("Allegro refused channel %s's refresh token (%s)", self.channel_id, error.code)
                        raise ConnectionEnded(error.code) from None
                    raise
                # the new pair is in the keyring before the new access token is used
                fresh = store_tokens(connection.account, answer)
                log.info("Refreshed the Allegro login of channel %s", self.channel_id)
                return fresh["access_token"]
        except Timeout:
            raise AllegroError(
                "REFRESH_LOCKED",
                message=N_("Another copy of the app has been renewing this channel's Allegro login for too long; try again."),
            ) from None
