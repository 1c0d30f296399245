"""`uv run main.py sandbox …` / `python -m sandbox …`: run the sandbox until interrupted."""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from .loopback import refuse_remote
from .rest.oauth import CLIENT_ID, CLIENT_SECRET
from .sessions import SELLER_LOGIN, SELLER_PASSWORD, WEBAPI_KEY
from .state_file import StateFileError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py sandbox", description="Run the Allegro WebAPI sandbox (a local emulator).",
        epilog="example:\n  main.py sandbox --port 8080 --state sandbox-state.json",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (loopback only unless --allow-remote)")
    parser.add_argument("--port", type=int, default=0, help="port (0 = any free port)")
    parser.add_argument("--latency-ms", type=int, default=0,
                        help="latency added to every SOAP call, in milliseconds")
    parser.add_argument("--state", metavar="FILE",
                        help="keep the sandbox's world in this JSON file across restarts")
    parser.add_argument("--seed", type=int, default=1, help="seed of the demo shop")
    parser.add_argument("--offers", type=int, default=60, help="number of demo offers")
    parser.add_argument("--allow-remote", action="store_true",
                        help="allow listening on a non-loopback address")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.port < 0 or args.port > 65535:
        print("The port must be between 0 and 65535.", file=sys.stderr)
        return 2
    if args.latency_ms < 0 or args.offers < 0:
        print("--latency-ms and --offers cannot be negative.", file=sys.stderr)
        return 2
    # A remote server answers a small call while it writes a big one on another core; here
    # its threads share one interpreter lock, so hand it round more often than every 5 ms.
    sys.setswitchinterval(0.001)
    try:
        refuse_remote(args.host, args.allow_remote)  # before the slow imports
        from .server import SandboxServer

        server = SandboxServer(host=args.host, port=args.port, state_file=args.state,
                               seed=args.seed, offers=args.offers,
                               latency_ms=args.latency_ms, allow_remote=args.allow_remote)
        server.start()
    except (ValueError, StateFileError, OSError) as exc:
        print(f"The sandbox cannot start: {exc}", file=sys.stderr)
        return 2
    # The first line is the WSDL address: scripts and tests read it.
    print(server.wsdl_url, flush=True)
    # The second line is the REST face's base address (same process, same port).
    print(f"REST: {server.rest_url}", flush=True)
    print(f"Control interface: {server.base_url}/sandbox/  "
          f"Account: {SELLER_LOGIN} / {SELLER_PASSWORD}  WebAPI key: {WEBAPI_KEY}  "
          f"Version key: {server.shop.version_key}", flush=True)
    print(f"REST demo application: client id {CLIENT_ID}  secret {CLIENT_SECRET}", flush=True)
    print("Press Ctrl+C to stop.", flush=True)
    stop = threading.Event()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    print("Sandbox stopped.", flush=True)
    return 0
