"""The adapter's parts that need no server: addresses, limits, backoff, redaction, envelopes."""
from __future__ import annotations

import logging
import threading

import pytest
from lxml import etree
from zeep import Client

from core.allegro import environments, errors, logsafe, wsdl
from core.allegro.ratelimit import RateLimiter
from core.allegro.retry import RetryPolicy
from core.allegro.webapi import SESSION_PARAM, WebApiMarketplace, password_hash, preload_wsdl
from core.allegro.port import Credentials, Marketplace


def test_password_hash_is_base64_of_the_raw_sha256_digest():
    # FACTS.md §3: sha256("secret") -> K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=
    assert password_hash("secret") == "K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols="
    assert len(password_hash("zażółć gęślą jaźń")) == 44


def test_adapter_implements_the_port():
    creds = Credentials("http://127.0.0.1:9/service.php", "seller", "pass-XYZ", "KEY-XYZ", 1)
    with WebApiMarketplace(creds) as mp:
        assert isinstance(mp, Marketplace)
        assert "XYZ" not in repr(mp)


# -- environments ------------------------------------------------------------------------


def test_production_is_https_and_verified():
    env = environments.production()
    assert env.url == "https://webapi.allegro.pl/service.php" and env.verify_tls
    assert environments.for_url(environments.PRODUCTION_URL).kind is environments.EnvironmentKind.PRODUCTION


def test_tls_verification_cannot_be_turned_off_outside_loopback():
    with pytest.raises(environments.InvalidAddress):
        environments.Environment(environments.EnvironmentKind.PRODUCTION, environments.PRODUCTION_URL, verify_tls=False)
    with pytest.raises(environments.InvalidAddress):
        environments.Environment(environments.EnvironmentKind.CUSTOM, "https://example.com/service.php", verify_tls=False)
    local = environments.Environment(environments.EnvironmentKind.CUSTOM, "https://127.0.0.1:8443/s", verify_tls=False)
    assert not local.verify_tls


def test_plain_http_only_on_this_computer():
    with pytest.raises(environments.InvalidAddress):
        environments.custom("http://example.com/service.php")
    with pytest.raises(environments.InvalidAddress):
        environments.sandbox("https://example.com/service.php")
    with pytest.raises(environments.InvalidAddress):
        environments.custom("ftp://127.0.0.1/x")
    assert environments.sandbox("http://127.0.0.1:8080/service.php").kind is environments.EnvironmentKind.SANDBOX
    assert environments.for_url("http://localhost:1/service.php").kind is environments.EnvironmentKind.SANDBOX
    assert environments.for_url("https://my.proxy.example/service.php").kind is environments.EnvironmentKind.CUSTOM
    assert environments.DEFAULT_KIND is environments.EnvironmentKind.SANDBOX


def test_adapter_refuses_a_plain_http_address_outside_loopback():
    creds = Credentials("http://webapi.allegro.pl/service.php", "u", "p", "k", 1)
    with pytest.raises(environments.InvalidAddress):
        WebApiMarketplace(creds)


# -- the contract ------------------------------------------------------------------------


def test_wsdl_is_parsed_once_and_shared():
    future = preload_wsdl()
    assert future.result(timeout=30) is wsdl.document()
    assert wsdl.document() is wsdl.load_wsdl()


def test_session_parameter_names_match_the_wsdl():
    client = Client(wsdl.document(), settings=wsdl.settings())
    service = client.create_service(wsdl.BINDING, "http://127.0.0.1:9/service.php")
    for operation, param in SESSION_PARAM.items():
        signature = getattr(service, operation)._proxy._binding.get(operation).input.signature()
        assert f"{param}:" in signature, operation


def test_batch_envelopes_are_shaped_like_allegros():
    client = Client(wsdl.document(), settings=wsdl.settings())
    service = client.create_service(wsdl.BINDING, "http://127.0.0.1:9/service.php")
    envelope = client.create_message(
        service,
        "doFinishItems",
        sessionHandle="S",
        finishItemsList={"item": [{"finishItemId": 1, "finishCancelAllBids": 1, "finishCancelReason": "x"}]},
    )
    xml = etree.tostring(envelope).decode()
    assert "<ns0:finishItemsList><ns0:item><ns0:finishItemId>1</ns0:finishItemId>" in xml
    assert "DoFinishItemsRequest" in xml


