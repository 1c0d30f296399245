"""The shipped spec is Allegro's own, and every REST route the sandbox serves is in it."""

from __future__ import annotations

import hashlib
import re

from .rest_support import SPEC_PATH

SOURCE = SPEC_PATH.with_name("allegro-rest-openapi.SOURCE.txt")


def test_the_shipped_spec_is_allegros_file_byte_for_byte():
    recorded = re.search(r"sha256 ([0-9a-f]{64})", SOURCE.read_text(encoding="utf-8")).group(1)
    assert hashlib.sha256(SPEC_PATH.read_bytes()).hexdigest() == recorded


def test_every_route_is_a_spec_operation_with_its_operation_id_and_scope(server, rest_spec):
    paths = rest_spec.raw["paths"]
    for route in server.rest.routes:
        operation = paths[route.template][route.method.lower()]
        assert operation["operationId"] == route.operation, route.template
        security = operation.get("security")
        if security is None:  # only the global "any user token" (PATCH product offer)
            assert route.scope is not None
            continue
        scopes = {s for entry in security for values in entry.values() for s in values}
        if route.scope is None:  # any token, an application's too
            assert "bearer-token-for-application" in {k for e in security for k in e}
        else:
            assert route.scope in scopes, (route.template, route.method, scopes)
