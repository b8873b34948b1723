"""Exception family of the SDK: every failure carries the HTTP status, the server's ``code`` and its message.

The API key never appears in any of these messages: they are built only from the server's answer and from
the request's method and path.
"""
from __future__ import annotations

import builtins
from typing import Optional


class MinimindError(Exception):
    """Base of every SDK error.

    ``status`` is the HTTP status (``None`` when no answer arrived), ``code`` the server's machine code
    (``not_found``, ``validation_failed``, ...) and ``message`` its human readable text.
    """

    def __init__(self, message: str, status: Optional[int] = None, code: Optional[str] = None,
                 attempts: int = 1):
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        # How many times the request was tried, and whether an earlier try may have reached the server with
        # its answer lost: then a 409/404 on the retry can mean "my earlier try already did it".
        self.attempts = attempts
        self.after_lost_answer = False

    def __str__(self) -> str:
        parts = [self.message]
        if self.status is not None:
            parts.append(f"(HTTP {self.status}" + (f", {self.code})" if self.code else ")"))
        return " ".join(parts)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status!r}, code={self.code!r}, message={self.message!r})"


class ValidationError(MinimindError):
    """400: the request was refused; the message names the field or file."""


class AuthenticationError(MinimindError):
    """401: the API key is missing, wrong or expired."""


class NotFoundError(MinimindError):
    """404: no such process or log file for this client (another client's things look missing too)."""


class ConflictError(MinimindError):
    """409: the thing is in the wrong state (job already finished, email registered, log still written)."""


class PayloadTooLargeError(MinimindError):
    """413: the request body is over the server's limit."""


class RateLimitError(MinimindError):
    """429: too many requests; ``retry_after`` holds the server's hint in seconds when it sent one."""

    def __init__(self, message: str, status: Optional[int] = 429, code: Optional[str] = None,
                 attempts: int = 1, retry_after: Optional[float] = None):
        super().__init__(message, status, code, attempts)
        self.retry_after = retry_after


class ServerError(MinimindError):
    """5xx: the server failed; idempotent requests were already retried before this is raised."""


class MinimindConnectionError(MinimindError, builtins.ConnectionError):
    """No answer: the server could not be reached or the connection dropped (after the retries).

    ``refused`` is true when the connection was refused, which proves the request never reached the server.
    """

    refused = False


class MinimindTimeoutError(MinimindError, builtins.TimeoutError):
    """A client-side wait (``wait``, ``follow_logs``) ran out of time."""


_BY_STATUS = {
    400: ValidationError,
    401: AuthenticationError,
    403: AuthenticationError,
    404: NotFoundError,
    409: ConflictError,
    413: PayloadTooLargeError,
    429: RateLimitError,
}


def error_for_status(status: int, message: str, code: Optional[str], attempts: int = 1,
                     retry_after: Optional[float] = None) -> MinimindError:
    """Build the exception that fits an HTTP error answer."""
    if status == 429:
        return RateLimitError(message, status, code, attempts, retry_after)
    if status >= 500:
        return ServerError(message, status, code, attempts)
    return _BY_STATUS.get(status, MinimindError)(message, status, code, attempts)
