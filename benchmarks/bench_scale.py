"""Issue 9: a big seller's sync against the sandbox with added latency, as a table of ratios.

    uv run python benchmarks/bench_scale.py [--listings 20000] [--items 100000] [--orders 2000]
                                            [--latency-ms 30] [--no-profile] [--verbose]

About 7 minutes on 2 cores (--no-profile: 5). --verbose adds where the time went: the
sync's steps, when each operation's calls reached the sandbox, garbage collections, and
what every thread was doing in the longest stalls of the GUI thread.

The scenario (benchmarks/scale_scenario.py): 100,000 stock items over 3 locations, 20,000
linked listings (every 10th an auction); a sync that imports 2,000 new orders, sees 2%
of the stock levels change, ends 300 listings and relists 200. The sandbox runs in its
own process (as Allegro would; in this one it would share the interpreter lock), the
database is SQLite on disk, and the sync runs as the app runs it: the main window shown,
Sync now on the Sync screen (ui/sync_worker.py's session on worker threads), in a
process of its own whose memory and event loop are measured.

It prints, each measured in this run:
  calls ratio      SOAP calls made / the fewest the contract allows (scale_scenario.py)
  latency ratio    wall time / (calls x latency / parallel connections), connections being
                   the most requests the app had in flight at once
  local work       time with no call in flight (planning, database), per 10,000 listings
  incremental      a second sync with nothing changed: its calls / the first one's
  GUI stall        the longest gap between 5 ms timer ticks of the GUI thread during the sync
  cold start       `uv run main.py` to the main window's first paint (median of 3)
  filter keystroke the Listings screen at 20,000 rows, worst key press to repaint
  peak memory      the app process's peak resident memory during the sync
and the top 10 functions of a cProfile of the sync's own thread (the same scenario built
again, without latency). Exits 1 when the sync failed or made other calls than the fewest.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import types
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

AIMS = {
    "calls": 1.05,
    "latency": 1.3,
    "local": 1.0,  # s per 10,000 listings
    "incremental": 0.05,
    "stall": 50.0,  # ms
    "cold": 1.5,  # s
    "keystroke": 100.0,  # ms
    "memory": 400.0,  # MB
}
WAITS = ("acquire", "wait", "poll", "select", "recv_into", "recv", "sleep", "sendall", "connect")


# -- the sandbox ------------------------------------------------------------------------------


def start_sandbox() -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "sandbox", "--host", "127.0.0.1", "--port", "0", "--offers", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    wsdl_url = proc.stdout.readline().strip()
    if not wsdl_url.endswith("?wsdl"):
        proc.kill()
        raise SystemExit("The sandbox did not start.")
    return proc, wsdl_url.removesuffix("?wsdl")


def control_for(service_url: str):
    from sandbox.control import SandboxControl

    return SandboxControl(service_url.rsplit("/", 1)[0], timeout=600)


# -- children: the app's side, each in a process of its own -----------------------------------


def run_child(mode: str, data_dir: Path, *extra: str, env: dict | None = None) -> dict:
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--data-dir", str(data_dir), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        timeout=3600,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit(f"The {mode} step failed (exit {result.returncode}).")
    return json.loads(lines[-1])


class NetworkClock:
    """Wraps the marketplace: the time at least one call was in flight, from any thread."""

    def __init__(self, inner) -> None:
        self._inner = inner
        self._lock = threading.Lock()
        self._active = 0
        self._since = 0.0
        self.in_flight = 0.0

    def _enter(self) -> None:
        with self._lock:
            if self._active == 0:
                self._since = time.perf_counter()
            self._active += 1

    def _leave(self) -> None:
        with self._lock:
            self._active -= 1
            if self._active == 0:
                self.in_flight += time.perf_counter() - self._since

    def _timed_iter(self, iterator):
        while True:
            self._enter()
            try:
                value = next(iterator)
            except StopIteration:
                return
            finally:
                self._leave()
            yield value

    def __getattr__(self, name):
        attr = getattr(self._inner, name)
        if not callable(attr) or name.startswith("_") or name == "close":
            return attr

        def timed(*args, **kwargs):
            self._enter()
            try:
                value = attr(*args, **kwargs)
            finally:
                self._leave()
            return self._timed_iter(value) if isinstance(value, types.GeneratorType) else value

        return timed


class InFlight:
    """The most HTTP requests the app had in flight at once (its parallel connections)."""

    def __init__(self) -> None:
        import urllib3

        self.now = self.most = 0
        self._lock = threading.Lock()
        urlopen = urllib3.PoolManager.urlopen  # what the adapter's transport sends with

        def counted(manager, *args, **kwargs):
            with self._lock:
                self.now += 1
                self.most = max(self.most, self.now)
            try:
                return urlopen(manager, *args, **kwargs)
            finally:
                with self._lock:
                    self.now -= 1

        urllib3.PoolManager.urlopen = counted


class PeakMemory:
    """The process's peak resident memory from now on (VmHWM reset, and sampled as a check)."""

    def __init__(self) -> None:
        try:
            Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS
        except OSError:
            pass
        self.peak = self._rss()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    @staticmethod
    def _rss() -> int:
        return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")

    @staticmethod
    def _hwm() -> int:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
        return 0

    def _sample(self) -> None:
        while not self._stop.wait(0.1):  # a check on VmHWM; the reset above is what counts
            self.peak = max(self.peak, self._rss())

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return max(self.peak, self._hwm()) / 2**20


