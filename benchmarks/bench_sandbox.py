"""Benchmark: how fast the sandbox answers, so it is never the bottleneck of the app's benchmarks.

Run: uv run python benchmarks/bench_sandbox.py [--threads 8] [--seconds 5] [--client raw|zeep|both]
                                                [--latency-ms 30] [--connections 4,8] [--quick]

Prints four tables:
  1. doChangeQuantityItem calls/s with no added latency, 8 client threads ("raw" clients post
     prepared envelopes, so the number measures the sandbox; "zeep" clients measure the whole
     round trip with zeep on both ends of this machine);
  2. doChangeQuantityItem calls/s with --latency-ms added, for each number of parallel raw
     connections: the ideal is connections / latency, and "overhead" is the mean time a call
     takes above the injected latency (sandbox work, hand-offs, loopback, client);
  3. the control interface at scale: 20,000 offers added at once, GET /sandbox/offers of them;
  4. big responses: the time to build one answer in the sandbox (handler + XML) for a page of
     1,000 offers of each My Allegro list, a journal page of 100 and 25 post-buy forms, and the
     HTTP round trip of a 1,000-offer page through a raw client (no XML parsing).

The sandbox runs in its own process (as the app meets it), except for table 4's build times,
which call the sandbox's code directly in this process to time just the work.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import http.client
import os
import socket
import statistics
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
BIG = 20_000
ENVELOPE = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/">'
    "<soap-env:Body><ns0:DoChangeQuantityItemRequest "
    'xmlns:ns0="https://webapi.allegro.pl/service.php">'
    "<ns0:sessionHandle>{session}</ns0:sessionHandle><ns0:itemId>{item}</ns0:itemId>"
    "<ns0:newItemQuantity>{quantity}</ns0:newItemQuantity>"
    "</ns0:DoChangeQuantityItemRequest></soap-env:Body></soap-env:Envelope>"
)
SELL_PAGE = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/">'
    "<soap-env:Body><ns0:DoGetMySellItemsRequest "
    'xmlns:ns0="https://webapi.allegro.pl/service.php">'
    "<ns0:sessionId>{session}</ns0:sessionId><ns0:pageSize>1000</ns0:pageSize>"
    "<ns0:pageNumber>{page}</ns0:pageNumber>"
    "</ns0:DoGetMySellItemsRequest></soap-env:Body></soap-env:Envelope>"
)
HEADERS = {"Content-Type": "text/xml; charset=utf-8"}


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


def login(service_url: str) -> str:
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


def connect(url: str) -> http.client.HTTPConnection:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    conn.connect()
    # Headers and body go out as two writes: without this they wait for a delayed ACK.
    conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return conn


def raw_worker(url: str, session: str, ids: list[int], stop: threading.Event,
               results: list, index: int) -> None:
    path = urlsplit(url).path
    conn = connect(url)
    done = errors = 0
    n = index
    while not stop.is_set():
        n += 1
        body = ENVELOPE.format(session=session, item=ids[n % len(ids)],
                               quantity=1 + n % 999).encode()
        conn.request("POST", path, body, HEADERS)
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


def run_clients(worker, count: int, seconds: float, url: str, session: str,
                ids: list[int]) -> tuple[int, int, float]:
    stop = threading.Event()
    results: list = [None] * count
    threads = [threading.Thread(target=worker, args=(url, session, ids, stop, results, i))
               for i in range(count)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    return sum(r[0] for r in results), sum(r[1] for r in results), elapsed


def throughput(args, control: SandboxControl, url: str, session: str, ids: list[int]) -> None:
    kinds = ["raw", "zeep"] if args.client == "both" else [args.client]
    print(f"1. doChangeQuantityItem, no added latency, {args.threads} client threads, "
          f"{args.seconds:g} s each")
    for kind in kinds:
        worker = raw_worker if kind == "raw" else zeep_worker
        control.reset_calls()
        done, errors, elapsed = run_clients(worker, args.threads, args.seconds, url, session, ids)
        executed = control.calls()["executed"].get("doChangeQuantityItem", 0)
        print(f"   {kind:4} clients: {done / elapsed:8.0f} calls/s  "
              f"({done} calls, {errors} errors, {executed} executed by the sandbox)")


def latency_throughput(args, control: SandboxControl, url: str, session: str,
                       ids: list[int]) -> None:
    latency = args.latency_ms / 1000
    print(f"2. doChangeQuantityItem with {args.latency_ms} ms added latency, raw clients, "
          f"{args.seconds:g} s each")
    control.set_faults(latency_ms=args.latency_ms)
    try:
        for connections in args.connections:
            done, errors, elapsed = run_clients(raw_worker, connections, args.seconds, url,
                                                session, ids)
            ideal = connections / latency
            per_call = connections * elapsed / done
            print(f"   {connections} connections: {done / elapsed:6.1f} calls/s "
                  f"(ideal {ideal:.1f}, {done / elapsed / ideal:.1%}), "
                  f"overhead {1000 * (per_call - latency):.1f} ms a call, {errors} errors")
    finally:
        control.clear_faults()


def control_at_scale(control: SandboxControl) -> list[int]:
    print(f"3. control interface with {BIG:,} offers")
    control.reset(demo=False)
    specs = [{"title": f"Produkt testowy nr {i}", "format": "auction" if i % 10 == 0 else
              "buy_now", "quantity": 10, "price": 19.99 + i % 7} for i in range(BIG)]
    started = time.perf_counter()
    ids = control.add_offers(specs)
    print(f"   POST /sandbox/offers ({BIG:,} at once): {time.perf_counter() - started:6.3f} s")
    started = time.perf_counter()
    listed = control.offers()
    print(f"   GET /sandbox/offers ({len(listed):,} offers): "
          f"{time.perf_counter() - started:6.3f} s")
    return ids


def page_round_trip(url: str, session: str) -> None:
    path = urlsplit(url).path
    conn = connect(url)
    times, size = [], 0
    try:
        for page in range(5):
            started = time.perf_counter()
            conn.request("POST", path, SELL_PAGE.format(session=session, page=page).encode(),
                         HEADERS)
            response = conn.getresponse()
            payload = response.read()
            times.append(time.perf_counter() - started)
            if response.status != 200:
                raise SystemExit(f"doGetMySellItems failed: {payload[:300]!r}")
            size = len(payload)
    finally:
        conn.close()
    print(f"   doGetMySellItems page of 1,000 over HTTP (raw client, no parsing): "
          f"{1000 * statistics.median(times):6.1f} ms ({size / 1e6:.1f} MB)")


def build_times() -> None:
    """Each big answer built in this process: the handler plus the XML."""
    from sandbox import soap
    from sandbox.sessions import SELLER_LOGIN, WEBAPI_KEY
    from sandbox.shop import Shop
    from sandbox.webapi import WebApi

    shop = Shop(1)
    shop.reset(1, 0, demo=False)
    specs = [{"title": f"Kubek <ceramiczny> & talerz nr {i}", "quantity": 10,
              "format": "auction" if i % 10 == 0 else "buy_now", "price": 19.99 + i % 7}
             for i in range(BIG)]
    ids = shop.add_offers(specs)
    for n, offer_id in enumerate(ids[1:3000:2]):  # sold out: the Sold list and the journal
        if n % 10:
            shop.purchase(offer_id, f"kupujacy_{n % 40}", 10, True, False, None)
    with shop.lock:
        for offer_id in ids[3001:6000:2]:  # ended unsold: the Not sold list
            shop.finish(offer_id, cancel_bids=True)
    contract = soap.contract()
    api = WebApi(shop)
    handle, _, _ = shop.login(SELLER_LOGIN, True, 1, WEBAPI_KEY, shop.version_key)
    forms = sorted(shop.forms)[:25]
    first_event = shop.events[0].id - 1
    cases = [
        ("doGetMySellItems", {"sessionId": handle, "pageSize": 1000, "pageNumber": 3}),
        ("doGetMySoldItems", {"sessionId": handle, "pageSize": 1000, "pageNumber": 0}),
        ("doGetMyNotSoldItems", {"sessionId": handle, "pageSize": 1000, "pageNumber": 0}),
        ("doGetSiteJournalDeals", {"sessionId": handle, "journalStart": first_event}),
        ("doGetPostBuyFormsDataForSellers",
         {"sessionId": handle, "transactionsIdsArray": forms}),
    ]
    print("4. one big answer built in the sandbox: the handler's first call (a tab filters and\n"
          "   sorts all 20,000 offers) and the median of the next 5 (paging reuses that), + XML")
    for operation, params in cases:
        handler, xml, size = [], [], 0
        for _ in range(6):
            started = time.perf_counter()
            fields = api.handle(operation, params)
            built = time.perf_counter()
            payload = contract.build_response(operation, fields)
            done = time.perf_counter()
            handler.append(built - started)
            xml.append(done - built)
            size = len(payload)
        rows = next(iter(v for v in fields.values() if isinstance(v, dict)))["item"]
        print(f"   {operation:32} {len(rows):5} rows: {1000 * handler[0]:6.1f} ms first, "
              f"{1000 * statistics.median(handler[1:]):5.1f} ms next + "
              f"{1000 * statistics.median(xml):6.1f} ms XML  ({size / 1e3:,.0f} kB)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--client", choices=("raw", "zeep", "both"), default="both")
    parser.add_argument("--latency-ms", type=int, default=30)
    parser.add_argument("--connections", default="4,8",
                        help="parallel connections for the latency table, comma-separated")
    parser.add_argument("--quick", action="store_true", help="2 s per measurement, raw only")
    args = parser.parse_args(argv)
    args.connections = [int(c) for c in args.connections.split(",") if c.strip()]
    if args.quick:
        args.seconds, args.client = 2.0, "raw"

    print(f"sandbox benchmark on {os.cpu_count()} CPU cores, load average "
          f"{os.getloadavg()[0]:.1f} at the start")
    proc, wsdl_url = start_sandbox()
    try:
        url = wsdl_url[: -len("?wsdl")]
        control = SandboxControl(url[: -len("/service.php")])
        control.reset(demo=False)
        ids = control.add_offers([{"title": f"Produkt testowy {i}", "format": "buy_now",
                                   "quantity": 10, "price": 19.99} for i in range(OFFERS)])
        session = login(url)
        throughput(args, control, url, session, ids)
        latency_throughput(args, control, url, session, ids)
        control_at_scale(control)
        page_round_trip(url, session)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    build_times()
    return 0


if __name__ == "__main__":
    sys.exit(main())
