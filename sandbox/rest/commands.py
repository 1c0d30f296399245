"""Quantity-change and publication commands: client UUIDs, tasks done on the sandbox clock.

A PUT answers 201 with zero counts; its tasks stay NEW until ``delay`` seconds of the
sandbox clock have passed, then each offer's change is made (SUCCESS) or refused (FAIL)
the next time anyone looks at the world (``Shop.tick_hooks``), through either face.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..shop import Shop
from . import views, world
from .errors import RestError
from .offers import parse_time
from .request import Request, check_shape

if TYPE_CHECKING:  # pragma: no cover
    from .app import RestFace

MAX_OFFERS = 1000
DEFAULT_DELAY = 1  # seconds of the sandbox clock before a command's tasks are done
CRITERIA = [{"type": ("CONTAINS_OFFERS",), "offers": [{"id": str}]}]
QUANTITY_SHAPE = {
    "modification": {"changeType": ("FIXED", "GAIN"), "value": int},
    "offerCriteria": CRITERIA,
}
PUBLICATION_SHAPE = {
    "publication": {"action": ("ACTIVATE", "END"), "scheduledFor": str},
    "offerCriteria": CRITERIA,
}
QUANTITY, PUBLICATION = "quantity", "publication"
# FACTS §3.1: FIXED 0 refused at once (2020) or as a FAIL task (2025). The 2020 reading.
ZERO_QUANTITY_AS_FAILED_TASK = False


@dataclass
class Task:
    offer_id: str
    status: str = "NEW"
    message: str = ""
    errors: list = field(default_factory=list)


@dataclass
class Command:
    id: str
    kind: str
    created_at: int
    due_at: int
    action: str  # FIXED / GAIN / ACTIVATE / END
    value: int | None
    scheduled_for: int | None
    tasks: list[Task]
    completed_at: int | None = None


class CommandBook:
    """Both kinds of commands; settled from the shop's tick, under the shop lock."""

    def __init__(self, shop: Shop):
        self.shop = shop
        self.delay = DEFAULT_DELAY
        self._commands: dict[tuple[str, str], Command] = {}
        self._pending: list[Command] = []
        self._lock = threading.Lock()
        shop.tick_hooks.append(self.settle)

    # -- the world moves --------------------------------------------------------------------
    def settle(self, now: int) -> None:
        """Do the tasks of every command whose time has come (shop lock held)."""
        if not self._pending:
            return
        with self._lock:
            due = [c for c in self._pending if c.due_at <= now]
            if not due:
                return
            self._pending = [c for c in self._pending if c.due_at > now]
        for command in due:
            for task in command.tasks:
                self._do(command, task, now)
            command.completed_at = now

    def _do(self, command: Command, task: Task, now: int) -> None:
        shop = self.shop
        try:
            offer = world.find(shop, task.offer_id, now)
            if command.kind == QUANTITY:
                current = offer.remaining
                target = command.value if command.action == "FIXED" else current + command.value
                if target < 1:
                    raise RestError(
                        "INVALID_OFFER_QUANTITY",
                        status=422,
                        message="The quantity can not be changed to less than 1.",
                    )
                world.set_stock(shop, offer, target, now, "modification.value")
            elif command.action == "END":
                world.end(shop, offer, now)
            else:
                world.activate(shop, offer, now, command.scheduled_for)
            task.status = "SUCCESS"
        except RestError as exc:
            task.status = "FAIL"
            task.message = exc.message
            task.errors = exc.body(polish=False)["errors"]

    # -- HTTP -----------------------------------------------------------------------------------
    def put(self, face: "RestFace", req: Request, kind: str):
        command_id = _command_id(req.params["commandId"])
        body = req.json()
        check_shape(body, QUANTITY_SHAPE if kind == QUANTITY else PUBLICATION_SHAPE)
        ids = _offer_ids(body)
        value = scheduled = None
        if kind == QUANTITY:
            action, value = _quantity_change(body)
        else:
            action, scheduled = self._publication_change(body)
        face.limits.offer_changes(req.token, len(ids))
        command = self._file(kind, command_id, action, value, scheduled, ids)
        answer = _report(command)
        answer["taskCount"] = {"total": 0, "success": 0, "failed": 0}
        return 201, answer

    def _publication_change(self, body: dict) -> tuple[str, int | None]:
        """The publication action and, for a scheduled ACTIVATE, its time (not in the past)."""
        publication = body.get("publication") or {}
        action = publication.get("action")
        if action is None:
            raise RestError("MissingJSONProperty", path="publication.action", status=422)
        scheduled = None
        if action == "ACTIVATE" and publication.get("scheduledFor"):
            scheduled = parse_time(publication["scheduledFor"], "publication.scheduledFor")
            if scheduled < self.shop.now():
                raise RestError("ScheduledInThePastException", path="publication.scheduledFor")
        return action, scheduled

    def _file(self, kind: str, command_id: str, action: str, value, scheduled, ids: list) -> Command:
        """Keep a new command to be done after the delay; a command id is used once per kind."""
        with self.shop.lock:
            now = self.shop.now()
            with self._lock:
                if (kind, command_id) in self._commands:
                    raise RestError("CommandIdAlreadyUsedException")
                command = Command(
                    command_id,
                    kind,
                    now,
                    now + self.delay,
                    action,
                    value,
                    scheduled,
                    [Task(i) for i in ids],
                )
                self._commands[(kind, command_id)] = command
                self._pending.append(command)
        return command

    def _get(self, kind: str, raw_id: str) -> Command:
        command_id = _command_id(raw_id)
        with self.shop.lock:
            self.shop.tick()
        command = self._commands.get((kind, command_id))
        if command is None:
            raise RestError("CommandNotFoundException")
        return command

    def report(self, face: "RestFace", req: Request, kind: str):
        command = self._get(kind, req.params["commandId"])
        with self.shop.lock:  # not half way through a settle
            return 200, _report(command)

    def clear(self) -> None:
        """Forget every command (the world they named was reset)."""
        with self._lock:
            self._commands.clear()
            self._pending.clear()

    def tasks(self, face: "RestFace", req: Request, kind: str):
        limit = req.integer("limit", 100, 1, 1000, status=422)
        offset = req.integer("offset", 0, 0, 999, status=422)
        command = self._get(kind, req.params["commandId"])
        with self.shop.lock:
            page = command.tasks[offset : offset + limit]
            return 200, {
                "tasks": [
                    {
                        "offer": {"id": t.offer_id},
                        "field": kind,
                        "status": t.status,
                        "message": t.message,
                        "errors": t.errors,
                    }
                    for t in page
                ]
            }