class StallWatch:
    """The GUI thread's longest gap between 5 ms timer ticks, and what the threads were doing
    in the longest gaps (a watchdog thread takes their stacks when a tick is 40 ms late)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[tuple[float, list[str]]] = []
        self._last = time.perf_counter()
        self._caught: list[str] | None = None
        self._gui = threading.get_ident()
        self._native = threading.get_native_id()
        self._schedstat: int | None = None
        self._queued_before = 0.0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self._stop = threading.Event()
        self._watchdog = threading.Thread(target=self._watch, daemon=True)

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = now - self._last
        self._last = now
        queued = self._queued()
        if gap > 0.02:
            waited = (queued - self._queued_before) * 1000
            self.gaps.append(
                (
                    gap * 1000,
                    [f"ended {now - self._started:.2f} s after the start; the GUI thread waited {waited:.0f} ms "
                     "of it for a CPU (the rest for the interpreter lock or Qt)"] + (self._caught or []),
                    waited,
                )
            )
        self._queued_before = queued
        self._caught = None

    def _queued(self) -> float:
        """Seconds this thread has waited on the run queue for a CPU (Linux schedstat).

        Read at every tick, so with one read call on a file kept open: py-spy found the
        ticks holding the interpreter lock for ~1 s of a 15 s sync while the file was
        opened by its path each time, and the app's threads waited that long for it.
        """
        try:
            if self._schedstat is None:
                self._schedstat = os.open(f"/proc/self/task/{self._native}/schedstat", os.O_RDONLY)
            return int(os.pread(self._schedstat, 128, 0).split()[1]) / 1e9
        except (OSError, IndexError, ValueError):
            return 0.0

    def _watch(self) -> None:
        import traceback

        while not self._stop.wait(0.005):
            if self._caught is None and time.perf_counter() - self._last > 0.04:
                frames = sys._current_frames()
                stacks = []
                for ident, frame in frames.items():
                    if ident == threading.get_ident():
                        continue
                    where = traceback.format_stack(frame, limit=12 if ident == self._gui else 6)
                    name = "GUI" if ident == self._gui else str(ident)
                    shown = where[-10:] if ident == self._gui else where[-4:]
                    stacks.append(f"[{name}] " + " | ".join(x.strip().replace("\n", " ") for x in shown))
                self._caught = stacks

    def start(self) -> None:
        self._last = self._started = time.perf_counter()
        self._queued_before = self._queued()
        self.timer.start()
        self._watchdog.start()

    def stop(self) -> tuple[float, list]:
        self.timer.stop()
        self._stop.set()
        self._watchdog.join()
        if self._schedstat is not None:
            os.close(self._schedstat)
            self._schedstat = None
        worst = sorted(self.gaps, key=lambda g: -g[0])
        return (worst[0][0] if worst else 5.0), worst[:3]

    def longest_own(self) -> float:
        """The longest gap less the time the GUI thread only waited for a CPU."""
        return max((gap - waited for gap, _, waited in self.gaps), default=5.0)


def child_app(data_dir: Path, password: str) -> tuple:
    """The app's pieces in this process: Qt, the database, a keyring holding the password."""
    import keyring
    import keyring.backend

    class MemoryKeyring(keyring.backend.KeyringBackend):
        priority = 1
        store: dict = {}

        def get_password(self, service, username):
            return self.store.get((service, username))

        def set_password(self, service, username, password):
            self.store[(service, username)] = password

        def delete_password(self, service, username):
            self.store.pop((service, username), None)

    keyring.set_keyring(MemoryKeyring())
    from PySide6.QtCore import QSettings

    from core import channels, secrets
    from core.db import open_database
    from core.models import Channel
    from core.paths import app_paths

    from ui.app import make_application

    app = make_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(data_dir / "qsettings"))
    paths = app_paths(str(data_dir))
    open_database(paths.database)
    for channel in Channel.select():
        secrets.set_password(channels.secret_account(channel), password)
    return app, paths


