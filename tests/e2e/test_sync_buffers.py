"""Stock buffers against the sandbox: each changes the quantities sent, the ends and the
relists as docs/sync.md says, and shows in the plan's reasons."""
from __future__ import annotations

from core.models import ActionKind, ListingStatus, PlannedAction


def one_listing(shop, stock: int, shown: int = 50, **buffers):
    if buffers:
        shop.set(**buffers)
    item = shop.item("KUB-1", "Kubek", stock=shown)
    offer = shop.offer("Kubek", quantity=shown)
    shop.import_and_link([(offer, item)])
    shop.stock(item, stock)
    return item, offer


def last_reason(kind: str) -> str:
    return PlannedAction.select().where(PlannedAction.kind == kind).order_by(PlannedAction.id.desc()).first().reason


def test_keep_back_sends_available_less_what_is_kept(shop, control):
    _item, offer = one_listing(shop, stock=10, buffer_keep_back=2)
    shop.sync()
    assert control.offer(offer)["quantity"] == 8
    assert last_reason(ActionKind.QUANTITY) == (
        "Available 10 over all locations; Allegro shows 50; buffer (keeps 2 back): 8 to list"
    )


def test_a_share_of_available_is_rounded_down(shop, control):
    _item, offer = one_listing(shop, stock=9, buffer_percent=50)
    shop.sync()
    assert control.offer(offer)["quantity"] == 4
    assert last_reason(ActionKind.QUANTITY).endswith("buffer (lists 50 %): 4 to list")


def test_list_at_most_caps_the_quantity(shop, control):
    _item, offer = one_listing(shop, stock=40, buffer_max_listed=5)
    shop.sync()
    assert control.offer(offer)["quantity"] == 5
    shop.sync()
    assert control.offer(offer)["quantity"] == 5  # nothing more to send


def test_the_buffers_combine_in_order(shop, control):
    # 30 available, keep 4 back -> 26, 50 % -> 13, at most 10 -> 10
    _item, offer = one_listing(shop, stock=30, buffer_keep_back=4, buffer_percent=50, buffer_max_listed=10)
    shop.sync()
    assert control.offer(offer)["quantity"] == 10


def test_end_when_available_is_at_most_n_ends_before_zero(shop, control):
    item, offer = one_listing(shop, stock=3, buffer_end_at=3)
    plan, _report = shop.sync()
    assert [a.offer_id for a in plan.ends] == [str(offer)]
    assert plan.ends[0].reason == "Available 3 over all locations; buffer (ends at 3 or fewer): 0 to list"
    assert control.offer(offer)["state"] == "ended"
    assert shop.listing(offer).status == ListingStatus.PENDING_RELIST

    shop.stock(item, 3)  # back, but not above the line: no relist
    plan, _report = shop.sync()
    assert plan.relists == []
    shop.stock(item, 4)
    plan, _report = shop.sync()
    assert [a.offer_id for a in plan.relists] == [str(offer)]
    assert "buffer (ends at 3 or fewer): 4 to list" in plan.relists[0].reason


def test_keeping_everything_back_ends_and_a_relist_gets_the_listable_quantity(shop, control):
    item, offer = one_listing(shop, stock=2, buffer_keep_back=2)
    plan, _report = shop.sync()
    assert [a.offer_id for a in plan.ends] == [str(offer)]  # nothing left to list
    assert control.offer(offer)["state"] == "ended"
    shop.stock(item, 7)
    plan, _report = shop.sync()
    assert [a.offer_id for a in plan.relists] == [str(offer)]
    relisted = control.offer(shop.relisted(offer).offer_id)
    assert relisted["state"] == "active" and relisted["quantity"] == 5  # 7 less the 2 kept back


def test_without_buffers_nothing_changes(shop, control):
    _item, offer = one_listing(shop, stock=7)
    shop.sync()
    assert control.offer(offer)["quantity"] == 7
    assert last_reason(ActionKind.QUANTITY) == "Available 7 over all locations; Allegro shows 50"
