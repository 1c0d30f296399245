"""OAuth2 as Allegro does it: the device flow, Basic client authentication, token lifetimes."""

from __future__ import annotations

import base64
import re

import pytest

from sandbox.control import SandboxControlError

from .rest_support import BASIC, CLIENT_ID, DEVICE_GRANT, MEDIA, RestClient


@pytest.fixture
def client(server, rest_spec):
    client = RestClient(server.rest_url, rest_spec)
    yield client
    client.close()


def approve(control, user_code):
    return control.approve_device(user_code)


def test_the_device_code_answer_has_allegros_fields(client, server):
    answer = client.device()
    assert answer.status_code == 200
    code = answer.json()
    assert set(code) == {
        "user_code",
        "device_code",
        "expires_in",
        "interval",
        "verification_uri",
        "verification_uri_complete",
    }
    assert (code["expires_in"], code["interval"]) == (3600, 5)
    assert code["verification_uri"] == server.rest_url + "/skojarz-aplikacje"
    assert (
        code["verification_uri_complete"] == f"{code['verification_uri']}?code={code['user_code']}"
    )
    assert re.fullmatch(r"[a-z0-9]{9}", code["user_code"])


def test_the_device_flow_through_the_verification_page(client, server):
    code = client.device().json()
    page = client.http.get(code["verification_uri_complete"])
    assert page.status_code == 200 and code["user_code"] in page.text
    assert "<form" in page.text and 'name="password"' in page.text
    assert client.poll(code["device_code"]).json()["error"] == "authorization_pending"
    form = {
        "user_code": code["user_code"],
        "login": "sandbox-seller",
        "password": "sandbox-pass-1",
        "decision": "allow",
    }
    wrong = client.http.post("/skojarz-aplikacje", data={**form, "password": "nope"})
    assert wrong.status_code == 401 and "Wrong login or password" in wrong.text
    allowed = client.http.post("/skojarz-aplikacje", data=form)
    assert allowed.status_code == 200 and "linked" in allowed.text
    token = client.poll(code["device_code"])
    assert token.status_code == 200
    body = token.json()
    assert body["token_type"] == "bearer" and body["expires_in"] == 43199
    assert body["access_token"].count(".") == 2  # a JWT, as Allegro's
    me = client.get("/me", token=body["access_token"])
    assert me.status_code == 200


def test_denying_on_the_page_gives_access_denied(client):
    code = client.device().json()
    denied = client.http.post(
        "/skojarz-aplikacje",
        data={
            "user_code": code["user_code"].upper(),
            "login": "sandbox-seller",
            "password": "sandbox-pass-1",
            "decision": "deny",
        },
    )
    assert denied.status_code == 200 and "denied" in denied.text
    answer = client.poll(code["device_code"])
    assert (answer.status_code, answer.json()["error"]) == (400, "access_denied")


def test_the_control_call_approves_and_denies(client, control):
    first, second = client.device().json(), client.device().json()
    assert approve(control, first["user_code"])["state"] == "approved"
    assert control.deny_device(second["user_code"])["state"] == "denied"
    assert client.poll(first["device_code"]).status_code == 200
    assert client.poll(second["device_code"]).json()["error"] == "access_denied"
    with pytest.raises(SandboxControlError) as unknown:
        approve(control, "zzzzzzzzz")
    assert unknown.value.status == 404
    with pytest.raises(SandboxControlError) as again:
        approve(control, second["user_code"])
    assert again.value.status == 409


def test_polling_faster_than_the_interval_is_slow_down(client, control):
    code = client.device().json()
    assert client.poll(code["device_code"]).json()["error"] == "authorization_pending"
    assert client.poll(code["device_code"]).json()["error"] == "slow_down"
    control.advance_clock(seconds=5)
    assert client.poll(code["device_code"]).json()["error"] == "authorization_pending"


def test_a_device_code_gives_a_token_once(client, control):
    code = client.device().json()
    approve(control, code["user_code"])
    assert client.poll(code["device_code"]).status_code == 200
    again = client.poll(code["device_code"])
    assert again.status_code == 400
    assert again.json() == {"error": "invalid_request", "error_description": "Invalid device code"}
    assert client.poll("made-up").json()["error_description"] == "Invalid device code"


def test_a_device_code_expires_after_an_hour(client, control):
    code = client.device().json()
    control.advance_clock(seconds=3600)
    answer = client.poll(code["device_code"])
    assert (answer.status_code, answer.json()["error"]) == (400, "expired_token")
    with pytest.raises(SandboxControlError):
        approve(control, code["user_code"])


def test_the_token_endpoint_needs_basic_client_authentication(client):
    code = client.device().json()
    data = {"grant_type": DEVICE_GRANT, "device_code": code["device_code"]}
    missing = client.http.post("/auth/oauth/token", data=data)
    assert missing.status_code == 401 and missing.json()["error"] == "unauthorized"
    wrong = base64.b64encode(f"{CLIENT_ID}:wrong".encode()).decode()
    bad = client.http.post(
        "/auth/oauth/token", data=data, headers={"Authorization": f"Basic {wrong}"}
    )
    assert bad.status_code == 401 and bad.json() == {
        "error": "invalid_client",
        "error_description": "Bad client credentials",
    }
    device = client.http.post("/auth/oauth/device", data={"client_id": CLIENT_ID})
    assert device.status_code == 401


