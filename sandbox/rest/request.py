"""One REST request as the handlers see it, and strict checks of its JSON body."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from .errors import RestError

MEDIA_TYPE = "application/vnd.allegro.public.v1+json"
MAX_REST_BODY = 1024 * 1024  # far above any body the emulated operations take


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    body: bytes = b""
    params: dict[str, str] = field(default_factory=dict)  # path parameters
    token: object = None  # the access token, once checked

    @classmethod
    def from_environ(cls, environ) -> "Request":
        headers = {
            k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")
        }
        for key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            if environ.get(key):
                headers[key.replace("_", "-").lower()] = environ[key]
        return cls(
            environ["REQUEST_METHOD"],
            environ.get("PATH_INFO", ""),
            parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True),
            headers,
        )

    def one(self, name: str, default: str | None = None) -> str | None:
        values = self.query.get(name)
        return values[-1] if values else default

    def many(self, name: str) -> list[str]:
        """A repeatable parameter; comma-separated values count as several."""
        return [part for value in self.query.get(name, []) for part in value.split(",") if part]

    def integer(self, name: str, default: int, low: int, high: int, status: int = 400) -> int:
        raw = self.one(name)
        if raw is None:
            return default
        if not re.fullmatch(r"-?\d{1,12}", raw):
            raise RestError(
                "VALIDATION_ERROR",
                path=name,
                status=status,
                details=f"{name} must be a whole number",
            )
        value = int(raw)
        if not low <= value <= high:
            raise RestError(
                "VALIDATION_ERROR",
                path=name,
                status=status,
                details=f"{name} must be between {low} and {high}",
            )
        return value

    def json(self):
        """The body as JSON (an object), or RestError with Allegro's code."""
        content_type = self.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type not in (MEDIA_TYPE, "application/json"):
            raise RestError("UnsupportedMediaTypeException")
        try:
            data = json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise RestError("MalformedJsonException", details=str(exc)[:200]) from None
        if not isinstance(data, dict):
            raise RestError("InvalidJSONValue", details="The body must be a JSON object.")
        return data


# A body shape: a dict of allowed keys, each mapped to a shape, a type, a tuple of allowed
# values, a list [shape] of items, or ANY (accepted and ignored: a spec field the sandbox
# does not emulate).
ANY = object()


def check_shape(value, shape, path: str = "") -> None:
    """Refuse unknown properties and wrong types, naming the field's path."""
    if shape is ANY:
        return
    where = path or None
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            raise RestError("InvalidJSONValue", path=where, details="expected an object")
        for key, item in value.items():
            sub = f"{path}.{key}" if path else key
            if key not in shape:
                raise RestError(
                    "UnknownJSONProperty", path=sub, details=f'Unrecognized field "{key}"'
                )
            check_shape(item, shape[key], sub)
    elif isinstance(shape, list):
        if not isinstance(value, list):
            raise RestError("InvalidJSONValue", path=where, details="expected an array")
        for index, item in enumerate(value):
            check_shape(item, shape[0], f"{path}[{index}]")
    elif isinstance(shape, tuple):
        if value not in shape:
            raise RestError(
                "InvalidJSONValue",
                path=where,
                details="expected one of " + ", ".join(map(str, shape)),
            )
    elif value is not None:
        # type() rather than isinstance: a JSON true is no number here.
        if shape is float and type(value) in (int, float):
            return
        if type(value) is not shape:
            raise RestError(
                "InvalidJSONValue",
                path=where,
                details=f"expected {_TYPE_NAMES.get(shape, shape.__name__)}",
            )


_TYPE_NAMES = {int: "an integer", str: "a string", bool: "a boolean", float: "a number"}
