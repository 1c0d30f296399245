"""One WebAPI call, done safely: rate limit, timeouts, retries, typed errors, quiet logs.

This is the edge where zeep and urllib3 end. Whatever happens below comes out as an
`AllegroError` subclass, raised outside any `except` block so no zeep exception rides
along as `__context__`.

The exactly-once rule lives here, with the outcomes of core/allegro/outcomes.py: a
failure is *refused* (never sent, or a fault that proves nothing was done) or *maybe
done* (the request went out and no answer came, the connection dropped, HTTP 5xx, or a
fault such as ERR_INTERNAL_SYSTEM_ERROR that Allegro may send after the work). Reads and
absolute writes are retried in every case (`on_maybe_done` hears of each such attempt);
a non-idempotent change (ending, relisting, adding a parcel) is retried only when
refused, and otherwise raises `OutcomeUnknown` so the caller asks Allegro what happened
before trying again.
"""
from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import urllib.request
from urllib.parse import urlsplit

import socket

import certifi
import urllib3
import urllib3.connection
import urllib3.connectionpool
import urllib3.exceptions
import zeep.exceptions
from zeep import Client
from zeep.transports import Transport

from core.allegro import errors, logsafe, outcomes, wsdl
from core.allegro.batching import Slots
from core.allegro.errors import AllegroError
from core.i18n import N_
from core.allegro.limits import CHUNK, WATCHDOG, AnswerBudget, AnswerTooLarge, CallLimits, DeadlinePassed
from core.allegro.ratelimit import RateLimiter
from core.allegro.retry import RetryPolicy

log = logging.getLogger("core.allegro")

# Faults that mean "not now": retried with backoff (they are answers, so nothing was done).
TRANSIENT_CODES = frozenset({"ERR_WEBAPI_NOT_AVAIL", "ERR_INTERNAL_SYSTEM_ERROR", "ERR_NO_DATABASE", "Server"})
RATE_LIMIT_CODES = frozenset({"ERR_MINUTE_LIMIT_EXCEEDED", "ERR_IP_LIMIT_EXCEEDED"})
SESSION_CODES = frozenset({"ERR_NO_SESSION", "ERR_SESSION_EXPIRED"})


@dataclass(slots=True)
class _Failure:
    """What one attempt's failure means for the next attempt."""

    error: AllegroError
    transient: bool = False
    maybe_done: bool = False  # the request may have been executed
    rate_limited: bool = False


class _Response:
    """What zeep reads from an HTTP answer (a requests.Response look-alike)."""

    __slots__ = ("status_code", "content", "headers", "encoding")

    def __init__(self, status_code: int, content: bytes, headers: Any) -> None:
        self.status_code = status_code
        self.content = content
        self.headers = headers
        self.encoding = None


class _Call:
    """The call in flight on this thread: its connection, and whether its deadline passed."""

    __slots__ = ("connection", "sock", "expired", "finished", "_lock")

    def __init__(self) -> None:
        self.connection: Any = None
        self.sock: socket.socket | None = None  # kept: a connection that will close lets go of it
        self.expired = False
        self.finished = False
        self._lock = threading.Lock()

    def expire(self) -> None:
        """At the deadline (on the watchdog's thread): shut the socket, which ends a blocked read."""
        with self._lock:
            if self.finished:  # in time after all: its connection may already carry another call
                return
            self.expired = True
            sock = self.sock or getattr(self.connection, "sock", None)
            if sock is not None:
                sock.shutdown(socket.SHUT_RDWR)

    def finish(self) -> bool:
        """Mark the call over; True when it ended before its deadline was acted on."""
        with self._lock:
            self.finished = True
            return not self.expired


_current = threading.local()


class _WatchedHTTPConnection(urllib3.connection.HTTPConnection):
    def request(self, *args, **kwargs):
        call = getattr(_current, "call", None)
        if call is not None:
            call.connection = self  # while it connects and sends
        try:
            return super().request(*args, **kwargs)
        finally:
            if call is not None:
                call.sock = self.sock  # the answer is read from it after the connection may drop it
                if call.expired and call.sock is not None:
                    with contextlib.suppress(OSError):  # the deadline passed while it was sent
                        call.sock.shutdown(socket.SHUT_RDWR)


class _WatchedHTTPSConnection(urllib3.connection.HTTPSConnection):
    request = _WatchedHTTPConnection.request


