"""The sandbox's HTTP server: the WebAPI at /service.php, the control interface at /sandbox/.

A waitress (threaded WSGI) server runs in a background thread. SOAP requests are
parsed and answered outside the shop lock; only the operation itself holds it.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import traceback
from email.utils import formatdate
from http import HTTPStatus
from pathlib import Path

from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import create_server
from waitress.task import WSGITask

from . import soap
from .calls import CallRecorder
from .demo import demo_shop
from .control_api import MAX_CONTROL_BODY, ControlApi, RawJson
from .faults import WebApiFault
from .injection import Decision, FaultPlan
from .loopback import is_loopback, refuse_remote
from .rest.app import Drop, RestFace
from .shop import Shop
from .state_file import StateSaver, read
from .webapi import NotImplementedOperation, WebApi

log = logging.getLogger(__name__)

MAX_SOAP_BODY = 10 * 1024 * 1024
# waitress refuses anything larger itself (413) without reading it.
HARD_BODY_LIMIT = MAX_CONTROL_BODY + 1024 * 1024
SERVICE_PATH = "/service.php"
XML = "text/xml; charset=utf-8"


class DropConnection(ConnectionAbortedError):
    """Raised by the app to close the connection without any HTTP response.

    waitress treats an OSError from the app as a socket error: with
    log_socket_errors off it closes the channel and writes nothing.
    """


ARRIVED = "sandbox.arrived"  # WSGI environ key: time.monotonic() of a request's first bytes
LOOP_FLUSHES_FROM = 256 * 1024  # output waiting beyond this is flushed by the event loop too


class _StampedRequest(HTTPRequestParser):
    """A request that remembers when its first bytes arrived: added latency counts from there.

    waitress creates the parser on the event loop as the bytes come in, before a worker
    thread takes the request, so the time spent handing it over counts as latency too.
    """

    def __init__(self, adj):
        super().__init__(adj)
        self.arrived = time.monotonic()


class _StampedTask(WSGITask):
    def get_environment(self):
        environ = super().get_environment()
        environ[ARRIVED] = getattr(self.request, "arrived", None)
        return environ


class _StampedChannel(HTTPChannel):
    parser_class = _StampedRequest
    task_class = _StampedTask

    def writable(self):
        # While a worker serves this channel it sends a small answer itself; the loop polling
        # for writability would only spin and take the GIL from it. Big backlogs: the loop.
        if self.requests and self.total_outbufs_len < LOOP_FLUSHES_FROM \
                and not (self.will_close or self.close_when_flushed):
            return False
        return super().writable()


class SandboxServer:
    """The Allegro WebAPI sandbox on a real HTTP port."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, state_file=None, seed: int = 1,
                 offers: int = 60, latency_ms: int = 0, allow_remote: bool = False,
                 threads: int = 16, strict_responses: bool = False):
        refuse_remote(host, allow_remote)
        self.host = host
        self.requested_port = port
        self.state_file = Path(state_file) if state_file else None
        self.seed = seed
        self.offers_count = offers
        self.threads = threads
        self.strict_responses = strict_responses
        self.contract = soap.contract()
        self.shop = Shop(seed)
        self.api = WebApi(self.shop)
        self.calls = CallRecorder()
        self.faults = FaultPlan(latency_ms, operations=self.contract.operation_names())
        self.rest = RestFace(self.shop, self.calls, self.faults, lambda: self.base_url)
        self.faults.allow_operations(self.rest.operations)
        self.control = ControlApi(self)
        self.control.routes.update(self.rest.control_routes())
        self._server = None
        self._thread: threading.Thread | None = None
        self._saver: StateSaver | None = None
        self.port: int | None = None
        self._wsdl: bytes | None = None

    # -- addresses ------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        if self.port is None:
            raise RuntimeError("The sandbox is not running.")
        host = self.host
        if host in ("0.0.0.0", "::", ""):
            host = "127.0.0.1"
        elif ":" in host and not host.startswith("["):
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    @property
    def url(self) -> str:
        return self.base_url + SERVICE_PATH

    @property
    def wsdl_url(self) -> str:
        return self.url + "?wsdl"

    @property
    def rest_url(self) -> str:
        """The REST face's base: OAuth under /auth/oauth/, the API under /me, /sale, /order."""
        return self.base_url

    # -- life cycle -----------------------------------------------------------------------
    def start(self) -> "SandboxServer":
        if self._server is not None:
            return self
        self._load_state()
        self._server = create_server(
            self.wsgi, host=self.host.strip("[]"), port=self.requested_port,
            threads=self.threads, ident="Allegro WebAPI sandbox",
            log_socket_errors=False, expose_tracebacks=False,
            max_request_body_size=HARD_BODY_LIMIT, channel_timeout=60,
            connection_limit=200, asyncore_use_poll=True, asyncore_loop_timeout=1,
        )
        self._server.channel_class = _StampedChannel
        self.port = self._server.effective_port
        self._wsdl = self.contract.wsdl_for(self.url)
        self._thread = threading.Thread(target=self._serve, name="sandbox-http", daemon=True)
        self._thread.start()
        if self.state_file is not None:
            self._saver = StateSaver(self.shop, self.state_file)
            self._saver.save()
            self._saver.start()
        return self

    def _serve(self) -> None:
        try:
            self._server.run()
        except Exception:  # pragma: no cover - the loop ends when stop() closes it
            pass

    def _load_state(self) -> None:
        if self.state_file is not None and self.state_file.exists():
            self.shop.load_dict(read(self.state_file))
        else:
            self.shop.reset(self.seed, demo_shop(self.seed, self.offers_count))

    def save_state(self) -> bool:
        return self._saver.save() if self._saver else False

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        # waitress has no public shutdown: close every channel (listener included),
        # which empties the asyncore map and ends the loop, then stop the workers.
        server.logger.setLevel(logging.CRITICAL)

        def close_all() -> None:
            for channel in list(server._map.values()):
                try:
                    channel.handle_close()
                except Exception:
                    pass

        if self._thread is not None and self._thread.is_alive():
            # Closed from the loop's own thread, the loop ends at once; closed from here,
            # it would sit in poll() for up to its 1 s timeout first.
            try:
                server.trigger.pull_trigger(close_all)
                self._thread.join(timeout=5)
            except OSError:  # the loop already closed its trigger (it is ending): close from here
                pass
        while server._map:
            close_all()
        server.task_dispatcher.shutdown(timeout=5)
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._saver is not None:
            self._saver.stop()
            self._saver = None

    def __enter__(self) -> "SandboxServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- WSGI -------------------------------------------------------------------------------
    def wsgi(self, environ, start_response):
        method = environ["REQUEST_METHOD"]
        path = environ.get("PATH_INFO", "")
        query = environ.get("QUERY_STRING", "")
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return self._plain(start_response, 400, "Bad Content-Length.")
        if path == SERVICE_PATH:
            if method == "GET" and "wsdl" in query.lower():
                return self._send(start_response, 200, XML, self._wsdl)
            if method != "POST":
                return self._plain(start_response, 405,
                                   f"POST SOAP 1.1 requests here; the WSDL is at {self.wsdl_url}",
                                   [("Allow", "GET, POST")])
            if length > MAX_SOAP_BODY:
                return self._plain(start_response, 400, "The request body is larger than 10 MB.")
            body = environ["wsgi.input"].read(length) if length else b""
            status, payload = self.soap_call(body, environ.get(ARRIVED))
            kind = XML if payload.startswith(b"<?xml") else "text/html; charset=utf-8"
            return self._send(start_response, status, kind, payload)
        if path.startswith("/sandbox/"):
            body = environ["wsgi.input"].read(length) if length else b""
            status, answer = self.control.handle(method, path, query, body)
            if isinstance(answer, RawJson):
                data = answer.data
            else:  # compact, like the offer list: 20,000 offers are 7 MB of JSON
                data = json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode()
            return self._send(start_response, status, "application/json; charset=utf-8", data)
        if RestFace.serves(path):
            return self._rest(environ, start_response)
        if path in ("", "/"):
            return self._plain(start_response, 200,
                               f"Allegro WebAPI sandbox. WSDL: {self.wsdl_url}\n"
                               f"REST: {self.rest_url}\n")
        return self._plain(start_response, 404, "Not found.")

    def _rest(self, environ, start_response):
        try:
            answer = self.rest.handle(environ, environ.get(ARRIVED))
        except Drop as exc:
            raise DropConnection(str(exc)) from None
        # Date on the sandbox's clock (it may be moved), as Allegro's is on its own
        extra = (("trace-id", self.rest.trace_id()), ("Date", formatdate(self.shop.now(), usegmt=True)),
                 *answer.headers)
        return self._send(start_response, answer.status, answer.content_type,
                          self.rest.encode(answer), extra)

    @staticmethod
    def _send(start_response, status: int, content_type: str, data: bytes, extra=()):
        try:
            reason = HTTPStatus(status).phrase
        except ValueError:
            reason = "Error"
        start_response(f"{status} {reason}", [("Content-Type", content_type),
                                              ("Content-Length", str(len(data))), *extra])
        return [data]

    def _plain(self, start_response, status: int, text: str, extra=()):
        return self._send(start_response, status, "text/plain; charset=utf-8",
                          text.encode("utf-8"), extra)

    # -- one SOAP call ------------------------------------------------------------------------
    def soap_call(self, body: bytes, arrived: float | None = None) -> tuple[int, bytes]:
        """(HTTP status, envelope) for one request; may raise DropConnection.

        Added latency stands for the round trip to a remote API: the operation runs half
        way through it, and the answer leaves no sooner than the whole latency after the
        request arrived (``arrived``, a ``time.monotonic()``; now when not given). So the
        sandbox's own work happens within the latency instead of adding to it, as a real
        server's does. Delay rules hold the operation back and push the answer back as much
        ("after" delay rules: the operation runs at once, only its answer waits).
        """
        if arrived is None:
            arrived = time.monotonic()
        try:
            request = self.contract.parse_request(body)
        except soap.SoapRequestError as exc:
            self.calls.record("invalid_request", [], "client_fault", False, self.shop.now())
            return 500, soap.build_fault(exc.faultcode, str(exc), "Client error.")
        operation = request.operation
        try:
            item_ids = self.api.item_ids(operation, request.params)
        except (KeyError, TypeError):
            item_ids = []
        decision = self.faults.decide(operation)
        answer_at = arrived + decision.delay_s + decision.latency_s + decision.answer_delay_s
        with self.api.under_way(operation, request.params):
            _sleep_until(arrived + decision.delay_s + decision.latency_s / 2)
            if decision.before is not None:
                _sleep_until(answer_at)
                return self._injected(decision.before, operation, item_ids, executed=False)
            return self._carry_out(operation, request, item_ids, decision, answer_at)

    def _carry_out(self, operation, request, item_ids, decision, answer_at: float) -> tuple[int, bytes]:
        """Run the operation and answer it (or the "after" rule's trouble) at `answer_at`."""
        executed = False
        try:
            fields = self.api.handle(operation, request.params)
            payload = self.contract.build_response(operation, fields)
            status, outcome, executed = 200, "ok", True
        except WebApiFault as fault:
            status, outcome = 500, fault.code
            payload = soap.build_fault(fault.code, fault.polish, fault.english)
        except NotImplementedOperation:
            status, outcome = 500, "not_implemented"
            payload = soap.build_fault(
                "SOAP-ENV:Server", f"The sandbox does not emulate {operation}.",
                "Operation not implemented by the sandbox.")
        except Exception:
            log.error("Sandbox failure in %s:\n%s", operation, traceback.format_exc())
            status, outcome = 500, "ERR_INTERNAL_SYSTEM_ERROR"
            payload = soap.build_fault("ERR_INTERNAL_SYSTEM_ERROR", "Wewnętrzny bład systemu.",
                                       "Internal System Error.")
        if self.strict_responses and status == 200:
            problem = self.contract.validate_response(payload)
            if problem is not None:
                raise AssertionError(f"{operation} response breaks the WSDL: {problem}")
            if payload != self.contract.build_response_zeep(operation, fields):
                raise AssertionError(f"{operation} response differs from zeep's serialiser")
        if decision.after is not None:
            _sleep_until(answer_at)
            return self._injected(decision.after, operation, item_ids, executed=executed)
        self.calls.record(operation, item_ids, outcome, executed, self.shop.now())
        _sleep_until(answer_at)
        return status, payload

    def _injected(self, rule, operation: str, item_ids: list[int], executed: bool):
        now = self.shop.now()
        if rule.kind == "drop":
            self.calls.record(operation, item_ids, "dropped", executed, now)
            raise DropConnection(f"sandbox dropped {operation}")
        if rule.kind == "http500":
            self.calls.record(operation, item_ids, "http500", executed, now)
            return 500, b"<html><body><h1>500 Internal Server Error</h1></body></html>"
        fault = WebApiFault(rule.code)
        self.calls.record(operation, item_ids, fault.code, executed, now)
        return 500, soap.build_fault(fault.code, fault.polish, fault.english)


def _sleep_until(moment: float) -> None:
    """Sleep (holding no lock) until time.monotonic() reaches ``moment``."""
    left = moment - time.monotonic()
    if left > 0:
        time.sleep(left)


__all__ = ["SandboxServer", "DropConnection", "is_loopback", "Decision"]
