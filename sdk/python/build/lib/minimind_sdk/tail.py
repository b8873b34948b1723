"""Turn repeated ``GET /logs/<id>?lines=N`` answers (the last N lines of a growing file) into the new text.

The route only offers "the last N lines", never "from byte X". So the follower remembers the lines it has
delivered and, on each poll, finds where the fresh tail overlaps them:

* if the answer holds fewer lines than asked for, it is the whole file, and the new lines are simply those
  past the count already delivered (exact);
* otherwise the answer is ``old[-k:] + new`` for some overlap ``k``; the largest ``k`` with
  ``answer[:k] == delivered[-k:]`` is taken. When no overlap exists, more than the budget of lines arrived
  since the last poll, so the budget grows (x4, up to the server's 10000) and the poll is repeated.

Only complete lines are delivered while the job runs: the last line may still be being written. After the
job ended, ``poll(final=True)`` also delivers a last line that has no newline.
"""
from __future__ import annotations

from collections import deque
from typing import Callable, List, Tuple

MAX_LINES = 10000
ANCHOR = 64
BUDGET = 200


class TailFollower:
    """Stateful diff of successive tails; ``fetch(n)`` returns the last ``n`` lines as text."""

    def __init__(self, fetch: Callable[[int], str]):
        self._fetch = fetch
        self._history: deque = deque(maxlen=MAX_LINES)
        self._delivered = 0
        self._first = True

    def poll(self, final: bool = False) -> str:
        """Return the text written since the previous poll ("" when nothing new)."""
        budget = BUDGET
        while True:
            asked = MAX_LINES if self._first else min(MAX_LINES, min(len(self._history), ANCHOR) + budget)
            complete, partial, whole = _split(self._fetch(asked), asked)
            new = self._new_lines(complete, whole)
            if new is None and asked < MAX_LINES:
                budget *= 4
                continue
            # No overlap even at the maximum: more than 10000 lines arrived; deliver what can be seen.
            new = complete if new is None else new
            self._first = False
            self._history.extend(new)
            self._delivered += len(new)
            text = "".join(line + "\n" for line in new)
            return text + partial if final and partial else text

    def _new_lines(self, complete: List[str], whole: bool):
        if self._first:
            return complete
        if whole:
            return complete[self._delivered:]
        return _after_overlap(list(self._history), complete)


def _split(text: str, asked: int) -> Tuple[List[str], str, bool]:
    """Complete lines, the unterminated last line ("" if none), and whether this is the whole file."""
    if not text:
        return [], "", True
    lines = text.split("\n")
    partial = lines.pop()  # "" when the text ends with a newline
    count = len(lines) + (1 if partial else 0)
    return lines, partial, count < asked


def _after_overlap(history: List[str], tail: List[str]):
    """The lines of ``tail`` past its largest overlap with the end of ``history``; None if they do not meet."""
    if not tail:
        return []
    first = tail[0]
    longest = min(len(history), len(tail))
    for k in range(longest, 0, -1):
        if history[-k] == first and history[-k:] == tail[:k]:
            return tail[k:]
    return None
