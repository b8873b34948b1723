"""``MinimindClient``: the whole HTTP contract of the MiniMind training service as Python methods."""
from __future__ import annotations

import os
import time
from typing import Any, Dict, Iterator, List, Optional
from urllib.parse import quote

from .errors import ConflictError, MinimindTimeoutError, NotFoundError
from .follow import LogFollower
from .models import LogFile, Process
from .training import TrainingHelpers
from .transport import RetryPolicy, Transport

DEFAULT_BASE_URL = "http://127.0.0.1:12581"


class MinimindClient(TrainingHelpers):
    """Client of one MiniMind training service for one caller.

    ``base_url`` and ``api_key`` fall back to the ``MINIMIND_BASE_URL`` (default ``http://127.0.0.1:12581``) and
    ``MINIMIND_API_KEY`` environment variables. The key is sent only in the ``Authorization`` header and
    never appears in ``repr``, logs or error messages.
    """

    def __init__(self, base_url: Optional[str] = None, api_key: Optional[str] = None, timeout: float = 30,
                 retry: Optional[RetryPolicy] = None):
        base_url = base_url or os.environ.get("MINIMIND_BASE_URL") or DEFAULT_BASE_URL
        api_key = api_key if api_key is not None else os.environ.get("MINIMIND_API_KEY") or None
        self.timeout = timeout
        self._transport = Transport(base_url, api_key, timeout, retry or RetryPolicy())
        self._stream_supported: Optional[bool] = None  # learnt on the first follow_logs

    @property
    def base_url(self) -> str:
        return self._transport.base_url

    def __repr__(self) -> str:
        key = "set" if self._transport.has_key else "none"
        return f"MinimindClient(base_url={self.base_url!r}, api_key=<{key}>)"

    # --- accounts ------------------------------------------------------------------------------------------
    def register(self, name: str, email: str) -> Dict[str, Any]:
        """Create a client; returns ``client_id``, ``api_key``, ... This client then uses the new key."""
        answer = self._transport.request("POST", "/api/register", body={"name": name, "email": email},
                                         idempotent=False).json()
        self._transport.set_api_key(answer["api_key"])
        return answer

    def me(self) -> Dict[str, Any]:
        """The caller's ``client_id``, ``name``, ``email`` and ``created_at``."""
        return self._get_json("/api/me")

    def health(self) -> bool:
        """True when ``GET /healthz`` answers ``{"status": "ok"}``."""
        return (self._get_json("/healthz") or {}).get("status") == "ok"

    # --- training --------------------------------------------------------------------------------------------
    def train_types(self) -> Any:
        """The server's own table of train types and their parameters (``GET /api/train-types``)."""
        return self._get_json("/api/train-types")

    def start_training(self, train_type: str, **params: Any) -> str:
        """Start a job (``POST /train``) and return its process id. Parameters set to ``None`` are not sent.

        Never silently sent twice: it is retried only when the connection was refused (nothing was sent).
        """
        body = {"train_type": train_type}
        body.update({k: v for k, v in params.items() if v is not None})
        return self._transport.request("POST", "/train", body=body, idempotent=False).json()["process_id"]

    # --- processes -------------------------------------------------------------------------------------------
    def get_processes(self) -> List[Process]:
        """The caller's processes, newest first."""
        return [Process.from_dict(item) for item in self._get_json("/processes")]

    def get_process(self, process_id: str) -> Process:
        """One of the caller's processes; ``NotFoundError`` if unknown or another client's."""
        for process in self.get_processes():
            if process.id == process_id:
                return process
        raise NotFoundError(f"process {process_id!r} not found", 404, "not_found")

    def get_logs(self, process_id: str, lines: int = 200) -> str:
        """The last ``lines`` lines (at most 10000) of a process's log."""
        return self._transport.request("GET", f"/logs/{_seg(process_id)}", params={"lines": lines}).text()

    def stop(self, process_id: str) -> None:
        """Stop a running job (the whole process tree). ``ConflictError`` if it had already finished."""
        try:
            self._transport.request("POST", f"/stop/{_seg(process_id)}")
        except ConflictError as error:
            if error.attempts == 1:
                raise
            # A retry found it finished: the earlier attempt, whose answer was lost, stopped it.

    def delete(self, process_id: str) -> None:
        """Stop the job if it runs, then remove its record and log file."""
        try:
            self._transport.request("POST", f"/delete/{_seg(process_id)}")
        except NotFoundError as error:
            if error.attempts == 1:
                raise
            # A retry no longer finds it: the earlier attempt, whose answer was lost, deleted it.

    def wait(self, process_id: str, timeout: Optional[float] = None, poll_interval: float = 2.0) -> Process:
        """Poll until the job has finished and return its final record; ``MinimindTimeoutError`` on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            process = self.get_process(process_id)
            if process.is_finished:
                return process
            if deadline is not None and time.monotonic() + poll_interval > deadline:
                raise MinimindTimeoutError(f"process {process_id} still {process.effective_state} "
                                           f"after {timeout}s")
            time.sleep(poll_interval)

    def wait_until_running(self, process_id: str, timeout: float = 120, poll_interval: float = 0.5) -> Process:
        """Poll until the job runs (or already finished); ``MinimindTimeoutError`` on timeout."""
        deadline = time.monotonic() + timeout
        while True:
            process = self.get_process(process_id)
            if process.is_running or process.is_finished:
                return process
            if time.monotonic() > deadline:
                raise MinimindTimeoutError(f"process {process_id} not running after {timeout}s")
            time.sleep(poll_interval)

    def follow_logs(self, process_id: str, poll_interval: float = 1.0, timeout: Optional[float] = None,
                    reconnect_timeout: float = 60.0) -> Iterator[str]:
        """Yield new log text as it is written until the job ends (the last unterminated line included).

        Uses the server-sent-events route when the server offers it, else polls; resumes where it left off
        after a dropped connection.
        """
        return iter(LogFollower(self, process_id, poll_interval, reconnect_timeout, timeout))

    # --- log files ---------------------------------------------------------------------------------------------
    def get_logfiles(self) -> List[LogFile]:
        """The caller's log files, newest first."""
        return [LogFile.from_dict(item) for item in self._get_json("/logfiles")]

    def get_logfile_content(self, filename: str) -> str:
        """The whole content of one of the caller's log files."""
        return self._transport.request("GET", f"/logfile-content/{_seg(filename)}").text()

    def delete_logfile(self, filename: str) -> None:
        """Delete a log file; ``ConflictError`` while its job still runs."""
        try:
            self._transport.request("DELETE", f"/delete-logfile/{_seg(filename)}")
        except NotFoundError as error:
            if error.attempts == 1:
                raise

    def _get_json(self, path: str) -> Any:
        return self._transport.request("GET", path).json()


def _seg(value: str) -> str:
    """Quote a path segment so an id or filename can never change the route it is sent to."""
    if not isinstance(value, str) or not value:
        raise ValueError(f"process id or log filename must be a non-empty string, got {value!r}")
    return quote(value, safe="")
