"""What the WebAPI adapter changes: quantities, ends, relists (and their new ids), tracking.

Retries and the exactly-once rule of each call: soap.py. Here: a refusal for one offer
is a result; a failure of the account or the connection stops the rest and is raised
with the finished results in `error.completed`.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor
from datetime import UTC, datetime
from typing import Any

from core.allegro import errors, outcomes, responses, soap
from core.allegro.batching import chunks, run_parallel, send_in_batches
from core.allegro.errors import AllegroError, OutcomeUnknown
from core.allegro.outcomes import Outcome
from core.allegro.port import (
    FinishRequest,
    FinishResult,
    Package,
    Progress,
    QuantityChange,
    QuantityResult,
    RelistRequest,
    RelistResult,
    TrackingResult,
    VerifiedOffer,
)
from core.allegro.webapi_session import WebApiSession, read_answer, read_change_answer

log = logging.getLogger("core.allegro")

FINISH_BATCH = 25
RELIST_BATCH = 25
PACKAGES_PER_CALL = 20
DEFAULT_CANCEL_REASON = "Brak towaru"  # Allegro requires a reason when bids are cancelled

# Failures that concern one offer; anything else (login, key, connection) stops a batch.
PER_OFFER_ERRORS = (errors.OfferRejected, errors.InvalidRequest, errors.UnknownAllegroError)

RelistAnswer = tuple[set[int], dict[int, tuple[str, str]], set[int]]  # relisted, failed, not found


class Changes:
    """Quantities on `pool`; ends and relists one batch after another on the caller's
    thread; a relist's doVerifyItem calls on `chain_pool`, since the relist waits for them."""

    def __init__(self, session: WebApiSession, pool: Executor, chain_pool: Executor) -> None:
        self.session = session
        self.pool = pool
        self.chain_pool = chain_pool

    def _in_batches(
        self, todo: Sequence[Any], size: int, send: Callable[[Sequence[Any]], dict], progress: Progress | None
    ) -> dict:
        """`todo` in batches; offers refused with a "not now" code are sent again after a backoff."""
        policy = self.session.caller.policy
        return send_in_batches(
            todo,
            size,
            send,
            lambda r: r.offer_id,
            progress,
            resend=lambda result: result.error_code in soap.TRANSIENT_CODES,
            retries=policy.retries,
            backoff=self.session.caller.backoff,
        )

    # -- quantities ---------------------------------------------------------------------

    def change_quantities(self, changes: Iterable[QuantityChange], progress: Progress | None) -> list[QuantityResult]:
        return run_parallel(self.pool, list(changes), self._change_quantity, progress)

    def _change_quantity(self, change: QuantityChange) -> QuantityResult:
        unanswered: list[AllegroError] = []  # attempts that may still land later
        try:
            answer = self.session.call(
                "doChangeQuantityItem",
                {"itemId": change.offer_id, "newItemQuantity": change.quantity_left + change.sold_quantity},
                idempotent=True,
                on_maybe_done=unanswered.append,
            )
        except PER_OFFER_ERRORS as exc:
            return QuantityResult(
                change.offer_id, ok=False, error_code=exc.code, message=exc.message, may_land_late=bool(unanswered)
            )
        left = read_answer("doChangeQuantityItem", lambda: responses.opt_int(answer, "itemQuantityLeft", -1))
        return QuantityResult(
            change.offer_id, ok=True, quantity_left=None if left < 0 else left, may_land_late=bool(unanswered)
        )

    # -- ending -------------------------------------------------------------------------

    def finish(self, requests: Iterable[FinishRequest], progress: Progress | None) -> list[FinishResult]:
        todo = responses.unique_by(list(requests), lambda r: r.offer_id)
        results = self._in_batches(todo, FINISH_BATCH, self._finish_batch, progress)
        return [results[r.offer_id] for r in todo]

    def _finish_batch(self, batch: Sequence[FinishRequest]) -> dict[int, FinishResult]:
        ids = [r.offer_id for r in batch]
        structs = []
        for request in batch:
            struct: dict[str, Any] = {"finishItemId": request.offer_id, "finishCancelAllBids": int(request.cancel_bids)}
            if request.cancel_bids:
                struct["finishCancelReason"] = request.reason or DEFAULT_CANCEL_REASON
            structs.append(struct)
        answer = self.session.call(  # urgent: the next batch waits for this one
            "doFinishItems", {"finishItemsList": {"item": structs}}, idempotent=False, offer_ids=ids, urgent=True
        )

        def convert() -> dict[int, FinishResult]:
            succeeded = set(responses.id_list(responses.field(answer, "finishItemsSucceed")))
            failed = {
                responses.required_int(row, "finishItemId"): (
                    responses.opt_str(row, "finishErrorCode"),
                    responses.opt_str(row, "finishErrorMessage"),
                )
                for row in responses.items(responses.field(answer, "finishItemsFailed"))
            }
            return {offer_id: _finish_result(offer_id, succeeded, failed) for offer_id in ids}

        return read_change_answer("doFinishItems", convert, offer_ids=ids)

    # -- relisting ----------------------------------------------------------------------

    def relist(self, requests: Iterable[RelistRequest], progress: Progress | None) -> list[RelistResult]:
        todo = responses.unique_by(list(requests), lambda r: r.offer_id)
        groups: dict[tuple[int, int], list[RelistRequest]] = {}
        for request in todo:
            groups.setdefault((request.duration_days, _unix(request.start_at)), []).append(request)
        results: dict[int, RelistResult] = {}
        done = 0
        for (duration, start), group in groups.items():

            def step(done_here: int, _total: int, base: int = done) -> None:
                if progress:
                    progress(base + done_here, len(todo))

            try:
                results.update(
                    self._in_batches(
                        group, RELIST_BATCH, lambda batch, d=duration, s=start: self._relist_batch(batch, d, s), step
                    )
                )
            except AllegroError as exc:
                exc.completed = tuple(results.values()) + exc.completed
                raise
            done += len(group)
        return [results[r.offer_id] for r in todo]

    def _relist_batch(self, batch: Sequence[RelistRequest], duration: int, start: int) -> dict[int, RelistResult]:
        ids = [r.offer_id for r in batch]
        local_ids = [r.local_id for r in batch]
        answer = self.session.call(
            "doSellSomeAgain",
            {
                "sellItemsArray": {"item": ids},
                "sellStartingTime": start,
                "sellAuctionDuration": duration,
                "sellOptions": 0,  # keep the ended offer on its tab, as the seller left it
                "localIds": {"item": local_ids},
            },
            idempotent=False,
            offer_ids=ids,
            local_ids=local_ids,
            urgent=True,  # the verifies and the next batch wait for it
        )
        again, failed, not_found = read_change_answer(
            "doSellSomeAgain", lambda: _relist_answer(answer), offer_ids=ids, local_ids=local_ids
        )
        verified = self._verify_quietly([r.local_id for r in batch if r.offer_id in again])
        in_future = bool(start and start > self.session.server_now().timestamp())
        out: dict[int, RelistResult] = {}
        for request in batch:
            if request.offer_id in again:
                found = verified.get(request.local_id)
                out[request.offer_id] = RelistResult(
                    request.offer_id,
                    request.local_id,
                    ok=True,
                    new_offer_id=found.offer_id if found else None,
                    scheduled=bool(found and found.listed == 2) or in_future,
                )
            else:
                out[request.offer_id] = _relist_refusal(request, failed, not_found)
        return out

    def _verify_quietly(self, local_ids: list[int]) -> dict[int, VerifiedOffer]:
        """After a relist that succeeded, a failed lookup must not hide the success."""
        try:
            return {v.local_id: v for v in self.verify(local_ids, urgent=True) if v.offer_id is not None}
        except AllegroError as exc:
            found = getattr(exc, "completed", ())
            log.warning("could not learn the new ids of %d relisted offers: %s", len(local_ids), exc.code)
            return {v.local_id: v for v in found if v.offer_id is not None}

    def verify(self, local_ids: Iterable[int], *, urgent: bool = False) -> list[VerifiedOffer]:
        """What Allegro listed under each localId. `urgent` (a relist waiting for its ids): on
        the chain pool, and first for a connection."""
        ids = responses.unique(int(i) for i in local_ids)
        if urgent:
            return run_parallel(self.chain_pool, ids, lambda i: self._verify_one(i, urgent=True))
        return run_parallel(self.pool, ids, self._verify_one)

    def _verify_one(self, local_id: int, urgent: bool = False) -> VerifiedOffer:
        try:
            answer = self.session.call("doVerifyItem", {"localId": local_id}, idempotent=True, urgent=urgent)
        except (errors.InvalidRequest, errors.OfferRejected) as exc:
            if exc.code in ("ERR_INVALID_VALUE_IN_LOCAL_ID", "ERR_INVALID_ITEM_ID"):
                return VerifiedOffer(local_id, offer_id=None, listed=-1)
            raise

        def convert() -> VerifiedOffer:
            item_id = responses.required_int(answer, "itemId")
            return VerifiedOffer(
                local_id,
                offer_id=item_id if item_id > 0 else None,
                listed=responses.opt_int(answer, "itemListed", -1),
                start_time=responses.unix_time(responses.field(answer, "itemStartingTime")),
            )

        return read_answer("doVerifyItem", convert)

    # -- tracking -----------------------------------------------------------------------

    def add_tracking(self, form_id: int, packages: Iterable[Package]) -> TrackingResult:
        """Attach parcels to a post-buy form (20 a call). Never resent blindly: see soap.py."""
        added: list[str] = []
        wrong_carrier: list[str] = []
        wrong_number: list[str] = []
        for batch in chunks(list(packages), PACKAGES_PER_CALL):
            try:
                result = self._add_packages(form_id, batch)
            except AllegroError as exc:
                exc.completed = (TrackingResult(form_id, tuple(added), tuple(wrong_carrier), tuple(wrong_number)),)
                raise
            added += responses.str_list(responses.field(result, "packageIdsAdded"))
            wrong_carrier += responses.str_list(responses.field(result, "packageIdsNotAddedIncorrectOperatorId"))
            wrong_number += responses.str_list(responses.field(result, "packageIdsNotAddedIncorrectPackageId"))
        return TrackingResult(form_id, tuple(added), tuple(wrong_carrier), tuple(wrong_number))

    def _add_packages(self, form_id: int, batch: Sequence[Package]) -> Any:
        info = []
        for package in batch:
            entry: dict[str, Any] = {"operatorId": package.carrier_id, "packageId": package.tracking_number}
            if package.carrier_name:
                entry["operatorName"] = package.carrier_name
            info.append(entry)
        answer = self.session.call(
            "doAddPackageInfoToPostBuyForm",
            {"transactionId": form_id, "packageInfo": {"item": info}},
            idempotent=False,
            form_ids=[form_id],
        )
        return read_change_answer(
            "doAddPackageInfoToPostBuyForm",
            lambda: responses.part(answer, "postBuyFormPackageInfo"),
            form_ids=[form_id],
        )


