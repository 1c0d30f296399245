"""A token source for the REST adapter in tests: the sandbox's device flow, approved through
its control interface (the connect half's TokenSource does the same against the keyring)."""
from __future__ import annotations

import httpx

from sandbox.control import SandboxControl

CLIENT = ("SANDBOX-CLIENT-ID", "SANDBOX-CLIENT-SECRET")
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


class SandboxTokens:
    """access_token() and refreshed(rejected), as core/allegro/rest/tokens.py offers them."""

    def __init__(self, rest_url: str, control: SandboxControl) -> None:
        self.rest_url = rest_url.rstrip("/")
        self.control = control
        self.refreshes = 0
        self._access, self._refresh = self._sign_in()

    def _post(self, path: str, data: dict) -> dict:
        answer = httpx.post(self.rest_url + path, data=data, auth=CLIENT, timeout=10, trust_env=False)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def _sign_in(self) -> tuple[str, str]:
        code = self._post("/auth/oauth/device", {"client_id": CLIENT[0]})
        self.control.approve_device(code["user_code"])
        token = self._post("/auth/oauth/token", {"grant_type": DEVICE_GRANT, "device_code": code["device_code"]})
        return token["access_token"], token["refresh_token"]

    def access_token(self) -> str:
        return self._access

    def refreshed(self, rejected: str) -> str:
        if rejected == self._access:
            token = self._post("/auth/oauth/token", {"grant_type": "refresh_token", "refresh_token": self._refresh})
            self._access, self._refresh = token["access_token"], token["refresh_token"]
            self.refreshes += 1
        return self._access


def device_token(rest_url: str, control: SandboxControl) -> dict:
    """Allegro's whole token answer of a device flow approved through the sandbox's control."""
    def post(path: str, data: dict) -> dict:
        answer = httpx.post(rest_url.rstrip("/") + path, data=data, auth=CLIENT, timeout=10, trust_env=False)
        assert answer.status_code == 200, answer.text
        return answer.json()

    code = post("/auth/oauth/device", {"client_id": CLIENT[0]})
    control.approve_device(code["user_code"])
    return post("/auth/oauth/token", {"grant_type": DEVICE_GRANT, "device_code": code["device_code"]})