def _command_id(raw: str) -> str:
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        raise RestError("InvalidCommandIdException", path="commandId") from None


def _offer_ids(body: dict) -> list:
    """The offers a command names, each once, in order: 1 to MAX_OFFERS of them."""
    ids = list(
        dict.fromkeys(
            offer["id"]
            for criterion in body.get("offerCriteria") or []
            for offer in criterion.get("offers") or []
            if offer.get("id") is not None
        )
    )
    if not ids:
        raise RestError("EmptyOfferCriteriaException", path="offerCriteria")
    if len(ids) > MAX_OFFERS:
        raise RestError("TooManyOffersInCommandException", path="offerCriteria")
    return ids


def _quantity_change(body: dict) -> tuple[str, int]:
    """The change type (FIXED or GAIN) and its value."""
    change = body.get("modification") or {}
    action, value = change.get("changeType"), change.get("value")
    if action is None or value is None:
        raise RestError("MissingJSONProperty", path="modification", status=422)
    if action == "FIXED" and value < 1 and not ZERO_QUANTITY_AS_FAILED_TASK:
        raise RestError("INCORRECT_QUANTITY_VALUE", path="modification.value")
    return action, value


def _report(command: Command) -> dict:
    success = sum(1 for t in command.tasks if t.status == "SUCCESS")
    failed = sum(1 for t in command.tasks if t.status == "FAIL")
    return {
        "id": command.id,
        "createdAt": views.iso(command.created_at),
        "completedAt": views.iso(command.completed_at),
        "taskCount": {"total": len(command.tasks), "success": success, "failed": failed},
    }