def child_sync(data_dir: Path, password: str) -> dict:
    """Sync now in the main window, as the seller presses F5; measured from inside the app."""
    from PySide6.QtCore import QEventLoop, QTimer

    app, paths = child_app(data_dir, password)
    from core.allegro import wsdl
    from core.models import SyncRun
    from ui import sync_worker
    from ui.main_window import MainWindow

    wsdl.document()  # the app preloads it after the first paint; a sync never waits for it then
    clocks: list[NetworkClock] = []
    make = sync_worker._default_factory

    def factory(channel_id, paths):
        clock = NetworkClock(make(channel_id, paths))
        clocks.append(clock)
        return clock

    sync_worker._default_factory = factory
    requests = InFlight()
    window = MainWindow(paths)
    window.resize(1200, 800)
    window.show()
    window.show_screen("sync")  # opening a screen the first time is not the sync
    for _ in range(20):
        app.processEvents()
    idle = StallWatch()  # the same window with no sync: what this machine's load alone causes
    idle.start()
    until = time.perf_counter() + 5
    while time.perf_counter() < until:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    idle_stall, _ = idle.stop()
    import gc

    collections: list[tuple[int, float]] = []  # (generation, ms) of each garbage collection
    gc_started = [0.0]

    def on_gc(phase, info):
        if phase == "start":
            gc_started[0] = time.perf_counter()
        else:
            collections.append((info["generation"], (time.perf_counter() - gc_started[0]) * 1000))

    gc.callbacks.append(on_gc)
    meter = StallWatch()
    memory = PeakMemory()
    loop = QEventLoop()
    cpu = time.process_time()
    meter.start()
    steps: dict[str, float] = {}
    screen = window.show_screen("sync")
    screen.all_finished.connect(loop.quit)

    def step(name, done, total):
        steps.setdefault(name, time.perf_counter() - started)

    started = time.perf_counter()
    window.sync_now()
    screen.session.progress_changed.connect(step)
    QTimer.singleShot(3_600_000, loop.quit)
    loop.exec()
    wall = time.perf_counter() - started
    stall, worst_gaps = meter.stop()
    own_stall = meter.longest_own()
    gc.callbacks.remove(on_gc)
    load = os.getloadavg()[0]
    cpu = time.process_time() - cpu
    peak = memory.stop()
    run = SyncRun.select().order_by(SyncRun.id.desc()).get()
    return {
        "wall": wall,
        "in_flight": sum(c.in_flight for c in clocks),
        "connections": requests.most,
        "steps": steps,
        "stall_ms": stall,
        "idle_stall_ms": idle_stall,
        "own_stall_ms": own_stall,
        "gc": {
            "collections": len(collections),
            "full": sum(1 for g, _ in collections if g == 2),
            "longest_ms": max((ms for _, ms in collections), default=0.0),
            "total_ms": sum(ms for _, ms in collections),
        },
        "load": load,
        "worst_gaps": worst_gaps,
        "cpu": cpu,
        "peak_mb": peak,
        "outcome": run.outcome,
        "counts": json.loads(run.counts or "{}"),
        "errors": run.errors,
    }


