"""Sending many calls to a marketplace: batches, parallel runs, lanes and connection slots.

Transport-neutral (no SOAP, no HTTP): both adapters cut their work with `chunks`, and
the WebAPI adapter runs it with `run_parallel`, `send_in_batches`, `Lane` and `Slots`.

    results = run_parallel(pool, offers, change_one, progress)  # in task order
    by_id = send_in_batches(requests, 25, send_batch, key, progress, resend=..., retries=3, backoff=...)
"""
from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Hashable, Iterator, Sequence
from concurrent.futures import CancelledError, Executor, Future, as_completed
from typing import Any, TypeVar

from core.allegro.errors import AllegroError

log = logging.getLogger("core.allegro")

T = TypeVar("T")
R = TypeVar("R")

Progress = Callable[[int, int], None]


def chunks(values: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """`values` cut into consecutive pieces of at most `size`."""
    if size < 1:
        raise ValueError("a batch holds at least one value")
    for start in range(0, len(values), size):
        yield values[start : start + size]


def run_parallel(
    pool: Executor, tasks: Sequence[T], run: Callable[[T], R], progress: Progress | None = None
) -> list[R]:
    """Run `run` over `tasks` on `pool`; results in task order.

    The first error cancels what has not started and is raised; an AllegroError carries
    the finished results in `error.completed`.
    """
    if not tasks:
        return []
    futures = {pool.submit(run, task): index for index, task in enumerate(tasks)}
    results: list[Any] = [None] * len(tasks)
    done = 0
    failure: BaseException | None = None
    # as_completed waits on all futures at once; wait() in a loop would re-register
    # on every pending future each time, quadratic in a 2,000-offer batch.
    for future in as_completed(futures):
        if future.cancelled():
            continue
        exc = future.exception()
        if exc is not None:
            if failure is None:
                failure = exc
                for other in futures:  # what has not started never will
                    other.cancel()
            continue
        results[futures[future]] = future.result()
        done += 1
        if progress and failure is None:
            progress(done, len(tasks))
    if failure is not None:
        if isinstance(failure, AllegroError):
            failure.completed = tuple(r for r in results if r is not None)
        raise failure
    return results


def send_in_batches(
    todo: Sequence[T],
    size: int,
    send: Callable[[Sequence[T]], dict[Hashable, Any]],
    key: Callable[[T], Hashable],
    progress: Progress | None,
    *,
    resend: Callable[[Any], bool],
    retries: int,
    backoff: Callable[[int], None],
) -> dict[Hashable, Any]:
    """Send `todo` in batches of `size`, one after another; items whose result `resend`
    calls "not now" go again after `backoff(attempt)`, at most `retries` times.

    `send` returns a result per item key. An AllegroError stops everything and carries
    the results known so far (less the items it names in `offer_ids`) in `completed`.
    """
    results: dict[Hashable, Any] = {}
    done = 0
    for batch in chunks(todo, size):
        pending = list(batch)
        attempt = 0
        while pending:
            try:
                results.update(send(pending))
            except AllegroError as exc:
                unknown = set(getattr(exc, "offer_ids", ()))
                exc.completed = tuple(
                    results[key(item)] for item in todo if key(item) in results and key(item) not in unknown
                )
                raise
            attempt += 1
            pending = [item for item in pending if resend(results[key(item)])]
            if not pending or attempt > retries:
                break
            log.info("%d offers refused for now; sending them again", len(pending))
            backoff(attempt)
        done += len(batch)
        if progress:
            progress(done, len(todo))
    return results


class Lane:
    """At most `limit` of this lane's tasks running at once on a shared pool; the rest wait
    in the lane, not in the pool, so other work on the pool is not kept behind them.

    A future of the lane cancelled before it started never runs.
    """

    def __init__(self, pool: Executor, limit: int) -> None:
        if limit < 1:
            raise ValueError("a lane runs at least one task")
        self._pool = pool
        self.limit = limit
        self._waiting: deque[tuple[Future, Callable[..., Any], tuple[Any, ...]]] = deque()
        self._running = 0
        self._lock = threading.Lock()

    def submit(self, fn: Callable[..., R], *args: Any) -> Future[R]:
        future: Future[R] = Future()
        with self._lock:
            self._waiting.append((future, fn, args))
        self._start_waiting()
        return future

    def _start_waiting(self) -> None:
        while True:
            with self._lock:
                if self._running >= self.limit or not self._waiting:
                    return
                future, fn, args = self._waiting.popleft()
                if not future.set_running_or_notify_cancel():
                    continue  # cancelled while it waited
                self._running += 1
            try:
                started = self._pool.submit(self._run, future, fn, args)
            except RuntimeError as exc:  # the pool was shut down
                self._abandon(future, exc)
                continue
            started.add_done_callback(lambda run, f=future: run.cancelled() and self._abandon(f, CancelledError()))

    def _abandon(self, future: Future, reason: BaseException) -> None:
        """The pool dropped a task of the lane (shut down): whoever waits for it hears so."""
        with self._lock:
            self._running -= 1
        future.set_exception(reason)

    def close(self) -> None:
        """Cancel every task still waiting in the lane."""
        with self._lock:
            waiting, self._waiting = self._waiting, deque()
        for future, _fn, _args in waiting:
            future.cancel()

    def _run(self, future: Future, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        try:
            future.set_result(fn(*args))
        except BaseException as exc:  # handed to whoever waits on the future
            future.set_exception(exc)
        finally:
            with self._lock:
                self._running -= 1
            self._start_waiting()


class Slots:
    """At most `n` requests in flight; an urgent request (one of a chain, where each call
    waits for the one before) is let through before the others waiting."""

    def __init__(self, n: int) -> None:
        self._free = max(n, 1)
        self._urgent_waiting = 0
        self._changed = threading.Condition()

    def acquire(self, urgent: bool = False) -> None:
        with self._changed:
            self._urgent_waiting += urgent
            try:
                while self._free == 0 or (self._urgent_waiting and not urgent):
                    self._changed.wait()
                self._free -= 1
            finally:
                self._urgent_waiting -= urgent

    def release(self) -> None:
        with self._changed:
            self._free += 1
            self._changed.notify_all()
