"""Talking to Allegro's OAuth server (FACTS §1): one Authlib client per call site.

Both endpoints take HTTP Basic client authentication and their parameters only in the
POST body; every call has a timeout. Tokens never reach a log or an exception text.
"""
from __future__ import annotations

import warnings

import authlib.deprecate  # noqa: F401 - installs its "always" filter before ours below
import httpx

with warnings.catch_warnings():
    # Authlib 1.9 prefers the httpx2 fork and warns when it runs on httpx, which this app uses
    warnings.simplefilter("ignore")
    from authlib.integrations.httpx_client import OAuth2Client, OAuthError

from core.allegro.environments import RestEndpoints
from core.allegro.errors import AllegroError, ConnectionFailed
from core.i18n import N_

TIMEOUT = httpx.Timeout(20.0, connect=10.0)
MEDIA = "application/vnd.allegro.public.v1+json"
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


class OAuthFailed(AllegroError):
    """Allegro's OAuth server refused; `code` is its error (access_denied, invalid_grant, ...)."""

    default_code = "OAUTH_FAILED"
    en = N_("Allegro refused to connect the application.")


def unreachable(url: str, error: httpx.HTTPError) -> ConnectionFailed:
    """No answer from `url`: the address and whether it timed out, the way every adapter says it."""
    return ConnectionFailed(url, timed_out=isinstance(error, httpx.TimeoutException), detail=type(error).__name__)


def client(endpoints: RestEndpoints, client_id: str, client_secret: str) -> OAuth2Client:
    return OAuth2Client(
        client_id,
        client_secret,
        token_endpoint_auth_method="client_secret_basic",
        timeout=TIMEOUT,
        trust_env=False,
    )


def _failure(error: OAuthError) -> OAuthFailed:
    return OAuthFailed(error.error or "", error.description or "")


def start_device(endpoints: RestEndpoints, client_id: str, client_secret: str) -> dict:
    """POST /auth/oauth/device: the user code, device code, addresses, interval, expiry."""
    with client(endpoints, client_id, client_secret) as http:
        try:
            answer = http.post(
                endpoints.device_url,
                data={"client_id": client_id},
                auth=httpx.BasicAuth(client_id, client_secret),
            )
        except httpx.HTTPError as error:
            raise unreachable(endpoints.device_url, error) from None
    try:
        body = answer.json()
    except ValueError:
        body = {}
    if answer.status_code != 200 or "device_code" not in body:
        raise OAuthFailed(str(body.get("error") or answer.status_code), str(body.get("error_description") or ""))
    return body


def token_request(endpoints: RestEndpoints, client_id: str, client_secret: str, **form) -> dict:
    """POST /auth/oauth/token with `form`; the token JSON, or OAuthFailed with Allegro's error."""
    with client(endpoints, client_id, client_secret) as http:
        try:
            if form.get("grant_type") == "refresh_token":
                return dict(http.refresh_token(endpoints.token_url, refresh_token=form["refresh_token"]))
            return dict(http.fetch_token(endpoints.token_url, **form))
        except OAuthError as error:
            raise _failure(error) from None
        except httpx.HTTPError as error:
            raise unreachable(endpoints.token_url, error) from None
        except ValueError:
            raise OAuthFailed("bad_answer", "The token endpoint did not answer with JSON") from None


def me(endpoints: RestEndpoints, access_token: str) -> dict:
    """GET /me: the account the token belongs to (id, login, ...); raises on 401 or failures."""
    try:
        answer = httpx.get(
            endpoints.api_url + "/me",
            headers={"Authorization": f"Bearer {access_token}", "Accept": MEDIA},
            timeout=TIMEOUT,
            trust_env=False,
        )
    except httpx.HTTPError as error:
        raise unreachable(endpoints.api_url + "/me", error) from None
    if answer.status_code == 401:
        raise OAuthFailed("invalid_token", answer.json().get("error_description", "") if answer.content else "")
    if answer.status_code != 200:
        raise AllegroError(str(answer.status_code), answer.text[:200])
    return answer.json()
