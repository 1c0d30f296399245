"""One httpx client for Allegro's REST API: bearer token with one retry after a refresh,
429 waits (Retry-After, else a minute), the whole-call deadline and the answer-size limit
of core/allegro/limits.py enforced while the answer streams in."""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import httpx

from core.allegro import limits
from core.allegro.errors import (
    AnswerTooLarge,
    CallTooSlow,
    ConnectionFailed,
    RateLimited,
)

MEDIA = "application/vnd.allegro.public.v1+json"
RATE_LIMIT_WAIT = 60.0  # Allegro blocks a client id for a minute (FACTS §7)


class TokenSource(Protocol):
    def access_token(self) -> str: ...

    def refreshed(self, rejected: str) -> str: ...


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    body: object
    headers: httpx.Headers

    def errors(self) -> list[dict]:
        """ErrorsHolder's errors, or the OAuth shape as one error."""
        if isinstance(self.body, dict):
            if isinstance(self.body.get("errors"), list):
                return [e for e in self.body["errors"] if isinstance(e, dict)]
            if "error" in self.body:
                return [{"code": self.body["error"], "message": self.body.get("error_description", "")}]
        return []


class SentNoAnswer(Exception):
    """The request may have left but no whole answer came back (outcome UNKNOWN)."""

    def __init__(self, error: Exception, sent: bool) -> None:
        self.error = error
        self.sent = sent
        super().__init__(str(error))


class RestTransport:
    def __init__(
        self,
        api_base: str,
        tokens: TokenSource,
        *,
        timeout: float = 30.0,
        max_connections: int = 4,
        rate_limit_retries: int = 2,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.api_base = api_base.rstrip("/")
        self.tokens = tokens
        self.sleep = sleep
        self.rate_limit_retries = rate_limit_retries
        self.calls = 0
        self.client = httpx.Client(
            base_url=self.api_base,
            timeout=httpx.Timeout(timeout),
            limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections),
            headers={"Accept": MEDIA},
            trust_env=False,
            transport=transport,
        )

    def close(self) -> None:
        self.client.close()

    def request(self, method: str, path: str, *, params=None, body=None) -> Answer:
        """One call, with a refreshed token after a 401 and waits after a 429. Raises
        SentNoAnswer when the outcome cannot be known, ConnectionFailed when nothing left."""
        token = self.tokens.access_token()
        refreshed = False
        waits = 0
        while True:
            answer = self._once(method, path, params, body, token)
            if answer.status == 401 and not refreshed:
                token = self.tokens.refreshed(token)
                refreshed = True
                continue
            if answer.status == 429 and waits < self.rate_limit_retries:
                waits += 1
                self.sleep(_retry_after(answer.headers))
                continue
            if answer.status == 429:
                raise RateLimited("429", f"{method} {path}")
            return answer

    def _once(self, method, path, params, body, token) -> Answer:
        budget = limits.AnswerBudget(limits.CallLimits.current())
        headers = {"Authorization": f"Bearer {token}"}
        content = None
        if body is not None:
            headers["Content-Type"] = MEDIA
            content = json.dumps(body).encode()
        request = self.client.build_request(method, path, params=params, content=content, headers=headers)
        self.calls += 1
        sent = False
        response = None
        watch = None
        try:
            response = self.client.send(request, stream=True)
            sent = True
            watch = limits.WATCHDOG.watch(budget.deadline_at, response.close)
            budget.check_declared(response.headers.get("content-length"))
            chunks = []
            for chunk in response.iter_bytes(limits.CHUNK):
                budget.take(len(chunk))
                chunks.append(chunk)
            raw = b"".join(chunks)
        except limits.AnswerTooLarge:
            raise AnswerTooLarge(self.api_base, f"{method} {path}", budget.limits.max_bytes) from None
        except limits.DeadlinePassed:
            raise SentNoAnswer(CallTooSlow(self.api_base, budget.limits.deadline), True) from None
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            raise ConnectionFailed(self.api_base, timed_out=isinstance(error, httpx.ConnectTimeout)) from None
        except httpx.HTTPError as error:
            if budget.remaining() <= 0:
                raise SentNoAnswer(CallTooSlow(self.api_base, budget.limits.deadline), True) from None
            timed_out = isinstance(error, httpx.TimeoutException)
            raise SentNoAnswer(ConnectionFailed(self.api_base, timed_out=timed_out, detail=str(error)), True) from None
        finally:
            if watch is not None:
                limits.WATCHDOG.cancel(watch)
            if response is not None:
                response.close()
        try:
            data = json.loads(raw) if raw else None
        except ValueError:
            data = None
        return Answer(response.status_code, data, response.headers)


def _retry_after(headers: httpx.Headers) -> float:
    try:
        return max(0.0, min(float(headers.get("retry-after", "")), 600.0))
    except ValueError:
        return RATE_LIMIT_WAIT
