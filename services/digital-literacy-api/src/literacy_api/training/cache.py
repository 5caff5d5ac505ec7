"""Learners' progress kept in the process, dropped when the database says it changed.

`GET /v1/me/progress` is the hot read: answered from here it costs no round trip (a 304 or the kept
body). The triggers of `literacy_api.sql.progress` notify channel `literacy_progress` with the learners
whose records, certificates or name changed (`*`: everyone, e.g. a course edited); the service's
`Listener` hands each payload to `drop`. While the listener is not connected the cache answers nothing
and keeps nothing.

A read that raced a change is not kept: `begin()` takes the count of notifications before the read, and
`keep()` stores the answer only if none arrived since (it may then be older than the change). What a
reader may see is therefore at most as old as the notification's delivery (milliseconds), as with a
replica, never older.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from literacy_api.sql.progress import EVERYONE


@dataclass(frozen=True)
class KeptProgress:
    etag: str
    body: bytes


class ProgressCache:
    def __init__(self, max_entries: int, listening: Callable[[], bool] = lambda: False) -> None:
        self.max_entries = max_entries
        self._entries: dict[uuid.UUID, KeptProgress] = {}
        self._changes = 0
        self._listening = listening

    @property
    def listening(self) -> bool:
        """Whether notifications are being received (the listener's connection is up)."""
        return self._listening()

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def active(self) -> bool:
        return self.listening and self.max_entries > 0

    def get(self, learner_id: uuid.UUID) -> KeptProgress | None:
        return self._entries.get(learner_id) if self.listening else None

    def begin(self) -> int:
        """Before reading a learner's progress from the database: the token `keep` needs."""
        return self._changes

    def keep(self, learner_id: uuid.UUID, progress: KeptProgress, token: int) -> None:
        if not self.active or token != self._changes:
            return
        if len(self._entries) >= self.max_entries and learner_id not in self._entries:
            # The oldest kept goes first (dicts keep insertion order).
            del self._entries[next(iter(self._entries))]
        self._entries[learner_id] = progress

    def drop(self, payload: str) -> None:
        """A notification: the learners named (comma-separated ids), or everyone."""
        self._changes += 1
        if payload == EVERYONE:
            self._entries.clear()
            return
        for text in payload.split(","):
            try:
                self._entries.pop(uuid.UUID(text), None)
            except ValueError:
                self._entries.clear()
                return

    def reset(self) -> None:
        """The listener (re)connected or dropped: nothing kept may be trusted."""
        self._changes += 1
        self._entries.clear()
