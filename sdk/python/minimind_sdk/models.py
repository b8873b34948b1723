"""Typed views of the server's process records and log files (``GET /processes``, ``GET /logfiles``)."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Dict, Mapping, Optional


class ProcessState:
    """The machine readable ``state`` values of the contract."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    STOPPED = "stopped"
    LOST = "lost"

    ACTIVE = frozenset({QUEUED, RUNNING})
    FINISHED = frozenset({SUCCEEDED, FAILED, STOPPED, LOST})


@dataclass(frozen=True)
class Process:
    """One training job as ``GET /processes`` reports it; unknown fields are kept in ``extra``."""

    id: str
    train_type: str
    start_time: Optional[str] = None
    running: bool = False
    error: bool = False
    status: Optional[str] = None
    train_monitor: Optional[str] = None
    swanlab_url: Optional[str] = None
    state: Optional[str] = None
    end_time: Optional[str] = None
    exit_code: Optional[int] = None
    client_id: Optional[str] = None
    extra: Dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Process":
        return _from_dict(cls, data)

    @property
    def effective_state(self) -> str:
        """``state`` when the server sent it, else derived from the legacy ``running``/``error`` flags."""
        if self.state:
            return self.state
        if self.running:
            return ProcessState.RUNNING
        return ProcessState.FAILED if self.error else ProcessState.SUCCEEDED

    @property
    def is_running(self) -> bool:
        return self.effective_state == ProcessState.RUNNING

    @property
    def is_finished(self) -> bool:
        return self.effective_state in ProcessState.FINISHED

    def to_dict(self) -> Dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True)
class LogFile:
    """One of the caller's log files as ``GET /logfiles`` reports it."""

    filename: str
    modified_time: Optional[str] = None
    size: Optional[int] = None
    extra: Dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "LogFile":
        return _from_dict(cls, data)

    def to_dict(self) -> Dict[str, Any]:
        return _to_dict(self)


def _from_dict(cls, data: Mapping[str, Any]):
    if not isinstance(data, Mapping):
        raise ValueError(f"expected a JSON object for {cls.__name__}, got {type(data).__name__}")
    known = {f.name for f in fields(cls)} - {"extra"}
    missing = [name for name in ("id", "train_type", "filename") if name in known and name not in data]
    if missing:
        raise ValueError(f"{cls.__name__} record lacks field {missing[0]!r}: {dict(data)!r}")
    values = {k: v for k, v in data.items() if k in known}
    return cls(**values, extra={k: v for k, v in data.items() if k not in known})


def _to_dict(item) -> Dict[str, Any]:
    result = {f.name: getattr(item, f.name) for f in fields(item) if f.name != "extra"}
    result.update(item.extra)
    return result
