"""Benchmark: doChangeQuantityItem calls per second against the sandbox, 8 client threads.

Run: uv run python benchmarks/bench_sandbox.py [--threads 8] [--seconds 5] [--client raw|zeep]

The sandbox runs in its own process (as the app meets it); the clients send real
SOAP 1.1 requests over keep-alive HTTP connections. "raw" clients post prepared
envelopes, so the number measures the sandbox; "zeep" clients measure the whole
round trip with zeep on both ends of this 2-core machine.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import http.client
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sandbox.control import SandboxControl  # noqa: E402

OFFERS = 1000
ENVELOPE = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/">'
    "<soap-env:Body><ns0:DoChangeQuantityItemRequest "
    'xmlns:ns0="https://webapi.allegro.pl/service.php">'
    "<ns0:sessionHandle>{session}</ns0:sessionHandle><ns0:itemId>{item}</ns0:itemId>"
    "<ns0:newItemQuantity>{quantity}</ns0:newItemQuantity>"
    "</ns0:DoChangeQuantityItemRequest></soap-env:Body></soap-env:Envelope>"
)


def start_sandbox() -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "sandbox", "--port", "0", "--offers", "0"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    first_line = proc.stdout.readline().strip()
    if not first_line.endswith("?wsdl"):
        proc.kill()
        raise SystemExit(f"The sandbox did not start: {first_line} {proc.stderr.read()}")
    return proc, first_line


def login(control: SandboxControl, service_url: str) -> str:
    from zeep import Client, Settings
    from zeep.transports import Transport

    client = Client(str(ROOT / "resources" / "webapi.wsdl"), settings=Settings(strict=True),
                    transport=Transport(timeout=10, operation_timeout=10))
    service = client.create_service(
        "{https://webapi.allegro.pl/service.php}serviceBinding", service_url)
    key = service.doQuerySysStatus(sysvar=1, countryId=1, webapiKey="SANDBOX-WEBAPI-KEY").verKey
    password = base64.b64encode(hashlib.sha256(b"sandbox-pass-1").digest()).decode()
    return service.doLoginEnc(userLogin="sandbox-seller", userHashPassword=password,
                              countryCode=1, webapiKey="SANDBOX-WEBAPI-KEY",
                              localVersion=key).sessionHandlePart


def raw_worker(url: str, session: str, ids: list[int], stop: threading.Event,
               results: list, index: int) -> None:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    headers = {"Content-Type": "text/xml; charset=utf-8",
               "SOAPAction": '"#doChangeQuantityItem"'}
    done = errors = 0
    n = index
    while not stop.is_set():
        n += 1
        body = ENVELOPE.format(session=session, item=ids[n % len(ids)],
                               quantity=1 + n % 999).encode()
        conn.request("POST", parts.path, body, headers)
        response = conn.getresponse()
        payload = response.read()
        if response.status != 200 or b"itemQuantityLeft" not in payload:
            errors += 1
        done += 1
    conn.close()
    results[index] = (done, errors)


def zeep_worker(url: str, session: str, ids: list[int], stop: threading.Event,
                results: list, index: int) -> None:
    from zeep import Client, Settings
    from zeep.transports import Transport

    client = Client(str(ROOT / "resources" / "webapi.wsdl"), settings=Settings(strict=True),
                    transport=Transport(timeout=10, operation_timeout=30))
    service = client.create_service(
        "{https://webapi.allegro.pl/service.php}serviceBinding", url)
    done = errors = 0
    n = index
    while not stop.is_set():
        n += 1
        try:
            service.doChangeQuantityItem(sessionHandle=session, itemId=ids[n % len(ids)],
                                         newItemQuantity=1 + n % 999)
        except Exception:
            errors += 1
        done += 1
    results[index] = (done, errors)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--client", choices=("raw", "zeep", "both"), default="both")
    args = parser.parse_args(argv)

    proc, wsdl_url = start_sandbox()
    try:
        url = wsdl_url[: -len("?wsdl")]
        control = SandboxControl(url[: -len("/service.php")])
        control.reset(demo=False)
        ids = control.add_offers([{"title": f"Produkt testowy {i}", "format": "buy_now",
                                   "quantity": 10, "price": 19.99} for i in range(OFFERS)])
        session = login(control, url)
        kinds = ["raw", "zeep"] if args.client == "both" else [args.client]
        print(f"sandbox benchmark: doChangeQuantityItem, {args.threads} client threads, "
              f"{args.seconds:g} s each, {os.cpu_count()} CPU cores")
        for kind in kinds:
            worker = raw_worker if kind == "raw" else zeep_worker
            control.reset_calls()
            stop = threading.Event()
            results: list = [None] * args.threads
            threads = [threading.Thread(target=worker, args=(url, session, ids, stop, results, i))
                       for i in range(args.threads)]
            started = time.perf_counter()
            for t in threads:
                t.start()
            time.sleep(args.seconds)
            stop.set()
            for t in threads:
                t.join()
            elapsed = time.perf_counter() - started
            done = sum(r[0] for r in results)
            errors = sum(r[1] for r in results)
            executed = control.calls()["executed"].get("doChangeQuantityItem", 0)
            print(f"  {kind:4} clients: {done / elapsed:8.0f} calls/s  "
                  f"({done} calls, {errors} errors, {executed} executed by the sandbox)")
        return 0
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
