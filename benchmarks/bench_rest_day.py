"""The big seller's day of writes and reads through the REST adapter, counted against the
fewest calls Allegro's REST contract allows.

    uv run python benchmarks/bench_rest_day.py [--listings 20000] [--quantities 400]
                                               [--ends 300] [--relists 200] [--orders 2000]

One sandbox on 127.0.0.1 (commands done at once). The adapter reads every listing, pushes
`--quantities` quantity changes (values 1..50, so offers share commands), ends
`--ends` offers, relists `--relists` ended buy-now offers, and imports `--orders`
purchases (events and checkout forms). The fewest calls: a page of 1,000 offers; per
distinct value, one command per 1,000 offers and one page of its task report; one
publication command and its report per 1,000 ends or relists (plus the relist's look-up
of the offers, 100 ids a call); a page of 1,000 order events; a page of 100 checkout
forms (the day's purchases are one contiguous window of GET /order/checkout-forms).
Beside each REST figure it prints the WebAPI's for the same day: the fewest calls its
contract allows (the WebAPI adapter reaches them, bench_scale.py). Exits 1 when the REST
adapter made more calls than 1.05 x the fewest.
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.allegro.port import FinishRequest, QuantityChange, RelistRequest  # noqa: E402
from core.allegro.rest.marketplace import RestMarketplace  # noqa: E402
from sandbox.control import SandboxControl  # noqa: E402
from sandbox.server import SandboxServer  # noqa: E402
from tests.rest_tokens import SandboxTokens  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--listings", type=int, default=20000)
    ap.add_argument("--quantities", type=int, default=400)
    ap.add_argument("--ends", type=int, default=300)
    ap.add_argument("--relists", type=int, default=200)
    ap.add_argument("--orders", type=int, default=2000)
    args = ap.parse_args()
    with SandboxServer(port=0) as server:
        control = SandboxControl(server.base_url, timeout=600)
        control.reset(demo=False)
        control.rest_settings(command_delay_seconds=0, client_per_minute=10**9, user_offer_changes_per_minute=10**9)
        ids: list[int] = []
        for start in range(0, args.listings, 2000):
            n = min(2000, args.listings - start)
            ids += control.add_offers([{"title": f"Oferta {start + k}", "quantity": 60} for k in range(n)])
        to_relist = ids[-args.relists:]
        for offer in to_relist:
            control.edit_offer(offer, end=True)
        buyers = ids[: args.orders]
        for offer in buyers:
            control.purchase(offer, quantity=1)
        market = RestMarketplace(server.rest_url, SandboxTokens(server.rest_url, control), timeout=60)
        started = time.perf_counter()
        listed = sum(1 for _ in market.offers())
        values = [1 + n % 50 for n in range(args.quantities)]
        market.change_quantities(QuantityChange(o, v, 0) for o, v in zip(ids[: args.quantities], values))
        market.finish(FinishRequest(o) for o in ids[args.quantities : args.quantities + args.ends])
        market.relist(RelistRequest(o, local_id=n, duration_days=0) for n, o in enumerate(to_relist))
        deals = [d for page in market.journal(None) for d in page]
        forms = market.post_buy_forms({d.transaction_id for d in deals if d.transaction_id})
        elapsed = time.perf_counter() - started
        events = len({d.event_id for d in deals})
        per_value = Counter(values)
        fewest = (
            math.ceil(max(listed, 1) / 1000)
            + sum(2 * math.ceil(n / 1000) for n in per_value.values())
            + 2 * math.ceil(args.ends / 1000)
            + math.ceil(args.relists / 100) + 2 * math.ceil(args.relists / 1000)
            + math.ceil((events + 1) / 1000)
            + math.ceil(len(forms) / 100)
        )
        made = market.calls
        market.close()
        log = control.calls()["counts"]
        form_calls = log.get("getListOfOrdersUsingGET", 0) + log.get("getOrdersDetailsUsingGET", 0)
        webapi = webapi_fewest(listed + args.relists, args, len(control.journal()), len(forms))
    ratio = made / fewest
    rows = [
        ("listings read", f"{listed:,}", f"{listed + args.relists:,} (three tabs)"),
        ("quantity changes", f"{sum(math.ceil(n / 1000) for n in per_value.values())} commands for {args.quantities}",
         f"{args.quantities} calls (one an offer)"),
        ("orders imported", f"{len(forms):,} forms from {events:,} events", "25 forms a call, 100 events a page"),
        ("checkout-form calls", f"{form_calls:,} (100 forms a page)", f"{math.ceil(len(forms) / 25):,}"),
        ("calls made", f"{made:,}", "-"),
        ("fewest the contract allows", f"{fewest:,}", f"{webapi:,}"),
        ("calls ratio (aim <= 1.05)", f"{ratio:.3f}", "1.000 in bench_scale.py"),
        ("wall time", f"{elapsed:.1f} s", "-"),
    ]
    print(f"{'':<28} {'REST':<34} WebAPI (its contract, the same day)")
    for name, rest, soap in rows:
        print(f"{name:<28} {rest:<34} {soap}")
    print(f"REST needs {made:,} calls where the WebAPI needs at least {webapi:,} ({made / webapi:.0%}).")
    return 0 if ratio <= 1.05 else 1


def webapi_fewest(listings: int, args, journal_events: int, forms: int) -> int:
    """The fewest WebAPI calls for the same day (core/allegro/webapi.py's batch sizes are the
    contract's): login, the three tabs in pages of 1,000, one doChangeQuantityItem an offer,
    doFinishItems and doSellSomeAgain 25 a call, the journal 100 a page, forms 25 a call."""
    return (
        2
        + math.ceil(listings / 1000) + 2
        + args.quantities
        + math.ceil(args.ends / 25)
        + math.ceil(args.relists / 25)
        + math.ceil((journal_events + 1) / 100)
        + math.ceil(forms / 25)
    )


if __name__ == "__main__":
    sys.exit(main())