def test_token_parameters_only_in_the_post_body(client):
    code = client.device().json()
    query = client.http.post(
        "/auth/oauth/token",
        params={"grant_type": DEVICE_GRANT, "device_code": code["device_code"]},
        headers={"Authorization": BASIC},
    )
    assert query.status_code == 400 and query.json()["error"] == "invalid_request"
    get = client.http.get("/auth/oauth/token", headers={"Authorization": BASIC})
    assert get.status_code == 405 and get.json()["error"] == "invalid_request"
    assert client.token_call({}).json()["error"] == "invalid_request"
    assert client.token_call({"grant_type": "password"}).json()["error"] == "unsupported_grant_type"


def test_a_refresh_gives_a_new_pair_and_kills_the_old_access_token(rest, control):
    old_access, old_refresh = rest.token, rest.refresh_token
    answer = rest.token_call({"grant_type": "refresh_token", "refresh_token": old_refresh})
    assert answer.status_code == 200
    new = answer.json()
    assert new["access_token"] != old_access and new["refresh_token"] != old_refresh
    dead = rest.get("/me", token=old_access)
    assert dead.status_code == 401
    assert dead.json() == {"error": "invalid_token", "error_description": "Access token expired"}
    assert rest.get("/me", token=new["access_token"]).status_code == 200


def test_a_used_refresh_token_works_for_60_seconds_more_then_is_invalid_grant(rest, control):
    used = rest.refresh_token
    assert (
        rest.token_call({"grant_type": "refresh_token", "refresh_token": used}).status_code == 200
    )
    control.advance_clock(seconds=60)
    assert (
        rest.token_call({"grant_type": "refresh_token", "refresh_token": used}).status_code == 200
    )
    control.advance_clock(seconds=1)
    late = rest.token_call({"grant_type": "refresh_token", "refresh_token": used})
    assert late.status_code == 400
    assert late.json() == {
        "error": "invalid_grant",
        "error_description": f"Invalid refresh token: {used}",
    }


def test_access_tokens_expire_after_12_hours_of_the_sandbox_clock(rest, control):
    control.advance_clock(hours=12, seconds=-1)
    assert rest.get("/me").status_code == 200
    control.advance_clock(seconds=1)
    answer = rest.get("/me")
    assert answer.status_code == 401 and answer.json()["error"] == "invalid_token"
    refreshed = rest.token_call(
        {"grant_type": "refresh_token", "refresh_token": rest.refresh_token}
    )
    assert rest.get("/me", token=refreshed.json()["access_token"]).status_code == 200


def test_the_control_call_expires_every_token(rest, control):
    assert control.expire_tokens()["access_tokens"] >= 1
    assert rest.get("/me").json()["error_description"] == "Access token expired"
    control.expire_tokens(refresh=True)
    refresh = rest.token_call({"grant_type": "refresh_token", "refresh_token": rest.refresh_token})
    assert refresh.json()["error"] == "invalid_grant"


def test_missing_or_made_up_tokens_are_401(rest):
    missing = rest.get("/me", headers={"Authorization": None})
    assert missing.status_code == 401 and missing.json()["error"] == "unauthorized"
    made_up = rest.get("/me", token="not-a-token")
    assert made_up.status_code == 401
    assert made_up.json()["error_description"] == "Cannot convert access token to JSON"


def test_a_narrower_scope_is_403_on_other_resources(client, control):
    code = client.device(scope="allegro:api:profile:read").json()
    approve(control, code["user_code"])
    token = client.poll(code["device_code"]).json()["access_token"]
    assert client.get("/me", token=token).status_code == 200
    answer = client.get("/sale/offers", token=token)
    assert answer.status_code == 403 and answer.json()["errors"][0]["code"] == "AccessDenied"


def test_an_application_token_reads_carriers_but_not_the_users_data(client):
    answer = client.token_call({"grant_type": "client_credentials"})
    assert answer.status_code == 200 and "refresh_token" not in answer.json()
    token = answer.json()["access_token"]
    assert client.get("/order/carriers", token=token).status_code == 200
    assert client.get("/me", token=token).status_code == 403


def test_token_answers_are_plain_json_never_cached(client, control):
    code = client.device().json()
    approve(control, code["user_code"])
    answer = client.poll(code["device_code"])
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.headers["cache-control"] == "no-store"
    assert "trace-id" in answer.headers
    assert MEDIA not in answer.headers["content-type"]


def test_the_control_interface_lists_live_device_codes(client, control):
    code = client.device().json()
    listed = {c["user_code"]: c["state"] for c in control.device_codes()}
    assert listed[code["user_code"]] == "pending"
    control.deny_device(code["user_code"])
    assert {c["user_code"]: c["state"] for c in control.device_codes()}[
        code["user_code"]
    ] == "denied"
    assert control.rest_settings()["client_per_minute"] >= 1


def test_the_device_endpoint_takes_client_id_from_the_query_or_the_body(client):
    from_query = client.http.post(
        "/auth/oauth/device", params={"client_id": CLIENT_ID}, headers={"Authorization": BASIC}
    )
    assert from_query.status_code == 200
    other = client.device(client_id="SOMEONE-ELSE")
    assert other.status_code == 400 and other.json()["error"] == "invalid_request"
    bad_scope = client.device(scope="allegro:api:everything")
    assert bad_scope.status_code == 400 and bad_scope.json()["error"] == "invalid_scope"