# -- the rate limiter ----------------------------------------------------------------------


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


def test_rate_limiter_keeps_calls_under_the_limit_in_any_window():
    clock = FakeClock()
    limiter = RateLimiter(limit=5, window=60.0, clock=clock, sleep=clock.sleep)
    starts = []
    for _ in range(12):
        limiter.acquire()
        starts.append(clock.now)
    for i, start in enumerate(starts):
        in_window = [s for s in starts if start <= s < start + 60.0]
        assert len(in_window) <= 5, i
    assert starts[5] - starts[0] >= 60.0  # the sixth call waited for the window


def test_minute_limit_pause_holds_every_caller():
    clock = FakeClock()
    limiter = RateLimiter(limit=100, window=60.0, clock=clock, sleep=clock.sleep)
    limiter.pause(60.0)
    assert limiter.paused
    waited = limiter.acquire()
    assert waited >= 60.0 and not limiter.paused


def test_backoff_grows_exponentially_with_jitter_and_a_cap():
    policy = RetryPolicy(retries=5, base=0.5, cap=4.0)
    for attempt, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (5, 4.0), (9, 4.0)]:
        delays = {policy.delay(attempt) for _ in range(50)}
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert len(delays) > 1  # jittered


# -- logs ---------------------------------------------------------------------------------


def test_redaction_masks_secret_elements_and_registered_values(caplog):
    logsafe.install()
    logsafe.register_secret("hunter2-password")
    caplog.set_level(logging.DEBUG)
    zeep_log = logging.getLogger("zeep.transports")
    previous = zeep_log.level
    zeep_log.setLevel(logging.DEBUG)  # someone debugging turns zeep all the way up
    try:
        zeep_log.debug(
            "HTTP Post to %s:\n%s",
            "http://127.0.0.1/service.php",
            "<ns0:userHashPassword>K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=</ns0:userHashPassword>"
            "<ns0:sessionHandle>abc//01_1</ns0:sessionHandle><ns0:webapiKey>KEY-1</ns0:webapiKey>"
            "<ns0:other>hunter2-password</ns0:other>",
        )
    finally:
        zeep_log.setLevel(previous)
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "HTTP Post to" in text  # the record was kept, only its secrets masked
    for secret in ("K7gNU3sdo", "abc//01_1", "KEY-1", "hunter2-password"):
        assert secret not in text


def test_registered_secrets_stay_bounded_and_the_newest_is_masked():
    def register(n):
        for i in range(300):
            logsafe.register_secret(f"secret-{n}-{i:04d}")

    threads = [threading.Thread(target=register, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    logsafe.register_secret("the-newest-session//02_1")
    assert len(logsafe._secrets) <= logsafe._MAX_SECRETS
    assert logsafe.redact("handle the-newest-session//02_1 used") == "handle *** used"


def test_a_refused_address_is_an_allegro_error_in_both_languages():
    with pytest.raises(errors.AllegroError) as caught:
        WebApiMarketplace(Credentials("http://webapi.example.com/service.php", "u", "p", "k", 1))
    assert caught.value.code == "INVALID_ADDRESS"
    assert "https://" in caught.value.message and "https://" in caught.value.message_pl


def test_starting_the_preload_costs_the_window_nothing():
    import subprocess
    import sys

    code = (
        "import sys, time; t = time.perf_counter(); from core.allegro import wsdl; "
        "assert 'zeep' not in sys.modules, 'importing wsdl imported zeep'; f = wsdl.preload(); "
        "started = time.perf_counter() - t; f.result(60); print(round(started, 3))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=str(wsdl.WSDL_PATH.parents[1]))
    assert out.returncode == 0, out.stderr
    assert float(out.stdout) < 0.3
