"""HTTP transport on ``urllib``: JSON in and out, bearer auth, error mapping and retries with backoff.

Retry rule: a request that may safely be repeated (``idempotent=True``) is retried on connection failures and
on 5xx answers with exponential backoff. A request that must never run twice (``POST /train``) is retried
only when the connection was refused, which proves the server never received it.
"""
from __future__ import annotations

import http.client
import json
import logging
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any, Callable, Dict, Mapping, Optional

from .errors import MinimindConnectionError, MinimindError, error_for_status

log = logging.getLogger("minimind_sdk")


@dataclass(frozen=True)
class RetryPolicy:
    """Attempts and backoff: the n-th retry waits ``backoff * 2**(n-1)`` seconds, capped at ``max_backoff``."""

    max_retries: int = 3
    backoff: float = 0.5
    max_backoff: float = 8.0

    def delay(self, retry: int) -> float:
        return min(self.max_backoff, self.backoff * (2 ** (retry - 1)))


@dataclass(frozen=True)
class Response:
    """A successful answer: status, headers and the raw body."""

    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8")) if self.body else None

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # A redirect could carry the Authorization header to another host; the contract has none, so refuse.
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102 - urllib hook
        return None


class Transport:
    """Sends requests to one base URL with one credential. The key lives only in this object's header."""

    def __init__(self, base_url: str, api_key: Optional[str], timeout: float,
                 retry: RetryPolicy = RetryPolicy(), sleep: Callable[[float], None] = time.sleep):
        self.base_url = base_url.rstrip("/")
        self._api_key = api_key
        self.timeout = timeout
        self.retry = retry
        self._sleep = sleep
        self._opener = urllib.request.build_opener(_NoRedirect())

    @property
    def has_key(self) -> bool:
        return bool(self._api_key)

    def set_api_key(self, api_key: Optional[str]) -> None:
        self._api_key = api_key

    def url(self, path: str, params: Optional[Mapping[str, Any]] = None) -> str:
        url = self.base_url + path
        if params:
            url += "?" + urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
        return url

    def headers(self, extra: Optional[Mapping[str, str]] = None) -> Dict[str, str]:
        headers = {"User-Agent": "minimind-sdk-python", "Accept": "application/json"}
        if self._api_key:
            headers["Authorization"] = "Bearer " + self._api_key
        headers.update(extra or {})
        return headers

    def request(self, method: str, path: str, *, body: Any = None,
                params: Optional[Mapping[str, Any]] = None, idempotent: bool = True) -> Response:
        """Send one request (with the retries the rule allows) and return the answer or raise its error."""
        data = None if body is None else json.dumps(body).encode("utf-8")
        extra = {"Content-Type": "application/json; charset=utf-8"} if data is not None else None
        attempt, possibly_applied = 0, False
        while True:
            attempt += 1
            req = urllib.request.Request(self.url(path, params), data=data, method=method,
                                         headers=self.headers(extra))
            try:
                return self._send(req, attempt)
            except MinimindError as error:
                error.after_lost_answer = possibly_applied
                if not self._should_retry(error, idempotent, attempt):
                    raise
                # Only a refused connection proves the server never saw this attempt.
                possibly_applied = possibly_applied or not getattr(error, "refused", False)
                delay = self.retry.delay(attempt)
                log.debug("%s %s failed (%s); retry %d in %.1fs", method, path, error, attempt, delay)
                self._sleep(delay)

    def open_stream(self, path: str, headers: Mapping[str, str], timeout: float):
        """Open a streaming GET and return the live ``http.client.HTTPResponse`` (caller closes it)."""
        req = urllib.request.Request(self.url(path), method="GET", headers=self.headers(headers))
        try:
            return self._opener.open(req, timeout=timeout)
        except urllib.error.HTTPError as error:
            raise _http_error(error, 1) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            raise _connection_error(req, error, 1) from None

    def _send(self, req: urllib.request.Request, attempt: int) -> Response:
        try:
            with self._opener.open(req, timeout=self.timeout) as answer:
                return Response(answer.status, dict(answer.headers.items()), answer.read())
        except urllib.error.HTTPError as error:
            raise _http_error(error, attempt) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            raise _connection_error(req, error, attempt) from None

    def _should_retry(self, error: MinimindError, idempotent: bool, attempt: int) -> bool:
        if attempt > self.retry.max_retries:
            return False
        if isinstance(error, MinimindConnectionError):
            return idempotent or error.refused
        return idempotent and error.status is not None and error.status >= 500


def _http_error(error: urllib.error.HTTPError, attempt: int) -> MinimindError:
    raw = error.read() or b""
    message, code = _error_fields(raw, error.code)
    retry_after = _retry_after(error.headers.get("Retry-After") if error.headers else None)
    return error_for_status(error.code, message, code, attempt, retry_after)


def _error_fields(raw: bytes, status: int):
    """The contract's error body is ``{"success": false, "error": ..., "code": ...}``; tolerate others."""
    text = raw.decode("utf-8", errors="replace").strip()
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = None
    if isinstance(parsed, dict):
        message = parsed.get("error") or parsed.get("message") or parsed.get("title")
        return str(message or f"HTTP {status}"), parsed.get("code")
    return (text[:500] or f"HTTP {status}"), None


def _retry_after(value: Optional[str]) -> Optional[float]:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _connection_error(req: urllib.request.Request, error: BaseException, attempt: int) -> MinimindConnectionError:
    reason = getattr(error, "reason", error)
    refused = isinstance(reason, ConnectionRefusedError)
    timed_out = isinstance(reason, (socket.timeout, TimeoutError))
    what = "timed out" if timed_out else "refused" if refused else f"failed: {reason}"
    # The message names method and URL only; never the request headers (they carry the key).
    result = MinimindConnectionError(f"{req.get_method()} {req.full_url} {what}", attempts=attempt)
    result.refused = refused
    return result
