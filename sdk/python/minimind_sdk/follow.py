"""``follow_logs``: deliver a job's log text as it is written, until the job ends.

Preferred source: ``GET /api/processes/<id>/logs/stream`` (server-sent events: ``log`` events whose data is
``{"text": "<whole lines>"}``, ``id:`` the byte offset after them, a final ``end`` event once the job ended and
everything was sent; a reconnect sends ``Last-Event-ID`` to resume exactly there). When the server does not offer that
route (404 while the process itself exists), the follower polls ``GET /logs/<id>`` (see ``tail.py``).
Dropped connections are survived in both modes for up to ``reconnect_timeout`` seconds without an answer.
"""
from __future__ import annotations

import http.client
import json
import socket
import time
from typing import TYPE_CHECKING, Iterator, Optional

from .errors import MinimindConnectionError, MinimindError, MinimindTimeoutError, NotFoundError, ServerError
from .sse import parse_events
from .tail import TailFollower

if TYPE_CHECKING:  # pragma: no cover
    from .client import MinimindClient

END_EVENTS = frozenset({"end", "eof", "done", "finished", "close"})
TEXT_EVENTS = frozenset({"log", "message"})


class LogFollower:
    """One follow session; iterate it to receive text chunks."""

    def __init__(self, client: "MinimindClient", process_id: str, poll_interval: float = 1.0,
                 reconnect_timeout: float = 60.0, timeout: Optional[float] = None, use_stream: bool = True):
        self.client = client
        self.process_id = process_id
        self.poll_interval = poll_interval
        self.reconnect_timeout = reconnect_timeout
        self.deadline = None if timeout is None else time.monotonic() + timeout
        self.use_stream = use_stream
        self.last_event_id: Optional[str] = None

    def __iter__(self) -> Iterator[str]:
        if self.use_stream and self.client._stream_supported is not False:
            stream = self._from_stream()
            if next(stream, None) is not None:  # the stream route answered: stay on it
                yield from stream
                return
        yield from self._from_polling()

    # --- server-sent events -------------------------------------------------------------------------------
    def _from_stream(self) -> Iterator[str]:
        """Yields "" once as a marker that the stream route answered, then the chunks."""
        path = f"/api/processes/{_quote(self.process_id)}/logs/stream"
        outage = _Outage(self.reconnect_timeout)
        announced = False
        while True:
            self._check_deadline()
            headers = {"Accept": "text/event-stream", "Cache-Control": "no-cache"}
            if self.last_event_id is not None:
                headers["Last-Event-ID"] = self.last_event_id
            try:
                response = self.client._transport.open_stream(path, headers, self._read_timeout())
            except NotFoundError:
                if self.client._stream_supported or self.last_event_id is not None:
                    raise
                self.client.get_process(self.process_id)  # raises NotFoundError if the job is unknown
                self.client._stream_supported = False
                return
            except (MinimindConnectionError, ServerError):
                outage.failed()
                time.sleep(min(self.poll_interval, 1.0))
                continue
            outage.ok()
            if "text/event-stream" not in (response.headers.get("Content-Type") or ""):
                response.close()  # e.g. a server that ignores Accept; polling is then the safe choice
                self.client._stream_supported = False
                return
            self.client._stream_supported = True
            if not announced:
                announced = True
                yield ""
            ended, got_data = yield from self._read_events(response)
            if ended or (not got_data and self.client.get_process(self.process_id).is_finished):
                return
            if not got_data:
                time.sleep(self.poll_interval)  # the server closed a quiet stream; do not spin

    def _read_events(self, response):
        """Yield the data of one connection's events; returns (ended by an end event, anything received)."""
        ended = got_data = False
        try:
            with response:
                for event in parse_events(response):
                    if event.id is not None:
                        self.last_event_id = event.id
                    if event.event in END_EVENTS:
                        ended = True
                        break
                    if event.event == "error":
                        raise MinimindError(_field(event.data, "error") or "the log stream failed", code="log_stream")
                    text = _field(event.data, "text") if event.event in TEXT_EVENTS else ""
                    if text:
                        got_data = True
                        yield text
        except (OSError, socket.timeout, http.client.HTTPException):
            # Dropped mid-stream or quiet past the read timeout: reconnect with Last-Event-ID. Not an outage
            # by itself; only failures to connect count towards reconnect_timeout.
            got_data = True
        return ended, got_data

    # --- polling -------------------------------------------------------------------------------------------
    def _from_polling(self) -> Iterator[str]:
        tail = TailFollower(lambda n: self.client.get_logs(self.process_id, lines=n))
        outage = _Outage(self.reconnect_timeout)
        while True:
            self._check_deadline()
            try:
                finished = self.client.get_process(self.process_id).is_finished
                text = tail.poll(final=finished)
                outage.ok()
            except (MinimindConnectionError, ServerError):
                outage.failed()
                time.sleep(self.poll_interval)
                continue
            if text:
                yield text
            if finished:
                return
            time.sleep(self.poll_interval)

    def _read_timeout(self) -> float:
        # A quiet job sends nothing for a while; the read timeout only bounds how long a dead connection goes
        # unnoticed (then the follower checks the job and reconnects).
        return max(self.client.timeout, 30.0)

    def _check_deadline(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise MinimindTimeoutError(f"following the log of {self.process_id} timed out")


class _Outage:
    """Tracks how long the server has been unreachable; gives up after ``limit`` seconds."""

    def __init__(self, limit: float):
        self.limit = limit
        self.since: Optional[float] = None

    def ok(self) -> None:
        self.since = None

    def failed(self) -> None:
        now = time.monotonic()
        self.since = self.since or now
        if now - self.since > self.limit:
            raise MinimindConnectionError(f"server unreachable for more than {self.limit:.0f}s while following logs")


def _field(data: str, name: str) -> str:
    """An event's payload: the ``name`` field of a JSON object (``{"text": ...}``), else the raw data."""
    try:
        parsed = json.loads(data)
    except ValueError:
        return data
    return str(parsed.get(name) or "") if isinstance(parsed, dict) else data


def _quote(value: str) -> str:
    from urllib.parse import quote
    return quote(value, safe="")