def child_filter(data_dir: Path, password: str) -> dict:
    app, paths = child_app(data_dir, password)
    from benchmarks.bench_tables import measure
    from ui.listings.screen import ListingsScreen

    screen = ListingsScreen(paths)
    worst = measure("Listings", screen, "świeca")
    return {"worst_ms": worst, "rows": screen.model.total()}


def child_profile(data_dir: Path, password: str, out: Path) -> dict:
    """The sync on this thread under cProfile (SQLite on disk), headless."""
    import cProfile
    import pstats

    from core.db import open_database
    from core.models import Channel
    from core.paths import app_paths
    from core.sync.engine import SyncEngine
    from benchmarks.scale_scenario import KEY, LOGIN
    from core.allegro.port import Credentials
    from core.allegro.webapi import WebApiMarketplace
    from core.allegro import wsdl

    paths = app_paths(str(data_dir))
    open_database(paths.database)
    wsdl.document()
    channel = Channel.get()
    credentials = Credentials(channel.environment, LOGIN, password, KEY, channel.api_key_version)
    profile = cProfile.Profile()
    with WebApiMarketplace(credentials, accept_current_version=True) as mp:
        engine = SyncEngine(channel.id, mp)
        started = time.perf_counter()
        profile.enable()
        plan = engine.plan()
        report = engine.apply(plan)
        profile.disable()
        wall = time.perf_counter() - started
    profile.dump_stats(str(out))
    stats = pstats.Stats(str(out))
    rows = []
    for (file, line, name), (cc, nc, tt, ct, _) in stats.stats.items():
        if file == "~" and any(w in name for w in WAITS):
            continue  # waiting for the network or for the pool's threads, not work
        rows.append((tt, ct, nc, _where(file, line, name)))
    rows.sort(reverse=True)
    total = sum(r[0] for r in rows)
    return {"wall": wall, "work": total, "top": rows[:10], "outcome": report.outcome}


def _where(file: str, line: int, name: str) -> str:
    if file == "~":
        return name
    path = Path(file)
    try:
        path = path.relative_to(ROOT)
    except ValueError:
        parts = path.parts
        path = Path(*parts[parts.index("site-packages") + 1 :]) if "site-packages" in parts else Path(path.name)
    return f"{path}:{line}({name})"


