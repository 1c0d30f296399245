"""2,000 quantity changes through the WebAPI adapter against the sandbox with added latency.

    uv run python benchmarks/bench_quantity.py [--calls 2000] [--latency-ms 30] [--connections 4]

Prints the wall time of `change_quantities` against its lower bound
(calls × latency ÷ connections) as a ratio; the aim is 1.3 or less.
The sandbox runs in its own process, as Allegro would: in this process it would share
the interpreter lock with the client and measure Python, not the adapter.
Exits non-zero when a change failed or the sandbox disagrees afterwards.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.allegro.port import Credentials, QuantityChange  # noqa: E402
from core.allegro.retry import RetryPolicy  # noqa: E402
from core.allegro.webapi import WebApiMarketplace, preload_wsdl  # noqa: E402
from sandbox.control import SandboxControl  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

LOGIN, PASSWORD, KEY = "sandbox-seller", "sandbox-pass-1", "SANDBOX-WEBAPI-KEY"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--latency-ms", type=int, default=30)
    parser.add_argument("--connections", type=int, default=4)
    args = parser.parse_args(argv)

    preload_wsdl()
    server = subprocess.Popen(
        [sys.executable, "-m", "sandbox", "--host", "127.0.0.1", "--port", "0", "--offers", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        wsdl_url = server.stdout.readline().strip()
        if not wsdl_url.endswith("?wsdl"):
            print("The sandbox did not start.", file=sys.stderr)
            return 2
        service_url = wsdl_url.removesuffix("?wsdl")
        control = SandboxControl(service_url.rsplit("/", 1)[0])
        control.reset(seed=1, offers=0, demo=False)
        ids = control.add_offers(
            [{"title": f"Kubek ceramiczny nr {i}", "format": "buy_now", "quantity": 50} for i in range(args.calls)]
        )
        version = control.state()["version_key"]
        credentials = Credentials(service_url, LOGIN, PASSWORD, KEY, version)
        with WebApiMarketplace(
            credentials, pool_size=args.connections, retry=RetryPolicy(retries=2, base=0.05, cap=0.2)
        ) as marketplace:
            marketplace.login()
            control.set_faults(latency_ms=args.latency_ms)
            control.reset_calls()
            changes = [QuantityChange(str(offer_id), quantity_left=10 + i % 7, sold_quantity=0) for i, offer_id in enumerate(ids)]
            started = time.perf_counter()
            results = marketplace.change_quantities(changes)
            wall = time.perf_counter() - started
            control.clear_faults()
        calls = control.calls()["counts"].get("doChangeQuantityItem", 0)
        failed = [r for r in results if not r.ok]
        on_sandbox = {str(o["offer_id"]): o["quantity"] for o in control.offers(ids)}
        wrong = [c.offer_id for c in changes if on_sandbox.get(c.offer_id) != c.quantity_left]
    finally:
        server.terminate()
        server.wait(timeout=30)

    bound = args.calls * args.latency_ms / 1000 / args.connections
    ratio = wall / bound if bound else float("nan")
    print(f"quantity changes      {args.calls}")
    print(f"doChangeQuantityItem  {calls} calls")
    print(f"added latency         {args.latency_ms} ms, {args.connections} connections")
    print(f"wall time             {wall:.2f} s")
    print(f"lower bound           {bound:.2f} s (calls x latency / connections)")
    print(f"ratio                 {ratio:.3f} (aim <= 1.3)")
    if failed or wrong or calls != args.calls:
        print(f"FAILED: {len(failed)} refused, {len(wrong)} wrong on the sandbox, {calls} calls", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
