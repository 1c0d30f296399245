"""The password, its hash, the WebAPI key and session handles appear in no log line,
even with every logger (zeep's envelope dumps included) turned up to DEBUG."""
from __future__ import annotations

import logging

import pytest

from core.allegro import errors
from core.allegro.port import FinishRequest, QuantityChange
from core.allegro.webapi import password_hash
from tests.core.test_webapi_support import (  # noqa: F401  (fixtures)
    KEY,
    PASSWORD,
    buy_now,
    make_marketplace,
    shop,
    webapi_control,
    webapi_server,
)


@pytest.fixture
def everything_at_debug(caplog):
    """Root and every known logger at DEBUG, zeep's transport included."""
    caplog.set_level(logging.DEBUG)
    names = ["zeep", "zeep.transports", "zeep.wsdl.bindings.soap", "urllib3", "urllib3.connectionpool",
             "requests", "core.allegro", *logging.root.manager.loggerDict]
    previous = {}
    for name in names:
        logger = logging.getLogger(name)
        previous[name] = logger.level
        logger.setLevel(logging.DEBUG)
    yield caplog
    for name, level in previous.items():
        logging.getLogger(name).setLevel(level)


def _all_text(caplog) -> str:
    lines = []
    for record in caplog.records:
        lines.append(record.getMessage())
        if record.exc_text:
            lines.append(record.exc_text)
    return "\n".join(lines)


def test_no_secret_reaches_any_log_line_at_debug(webapi_server, shop, everything_at_debug):
    caplog = everything_at_debug
    ids = buy_now(shop, 6)
    handles = []
    with make_marketplace(webapi_server, shop) as mp:
        mp.login()
        handles.append(mp.session.handle)
        mp.change_quantities([QuantityChange(i, 3, 0) for i in ids])
        shop.expire_sessions()  # a second session handle, through a re-login
        mp.finish([FinishRequest(ids[0])])
        handles.append(mp.session.handle)
        shop.set_faults(rules=[{"operation": "doGetItemsInfo", "kind": "drop", "when": "after"}])
        with pytest.raises(errors.ConnectionFailed):
            mp.offers_by_id(ids)
        shop.clear_faults()
    with make_marketplace(webapi_server, shop, password="wrong-secret-777") as bad:
        with pytest.raises(errors.LoginRejected):
            bad.login()
    shop.clear_captcha()

    text = _all_text(caplog)
    assert "doChangeQuantityItem ok" in text and "logged in" in text  # the log is there...
    assert len(set(handles)) == 2 and all(handles)
    secrets = [PASSWORD, password_hash(PASSWORD), KEY, "wrong-secret-777", password_hash("wrong-secret-777"), *handles]
    for secret in secrets:
        assert secret not in text  # ...and none of the secrets


def test_even_zeeps_own_envelope_dump_is_masked(webapi_server, shop, everything_at_debug):
    """Another zeep client in the process (not ours) logging envelopes at DEBUG."""
    caplog = everything_at_debug
    from zeep import Client
    from zeep.transports import Transport

    from core.allegro import logsafe, wsdl

    logsafe.install()
    client = Client(wsdl.document(), transport=Transport(), settings=wsdl.settings())
    service = client.create_service(wsdl.BINDING, webapi_server.url)
    version = shop.state()["version_key"]
    answer = service.doLoginEnc(
        userLogin="sandbox-seller", userHashPassword=password_hash(PASSWORD), countryCode=1,
        webapiKey=KEY, localVersion=version,
    )
    text = _all_text(caplog)
    assert "HTTP Post to" in text  # zeep did dump the envelope
    for secret in (password_hash(PASSWORD), KEY, answer.sessionHandlePart):
        assert secret not in text


def test_each_call_logs_operation_duration_and_outcome(webapi_server, shop, caplog):
    caplog.set_level(logging.INFO, logger="core.allegro")
    ids = buy_now(shop, 2)
    with make_marketplace(webapi_server, shop) as mp:
        mp.change_quantities([QuantityChange(ids[0], 3, 0)])
        shop.set_faults(rules=[{"operation": "doGetItemsInfo", "kind": "fault",
                                "code": "ERR_INTERNAL_SYSTEM_ERROR", "count": 1}])
        mp.offers_by_id(ids)
    lines = [r.getMessage() for r in caplog.records if r.name == "core.allegro"]
    assert any(line.startswith("doChangeQuantityItem ok in ") and line.endswith(" ms") for line in lines)
    assert any(line.startswith("doGetItemsInfo ERR_INTERNAL_SYSTEM_ERROR in ") and "again" in line for line in lines)
    assert any(line.startswith("doGetItemsInfo ok in ") for line in lines)