def cold_start(data_dir: Path, runs: int = 3) -> tuple[float, float]:
    """`uv run main.py` to the first paint: (first ever start, median of the next `runs`).

    Bytecode goes to a cache of its own (PYTHONPYCACHEPREFIX): this machine's environment
    sets PYTHONDONTWRITEBYTECODE, so without it every start would compile every module,
    which no installed app does after its first start.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    cache = tempfile.mkdtemp(prefix="acm-bench-pycache-")
    env.update(QT_QPA_PLATFORM="offscreen", ACM_EXIT_AFTER_FIRST_PAINT="1", PYTHONPYCACHEPREFIX=cache)
    times = []
    for _ in range(runs + 1):
        started = time.time()
        result = subprocess.run(
            ["uv", "run", "main.py", "--data-dir", str(data_dir)],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )
        line = next((x for x in result.stdout.splitlines() if x.startswith("first-paint ")), None)
        if line is None:
            sys.stderr.write(result.stdout + result.stderr)
            raise SystemExit("The app did not paint its window.")
        times.append(float(line.split()[1]) - started)
    return times[0], statistics.median(times[1:])


# -- the run ---------------------------------------------------------------------------------


def build(world_dir: Path, args, control, service_url: str):
    from benchmarks.scale_scenario import Scale, ScaleWorld
    from core.db import database, open_database
    from core.paths import app_paths

    paths = app_paths(str(world_dir))
    open_database(paths.database)
    scale = Scale.of(args.listings, args.items, args.orders)
    world = ScaleWorld(scale, control, service_url)
    started = time.perf_counter()
    world.build()
    happened = world.day()
    fewest = world.fewest_calls()
    database.close()
    return world, happened, fewest, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listings", type=int, default=20_000)
    parser.add_argument("--items", type=int, default=None, help="stock items (default: 5 per listing)")
    parser.add_argument("--orders", type=int, default=None, help="new orders (default: 1 per 10 listings)")
    parser.add_argument("--latency-ms", type=int, default=30)
    parser.add_argument("--no-profile", action="store_true", help="skip the profiled second build and sync")
    parser.add_argument("--verbose", action="store_true", help="also show what the threads did in the longest GUI gaps")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        from benchmarks.scale_scenario import PASSWORD

        data_dir = Path(args.data_dir)
        if args.child == "sync":
            result = child_sync(data_dir, PASSWORD)
        elif args.child == "filter":
            result = child_filter(data_dir, PASSWORD)
        else:
            result = child_profile(data_dir, PASSWORD, Path(args.out))
        print(json.dumps(result, default=str), flush=True)
        os._exit(0)  # the window's worker threads need not be wound down for a measurement

    from core.db import database, open_database
    from core.paths import app_paths

    sandbox, service_url = start_sandbox()
    control = control_for(service_url)
    latency = args.latency_ms / 1000
    try:
        with tempfile.TemporaryDirectory(prefix="acm-bench-scale-") as folder:
            world_dir = Path(folder) / "shop"
            world, happened, fewest, built_in = build(world_dir, args, control, service_url)
            s = world.scale
            print(
                f"Built {s.items:,} stock items x {s.locations} locations, {s.listings:,} listings, "
                f"{happened['orders']:,} new orders, {happened['level_changes']:,} stock levels changed "
                f"in {built_in:.0f} s",
                flush=True,
            )
            control.reset_calls()
            control.set_faults(latency_ms=args.latency_ms)
            first = run_child("sync", world_dir)
            made = Counter(control.calls()["counts"])
            timeline = control.call_log() if args.verbose else []
            print(f"Sync: {first['wall']:.1f} s, {sum(made.values()):,} calls, outcome {first['outcome']}", flush=True)

            open_database(app_paths(str(world_dir)).database)
            fewest_again = world.fewest_calls()
            database.close()
            control.reset_calls()
            second = run_child("sync", world_dir)
            made_again = Counter(control.calls()["counts"])
            control.clear_faults()
            print(f"Second sync: {second['wall']:.1f} s, {sum(made_again.values())} calls", flush=True)

            filtered = run_child("filter", world_dir)
            first_start, cold = cold_start(world_dir)

            profile = None
            if not args.no_profile:
                profile_dir = Path(folder) / "profiled"
                build(profile_dir, args, control, service_url)
                profile = run_child("profile", profile_dir, "--out", str(Path(folder) / "sync.prof"))
    finally:
        sandbox.terminate()
        sandbox.wait(timeout=60)

    calls, least = sum(made.values()), sum(fewest.values())
    connections = max(first["connections"], 1)
    bound = calls * latency / connections
    local = max(first["wall"] - first["in_flight"], 0.0)
    per_10k = local / (s.listings / 10_000)
    rows = [
        ("calls ratio", f"{calls / least:.3f}", f"{calls:,} calls / {least:,} fewest", AIMS["calls"], calls / least),
        ("latency ratio", f"{first['wall'] / bound:.2f}",
         f"{first['wall']:.1f} s / ({calls:,} x {args.latency_ms} ms / {connections} connections)", AIMS["latency"],
         first["wall"] / bound),
        ("local work", f"{per_10k:.2f} s", f"{local:.1f} s with no call in flight / {s.listings / 10_000:g}",
         AIMS["local"], per_10k),
        ("incremental sync", f"{sum(made_again.values()) / calls:.1%}",
         f"{sum(made_again.values())} calls ({sum(fewest_again.values())} fewest) in {second['wall']:.1f} s",
         AIMS["incremental"], sum(made_again.values()) / calls),
        ("GUI stall", f"{first['stall_ms']:.0f} ms",
         f"longest gap of a 5 ms timer during the sync; without the waits for a CPU {first['own_stall_ms']:.0f} ms "
         f"(idle window: {first['idle_stall_ms']:.0f} ms; load average {first['load']:.1f})",
         AIMS["stall"], first["stall_ms"]),
        ("cold start", f"{cold:.2f} s", f"median of 3 (first ever start {first_start:.2f} s)", AIMS["cold"], cold),
        ("filter keystroke", f"{filtered['worst_ms']:.0f} ms", f"worst, Listings screen at {filtered['rows']:,} rows",
         AIMS["keystroke"], filtered["worst_ms"]),
        ("peak memory", f"{first['peak_mb']:.0f} MB", "the app process during the sync", AIMS["memory"],
         first["peak_mb"]),
    ]
    print()
    print(f"{'measure':<18} {'value':>9}  {'aim':>8}  {'':4} how")
    for name, value, how, aim, number in rows:
        unit = {"local work": " s", "GUI stall": " ms", "cold start": " s", "filter keystroke": " ms",
                "peak memory": " MB", "incremental sync": ""}.get(name, "")
        shown_aim = f"{aim:.0%}" if name == "incremental sync" else f"{aim:g}{unit}"
        print(f"{name:<18} {value:>9}  ≤{shown_aim:>7}  {'ok' if number <= aim else 'MISS':4} {how}")
    print(f"\nclient CPU: {first['cpu']:.1f} s in the app process during the sync "
          f"({first['cpu'] / calls * 1000:.1f} ms per call)")
    print("calls per operation (made / fewest):")
    for operation in sorted(made.keys() | fewest.keys()):
        print(f"  {operation:<34} {made[operation]:>6} / {fewest[operation]:<6}")
    if profile:
        print(f"\nwhere the sync's own thread spends its time (cProfile, no latency, SQLite on disk; "
              f"{profile['work']:.1f} s of work in {profile['wall']:.1f} s):")
        print(f"  {'own s':>6} {'incl. s':>7} {'calls':>8}  function")
        for tt, ct, nc, where in profile["top"]:
            print(f"  {tt:6.2f} {ct:7.2f} {nc:8,}  {where}")
    if args.verbose:
        print(f"\ngarbage collections during the sync: {first['gc']}")
        if timeline:
            zero = min(entry["time"] for entry in timeline)
            spans: dict[str, list[float]] = {}
            for entry in timeline:
                spans.setdefault(entry["operation"], []).append(entry["time"] - zero)
            print("\ncalls on the sandbox's side (s from the first call): first, last")
            for operation, times in sorted(spans.items(), key=lambda kv: min(kv[1])):
                print(f"  {operation:<34} {min(times):6.2f} {max(times):6.2f}  ({len(times)})")
        print("\nsteps of the sync (s from the start):")
        for name, at in sorted(first["steps"].items(), key=lambda kv: kv[1]):
            print(f"  {at:6.2f}  {name}")
        for gap, stacks, _ in first["worst_gaps"]:
            print(f"\nGUI gap {gap:.0f} ms:")
            for line in stacks:
                print("   ", line[:700])
    failed = first["outcome"] != "ok" or made != fewest or made_again != fewest_again
    if failed:
        print(f"\nFAILED: outcome {first['outcome']}; {first['errors'][:500]}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