class _WatchedHTTPPool(urllib3.connectionpool.HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(urllib3.connectionpool.HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class _Transport(Transport):
    """zeep's transport over one urllib3 connection: timeouts, a phase marker, no body logs.

    requests costs about a millisecond of CPU per call (most of the client's share), so
    the adapter talks urllib3 directly; zeep only needs `post` to return an object with
    status_code, content and headers. Each call has a whole-call deadline and an answer
    size limit (core/allegro/limits.py): the answer is read in chunks and refused as soon
    as it passes the limit, and a socket still busy at the deadline is shut.
    """

    def __init__(
        self,
        url: str,
        verify_tls: bool,
        connect_timeout: float,
        operation_timeout: float,
        trust_env: bool,
        slots: Slots | None = None,
        limits: CallLimits = CallLimits(),
    ):
        super().__init__(timeout=connect_timeout, operation_timeout=operation_timeout)
        self.slots = slots or Slots(1)
        self.limits = limits
        self.urgent = False  # set per call by SoapCaller
        self.session.close()  # zeep's own requests session is never used
        self.phase = "idle"  # idle -> sending -> answered
        timeout = urllib3.Timeout(connect=connect_timeout, read=operation_timeout)
        options: dict[str, Any] = {"num_pools": 1, "maxsize": 1, "timeout": timeout, "retries": False}
        if url.startswith("https:"):
            options.update(cert_reqs="CERT_REQUIRED" if verify_tls else "CERT_NONE", ca_certs=certifi.where())
        proxy = _proxy_for(url) if trust_env else None
        self.pool = urllib3.ProxyManager(proxy, **options) if proxy else urllib3.PoolManager(**options)
        self.pool.pool_classes_by_scheme = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}
        # identity: a compressed answer could grow past the limit inside one chunk
        self.headers = {"User-Agent": "AllegroChannelManager (zeep)", "Accept-Encoding": "identity"}

    def post(self, address, message, headers):
        self.slots.acquire(self.urgent)  # the caller's limit on requests in flight, whichever thread sends
        budget = AnswerBudget(self.limits)
        call = _current.call = _Call()
        token = WATCHDOG.watch(budget.deadline_at, call.expire)
        answer = None
        whole = False
        try:
            self.phase = "sending"
            answer = self.pool.request(
                "POST", address, body=message, headers={**self.headers, **headers}, redirect=False,
                preload_content=False, decode_content=False,
            )
            self.phase = "answering"
            budget.check_declared(answer.headers.get("Content-Length"))
            chunks = []
            for chunk in answer.stream(CHUNK, decode_content=False):
                budget.take(len(chunk))
                chunks.append(chunk)
            budget.check_time()
            content = b"".join(chunks)
            whole = True
            self.phase = "answered"
        except (AnswerTooLarge, DeadlinePassed):
            raise
        except Exception:
            if call.expired:
                raise DeadlinePassed(self.limits.deadline) from None
            raise
        finally:
            WATCHDOG.cancel(token)
            _current.call = None
            in_time = call.finish()
            if answer is not None:
                if whole and in_time:
                    answer.release_conn()
                else:
                    self._discard(answer)
            self.slots.release()
        log.debug("HTTP %s from %s (%d bytes)", answer.status, address, len(content))
        return _Response(answer.status, content, answer.headers)

    def _discard(self, answer) -> None:
        """Drop a connection whose answer was not read to its end: it cannot carry another call."""
        if answer is None:
            return
        try:
            answer.close()
            answer.release_conn()
        except Exception:  # noqa: BLE001 - already broken
            pass

    def load(self, url):  # the contract comes from resources/, never from the network
        raise RuntimeError(f"refusing to load {url!r} over the network")

    def close(self) -> None:
        self.pool.clear()


def _send_and_read(proxy: Any, operation: str, args: dict[str, Any], reader: Callable[[bytes], Any]) -> Any:
    """zeep sends the request and hands back the raw answer; `reader` reads a good one.

    What the reader does not take (a fault, an error page, broken XML) goes to zeep's
    own reply handling, so it raises exactly what a plain zeep call would.
    """
    from core.allegro.xml_answers import ASK_ZEEP

    client = proxy._client
    with client.settings(raw_response=True):
        response = getattr(proxy, operation)(**args)
    content_type = (response.headers.get("Content-Type") or "text/xml").split(";", 1)[0].strip().lower()
    if response.status_code == 200 and content_type in ("text/xml", "application/xml", "application/soap+xml"):
        answer = reader(response.content)
        if answer is not ASK_ZEEP:
            return answer
    binding = proxy._binding
    return binding.process_reply(client, binding.get(operation), response)


def _proxy_for(url: str) -> str | None:
    """The system's proxy for `url` (HTTPS_PROXY and friends), as requests would pick it."""
    host = urlsplit(url).hostname or ""
    if urllib.request.proxy_bypass(host):
        return None
    return urllib.request.getproxies().get(urlsplit(url).scheme)


class SoapCaller:
    """Calls WebAPI operations at one address, each thread with its own zeep client."""

    def __init__(
        self,
        url: str,
        *,
        verify_tls: bool = True,
        connect_timeout: float = 10.0,
        operation_timeout: float = 60.0,
        policy: RetryPolicy = RetryPolicy(),
        limiter: RateLimiter | None = None,
        sleep: Callable[[float], None] = time.sleep,
        trust_env: bool = True,
        max_in_flight: int = 4,
        limits: CallLimits | None = None,
    ) -> None:
        logsafe.install()
        self.limits = limits or CallLimits.current()
        self.url = url
        self.verify_tls = verify_tls
        self.connect_timeout = connect_timeout
        self.operation_timeout = operation_timeout
        self.policy = policy
        self.limiter = limiter or RateLimiter()
        self._sleep = sleep
        self._trust_env = trust_env
        self._local = threading.local()
        # At most this many requests at once over all threads: the connections a caller
        # asked for, also when threads beside the adapter's pool (a journal reader) call.
        self._slots = Slots(max_in_flight)
        self._transports: list[_Transport] = []
        self._transports_lock = threading.Lock()
        self._closed = False

    # -- clients -------------------------------------------------------------------

    def _service(self) -> tuple[Any, _Transport]:
        proxy = getattr(self._local, "proxy", None)
        if proxy is None:
            if self._closed:
                raise RuntimeError("this WebAPI connection was closed")
            transport = _Transport(
                self.url, self.verify_tls, self.connect_timeout, self.operation_timeout, self._trust_env, self._slots,
                self.limits,
            )
            with self._transports_lock:
                self._transports.append(transport)
            client = Client(wsdl.document(), transport=transport, settings=wsdl.settings())
            proxy = client.create_service(wsdl.BINDING, self.url)
            self._local.proxy, self._local.transport = proxy, transport
        return proxy, self._local.transport

    def close(self) -> None:
        self._closed = True
        with self._transports_lock:
            transports, self._transports = self._transports, []
        for transport in transports:
            transport.close()

    # -- calling ---------------------------------------------------------------------

    def call(
        self,
        operation: str,
        args: dict[str, Any],
        *,
        idempotent: bool,
        offer_ids: Iterable[int] = (),
        local_ids: Iterable[int] = (),
        form_ids: Iterable[int] = (),
        reader: Callable[[bytes], Any] | None = None,
        urgent: bool = False,
        on_maybe_done: Callable[[AllegroError], None] | None = None,
    ) -> Any:
        """Run `operation`, retrying what is safe to retry. Raises AllegroError subclasses.

        `on_maybe_done` is told of every attempt of an idempotent call whose outcome is
        unknown before it is tried again: that attempt may still land later.

        Session faults are raised as SessionExpired at once; renewing the session is the
        caller's job (it knows how to log in again). With a `reader` (xml_answers.py) a
        successful answer is read by it instead of zeep; faults still go through zeep.
        An `urgent` call goes before others waiting for a connection.
        """
        attempt = 0
        limit_hits = 0
        while True:
            attempt += 1
            self.limiter.acquire()
            started = time.perf_counter()
            result, failure = self._attempt(operation, args, idempotent, reader, urgent)
            elapsed_ms = (time.perf_counter() - started) * 1000
            if failure is None:
                log.info("%s ok in %.0f ms", operation, elapsed_ms)
                return result
            error = failure.error
            if failure.rate_limited:
                limit_hits += 1
                if limit_hits > self.policy.retries:
                    log.warning("%s %s in %.0f ms, giving up", operation, error.code, elapsed_ms)
                    raise error
                log.warning("%s %s: pausing the key for %.1f s", operation, error.code, self.policy.limit_pause)
                self.limiter.pause(self.policy.limit_pause)
                attempt -= 1  # the pause is the remedy; it does not use up a retry
                continue
            if failure.maybe_done and not idempotent:
                log.warning("%s %s in %.0f ms after sending: outcome unknown", operation, error.code, elapsed_ms)
                raise errors.OutcomeUnknown(
                    operation, offer_ids=offer_ids, local_ids=local_ids, form_ids=form_ids, cause=error
                )
            if failure.maybe_done and on_maybe_done is not None:
                on_maybe_done(error)
            if not failure.transient or attempt > self.policy.retries:
                log.warning("%s failed in %.0f ms: %s", operation, elapsed_ms, error.code)
                raise error
            delay = self.policy.delay(attempt)
            log.info("%s %s in %.0f ms, try %d again in %.2f s", operation, error.code, elapsed_ms, attempt + 1, delay)
            self._sleep(delay)

    def backoff(self, attempt: int) -> None:
        """Wait before trying again after failed attempt number `attempt`."""
        self._sleep(self.policy.delay(attempt))

    def _attempt(
        self,
        operation: str,
        args: dict[str, Any],
        idempotent: bool,
        reader: Callable[[bytes], Any] | None = None,
        urgent: bool = False,
    ) -> tuple[Any, _Failure | None]:
        """One attempt; never raises what zeep or urllib3 raise."""
        try:
            proxy, transport = self._service()
        except Exception as exc:  # the contract failed to load: a broken installation
            return None, _Failure(errors.InvalidRequest("CONTRACT", type(exc).__name__))
        transport.phase = "idle"
        transport.urgent = urgent
        try:
            if reader is not None:
                return _send_and_read(proxy, operation, args, reader), None
            return getattr(proxy, operation)(**args), None
        except DeadlinePassed as exc:  # the request went out: it may have been carried out
            return None, _Failure(errors.CallTooSlow(self.url, exc.seconds), maybe_done=True)
        except AnswerTooLarge as exc:
            return None, _Failure(errors.AnswerTooLarge(self.url, operation, exc.limit), maybe_done=True)
        except zeep.exceptions.Fault as exc:
            return None, self._fault(operation, exc)
        except zeep.exceptions.TransportError as exc:
            return None, self._http_error(operation, exc)
        except urllib3.exceptions.HTTPError as exc:
            return None, self._connection_error(exc)
        except Exception as exc:  # zeep/lxml parse or validation errors, and anything odd
            detail = f"{type(exc).__name__}: {str(exc)[:200]}"
            if transport.phase == "answered":
                return None, _Failure(errors.InvalidResponse(operation, logsafe.redact(detail)), maybe_done=True)
            return None, _Failure(errors.InvalidRequest("INVALID_REQUEST", logsafe.redact(detail)))

    def _fault(self, operation: str, exc: zeep.exceptions.Fault) -> _Failure:
        code = errors.normalise_code(exc.code)
        text = exc.message or ""
        if not code:  # a non-200 answer with XML that is no SOAP fault: like a bare 5xx
            return _Failure(
                errors.ServiceUnavailable("HTTP_ERROR", "server error without a SOAP fault"),
                transient=True,
                maybe_done=True,
            )
        error = errors.error_for(code, text)
        return _Failure(
            error,
            transient=code in TRANSIENT_CODES,
            maybe_done=outcomes.of_call_fault_for(operation, code) is outcomes.Outcome.UNKNOWN,
            rate_limited=code in RATE_LIMIT_CODES,
        )

    def _http_error(self, operation: str, exc: zeep.exceptions.TransportError) -> _Failure:
        status = exc.status_code or 0
        if outcomes.of_http_status(status) is outcomes.Outcome.UNKNOWN:
            return _Failure(
                errors.ServiceUnavailable(
                    f"HTTP_{status}",
                    f"HTTP {status}",
                    message=N_("Allegro at {address} answered with a server error (HTTP {status}). Try again later."),
                    params={"address": self.url, "status": status},
                ),
                transient=True,
                maybe_done=True,
            )
        if status == 200:  # an answer that is not XML
            return _Failure(errors.InvalidResponse(operation, "the answer is not valid XML"), maybe_done=True)
        return _Failure(
            errors.InvalidResponse(operation, f"HTTP {status} from {self.url}; is this a WebAPI address?"),
            # a 4xx means the server refused to take the request in: nothing was done
        )

    def _connection_error(self, exc: urllib3.exceptions.HTTPError) -> _Failure:
        if isinstance(exc, urllib3.exceptions.MaxRetryError) and exc.reason is not None:
            exc = exc.reason
        if isinstance(exc, urllib3.exceptions.SSLError):
            return _Failure(errors.ConnectionFailed(self.url, tls=True, detail="TLS verification failed"))
        if isinstance(exc, urllib3.exceptions.NewConnectionError):  # refused, unreachable, no DNS
            return _Failure(errors.ConnectionFailed(self.url, detail="connection refused"), transient=True)
        if isinstance(exc, urllib3.exceptions.ConnectTimeoutError):  # nothing was sent yet
            return _Failure(errors.ConnectionFailed(self.url, timed_out=True, detail="connect timeout"), transient=True)
        # A read timeout, a ProtocolError and the rest: the request went out, then no answer.
        unknown = outcomes.of_transport(request_sent=True) is outcomes.Outcome.UNKNOWN
        if isinstance(exc, urllib3.exceptions.ReadTimeoutError):
            timed_out = errors.ConnectionFailed(self.url, timed_out=True, detail="read timeout")
            return _Failure(timed_out, transient=True, maybe_done=unknown)
        return _Failure(errors.ConnectionFailed(self.url, detail="connection dropped"), transient=True, maybe_done=unknown)
