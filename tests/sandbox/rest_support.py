"""A plain HTTP client of the sandbox's REST face whose every answer is checked against
Allegro's own OpenAPI spec (resources/allegro-rest-openapi.yaml) by openapi-core."""

from __future__ import annotations

import base64
import json
import uuid
from pathlib import Path

import httpx
import yaml
from openapi_core import Config, OpenAPI
from openapi_core.testing import MockRequest, MockResponse
from openapi_schema_validator import OAS30Validator

from sandbox.control import SandboxControl

SPEC_PATH = Path(__file__).resolve().parents[2] / "resources" / "allegro-rest-openapi.yaml"
MEDIA = "application/vnd.allegro.public.v1+json"
API_HOST = "https://api.allegro.pl"
CLIENT_ID, CLIENT_SECRET = "SANDBOX-CLIENT-ID", "SANDBOX-CLIENT-SECRET"
BASIC = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


class Spec:
    """The shipped spec, parsed once: openapi-core for responses the spec lists, the spec's
    own ErrorsHolder / AuthError schemas for error statuses an operation does not list."""

    def __init__(self, path: Path = SPEC_PATH):
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        self.raw = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        self.api = OpenAPI.from_dict(
            self.raw, config=Config(extra_media_type_deserializers={MEDIA: json.loads})
        )
        schemas = self.raw["components"]["schemas"]
        self._component = {
            name: OAS30Validator({**schemas[name], "components": self.raw["components"]})
            for name in ("ErrorsHolder", "AuthError")
        }
        self.checked = 0

    def _listed(self, template: str, method: str, status: int):
        operation = self.raw["paths"][template][method.lower()]
        responses = operation["responses"]
        return responses.get(str(status)) or responses.get("default")

    def validate(self, template: str, response: httpx.Response) -> None:
        request = response.request
        method = request.method.lower()
        listed = self._listed(template, method, response.status_code)
        body = response.content
        if listed is not None and (listed.get("content") or not body):
            path = request.url.path
            args = dict(request.url.params.multi_items())
            mock_request = MockRequest(API_HOST, method, path, args=args)
            kind = response.headers.get("content-type", "").split(";")[0]
            mock_response = MockResponse(
                body, status_code=response.status_code, content_type=kind or MEDIA
            )
            self.api.validate_response(mock_request, mock_response)
        else:
            data = response.json()
            name = "AuthError" if "error" in data else "ErrorsHolder"
            self._component[name].validate(data)
            if name == "ErrorsHolder":
                assert data["errors"] and all(
                    {"code", "message", "details", "path", "userMessage"} <= set(e)
                    for e in data["errors"]
                ), data
        self.checked += 1


class RestClient:
    """httpx against the sandbox; ``call`` checks each answer against the spec."""

    def __init__(self, base_url: str, spec: Spec):
        self.base_url = base_url
        self.http = httpx.Client(base_url=base_url, timeout=15, trust_env=False)
        self.spec = spec
        self.token: str | None = None
        self.refresh_token: str | None = None

    def close(self) -> None:
        self.http.close()

    # -- OAuth -----------------------------------------------------------------------------
    def device(self, **extra) -> httpx.Response:
        return self.http.post(
            "/auth/oauth/device",
            data={"client_id": CLIENT_ID, **extra},
            headers={"Authorization": BASIC},
        )

    def token_call(self, data: dict, headers: dict | None = None, **kw) -> httpx.Response:
        return self.http.post(
            "/auth/oauth/token",
            data=data,
            headers={"Authorization": BASIC, **(headers or {})},
            **kw,
        )

    def poll(self, device_code: str) -> httpx.Response:
        return self.token_call({"grant_type": DEVICE_GRANT, "device_code": device_code})

    def sign_in(self, control: SandboxControl) -> str:
        """A user token through the device flow, approved by the control call."""
        code = self.device().json()
        control.approve_device(code["user_code"])
        answer = self.poll(code["device_code"])
        assert answer.status_code == 200, answer.text
        self.token = answer.json()["access_token"]
        self.refresh_token = answer.json()["refresh_token"]
        return self.token

    # -- the API --------------------------------------------------------------------------------
    def call(
        self,
        method: str,
        template: str,
        path: str | None = None,
        *,
        body=None,
        params=None,
        headers: dict | None = None,
        token: str | None = None,
        raw: bytes | None = None,
    ) -> httpx.Response:
        """``template`` is the spec's path (e.g. /sale/product-offers/{offerId})."""
        sent = {"Accept": MEDIA, "Authorization": f"Bearer {token or self.token}"}
        if body is not None or raw is not None:
            sent["Content-Type"] = MEDIA
        sent.update(headers or {})
        sent = {k: v for k, v in sent.items() if v is not None}
        content = (
            raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        )
        response = self.http.request(
            method, path or template, params=params, content=content, headers=sent
        )
        self.spec.validate(template, response)
        return response

    def get(self, template, path=None, **kw):
        return self.call("GET", template, path, **kw)


def errors_of(response: httpx.Response) -> list[tuple[str, str | None]]:
    return [(e["code"], e["path"]) for e in response.json()["errors"]]


def new_command_id() -> str:
    return str(uuid.uuid4())


def criteria(*offer_ids) -> list[dict]:
    return [{"type": "CONTAINS_OFFERS", "offers": [{"id": str(i)} for i in offer_ids]}]
