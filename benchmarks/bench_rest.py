"""Benchmark: REST calls per second against the sandbox, next to the SOAP face's figure.

Run: uv run python benchmarks/bench_rest.py [--threads 8] [--seconds 3] [--rounds 3]

One sandbox process serves both faces over one shop. Each figure is 8 client threads (by
default), each on its own kept-alive connection, for ``--seconds``, no added latency; the
figures take turns for ``--rounds`` rounds (a shared machine's load moves under them) and
the median and range of the rounds are printed:
  - SOAP doChangeQuantityItem (prepared envelopes, as bench_sandbox.py's "raw" clients);
  - REST PATCH /sale/product-offers/{id} {"stock":{"available":n}} (the same change);
  - REST GET /sale/product-offers/{id}.
Clients post prepared bytes through http.client, so the numbers measure the sandbox. The
request limits are lifted first (9000 a minute per client id would stop the run).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_sandbox import ENVELOPE, HEADERS, connect, login  # noqa: E402
from sandbox.control import SandboxControl  # noqa: E402

MEDIA = "application/vnd.allegro.public.v1+json"
OFFERS = 200
CLIENT = ("SANDBOX-CLIENT-ID", "SANDBOX-CLIENT-SECRET")


def start_sandbox() -> tuple[subprocess.Popen, str, str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "sandbox", "--port", "0", "--offers", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    wsdl = proc.stdout.readline().strip()
    rest = proc.stdout.readline().strip()
    if not wsdl.endswith("?wsdl") or not rest.startswith("REST: "):
        proc.kill()
        raise SystemExit(f"The sandbox did not start: {wsdl} {rest} {proc.stderr.read()}")
    return proc, wsdl, rest[len("REST: ") :]


def user_token(base: str, control: SandboxControl) -> str:
    """An access token through the device flow, approved by the control call."""
    basic = "Basic " + base64.b64encode(":".join(CLIENT).encode()).decode()
    form = {"Authorization": basic, "Content-Type": "application/x-www-form-urlencoded"}
    conn = connect(base)
    conn.request("POST", "/auth/oauth/device", f"client_id={CLIENT[0]}", form)
    code = json.loads(conn.getresponse().read())
    control.approve_device(code["user_code"])
    conn.request(
        "POST",
        "/auth/oauth/token",
        "grant_type=urn:ietf:params:oauth:grant-type:device_code"
        f"&device_code={code['device_code']}",
        form,
    )
    answer = json.loads(conn.getresponse().read())
    conn.close()
    return answer["access_token"]


def soap_worker(url, session, token, ids, stop, results, index):
    path = urlsplit(url).path
    conn = connect(url)
    done = errors = 0
    n = index
    while not stop.is_set():
        n += 1
        body = ENVELOPE.format(
            session=session, item=ids[n % len(ids)], quantity=1 + n % 999
        ).encode()
        conn.request("POST", path, body, HEADERS)
        response = conn.getresponse()
        if response.status != 200 or b"itemQuantityLeft" not in response.read():
            errors += 1
        done += 1
    conn.close()
    results[index] = (done, errors)


def rest_worker(method, url, session, token, ids, stop, results, index):
    conn = connect(url)
    headers = {"Accept": MEDIA, "Authorization": f"Bearer {token}", "Content-Type": MEDIA}
    done = errors = 0
    n = index
    while not stop.is_set():
        n += 1
        body = None
        if method == "PATCH":
            body = b'{"stock":{"available":%d}}' % (1 + n % 999)
        conn.request(method, f"/sale/product-offers/{ids[n % len(ids)]}", body, headers)
        response = conn.getresponse()
        payload = response.read()
        if response.status != 200 or b'"stock"' not in payload:
            errors += 1
        done += 1
    conn.close()
    results[index] = (done, errors)


def run(worker, threads: int, seconds: float, *args) -> tuple[float, int]:
    stop = threading.Event()
    results: list = [None] * threads
    pool = [threading.Thread(target=worker, args=(*args, stop, results, i)) for i in range(threads)]
    started = time.perf_counter()
    for t in pool:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in pool:
        t.join()
    elapsed = time.perf_counter() - started
    return sum(r[0] for r in results) / elapsed, sum(r[1] for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    proc, wsdl, base = start_sandbox()
    try:
        control = SandboxControl(base)
        control.reset(demo=False)
        ids = control.add_offers(
            [{"title": f"Oferta testowa {i}", "quantity": 500, "price": 10} for i in range(OFFERS)]
        )
        control.rest_settings(
            client_per_minute=10**9,
            user_get_product_offer_per_minute=10**9,
            user_edit_product_offer_per_minute=10**9,
        )
        service = wsdl[: -len("?wsdl")]
        session = login(service)
        token = user_token(base, control)
        print(
            f"{args.threads} client threads, {args.seconds:g} s a round, {args.rounds} rounds, "
            f"no added latency, {OFFERS} offers"
        )
        figures = [
            ("SOAP doChangeQuantityItem", soap_worker, service),
            ("REST PATCH /sale/product-offers/{id}", lambda *a: rest_worker("PATCH", *a), base),
            ("REST GET /sale/product-offers/{id}", lambda *a: rest_worker("GET", *a), base),
        ]
        rates: dict[str, list[float]] = {name: [] for name, _, _ in figures}
        failed = dict.fromkeys(rates, 0)
        for _ in range(args.rounds):
            for name, worker, url in figures:
                rate, errors = run(worker, args.threads, args.seconds, url, session, token, ids)
                rates[name].append(rate)
                failed[name] += errors
        for name, values in rates.items():
            print(
                f"  {name:40} {statistics.median(values):7.0f} calls/s "
                f"(rounds {min(values):.0f}-{max(values):.0f})  errors {failed[name]}"
            )
    finally:
        proc.terminate()
        proc.communicate(timeout=20)


if __name__ == "__main__":
    main()
