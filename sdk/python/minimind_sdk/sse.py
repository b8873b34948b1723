"""A small server-sent-events parser (the WHATWG event-stream rules) over a binary line reader."""
from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO, Iterator, Optional


@dataclass(frozen=True)
class Event:
    """One dispatched event: its type (``message`` by default), its data and the last event id seen."""

    event: str
    data: str
    id: Optional[str]


def parse_events(stream: BinaryIO) -> Iterator[Event]:
    """Yield events until the stream ends. Data lines are joined with ``\\n`` and one final ``\\n`` dropped,
    so a server that sends a text chunk as one ``data:`` line per ``\\n``-separated piece gets it back exactly.
    """
    event_type, data, last_id, has_data = "", [], None, False
    while True:
        raw = stream.readline()
        if not raw:
            return
        line = raw.decode("utf-8", errors="replace")
        line = line[:-1] if line.endswith("\n") else line
        line = line[:-1] if line.endswith("\r") else line
        if line == "":
            if has_data:
                yield Event(event_type or "message", "\n".join(data), last_id)
            elif event_type:
                yield Event(event_type, "", last_id)
            event_type, data, has_data = "", [], False
            continue
        if line.startswith(":"):
            continue  # comment / keep-alive
        name, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if name == "data":
            data.append(value)
            has_data = True
        elif name == "event":
            event_type = value
        elif name == "id" and "\0" not in value:
            last_id = value