def _sentence(code: str, allegro_text: str) -> str:
    return errors.error_for(code, allegro_text).message


def _finish_result(offer_id: int, succeeded: set[int], failed: dict[int, tuple[str, str]]) -> FinishResult:
    if offer_id in succeeded:
        return FinishResult(offer_id, ok=True)
    if offer_id in failed:
        code, text = failed[offer_id]
        return FinishResult(
            offer_id,
            ok=False,
            error_code=code,
            message=_sentence(code, text),
            unknown=outcomes.of_item_answer(outcomes.END, code) is Outcome.UNKNOWN,
        )
    unknown = OutcomeUnknown("doFinishItems", offer_ids=[offer_id])
    return FinishResult(offer_id, ok=False, error_code=unknown.code, message=unknown.message, unknown=True)


def _relist_answer(answer: Any) -> RelistAnswer:
    again = {
        responses.required_int(row, "sellItemId") for row in responses.items(responses.field(answer, "itemsSellAgain"))
    }
    failed = {
        responses.required_int(row, "sellItemId"): (
            responses.opt_str(row, "sellFaultCode"),
            responses.opt_str(row, "sellFaultString"),
        )
        for row in responses.items(responses.field(answer, "itemsSellFailed"))
    }
    not_found = set(responses.id_list(responses.field(answer, "itemsSellNotFound")))
    return again, failed, not_found


def _relist_refusal(
    request: RelistRequest, failed: dict[int, tuple[str, str]], not_found: set[int]
) -> RelistResult:
    """The result of a request doSellSomeAgain did not relist."""
    if request.offer_id in failed:
        code, text = failed[request.offer_id]
        return RelistResult(
            request.offer_id,
            request.local_id,
            ok=False,
            error_code=code,
            message=_sentence(code, text),
            unknown=outcomes.of_item_answer(outcomes.RELIST, code) is Outcome.UNKNOWN,
        )
    if request.offer_id in not_found:
        return RelistResult(
            request.offer_id,
            request.local_id,
            ok=False,
            error_code="ERR_INVALID_ITEM_ID",
            message=_sentence("ERR_INVALID_ITEM_ID", ""),
        )
    unknown = OutcomeUnknown("doSellSomeAgain")
    return RelistResult(
        request.offer_id, request.local_id, ok=False, error_code=unknown.code, message=unknown.message, unknown=True
    )


def _unix(moment: datetime | None) -> int:
    if moment is None:
        return 0  # 0 = list now
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())
