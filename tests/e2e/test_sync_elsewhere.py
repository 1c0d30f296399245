"""Changes made elsewhere, against the sandbox: a listing changed on allegro.pl (through the
sandbox's control API) is detected on the next read, noted, and handled as docs/sync.md says."""
from __future__ import annotations

import json

from core.listing_rows import CHANGED, listing_rows
from core.models import ListingStatus, SyncRun


def linked(shop, title: str, stock: int, quantity: int, sku: str = ""):
    item = shop.item(sku or f"SKU-{title}", title, stock=stock)
    offer = shop.offer(title, quantity=quantity)
    return item, offer


def notes_of(report) -> str:
    return "\n".join(report.notes)


def test_a_quantity_changed_on_allegro_is_noted_and_the_apps_quantity_wins(shop, control):
    item, offer = linked(shop, "Kubek", stock=5, quantity=5)
    shop.import_and_link([(offer, item)])
    shop.sync()
    control.edit_offer(offer, quantity=9)  # the seller typed 9 on allegro.pl
    _plan, report = shop.sync()
    assert "“Kubek”: quantity 5 → 9 changed on Allegro" in notes_of(report)
    assert report.counts["listings_changed_elsewhere"] == 1
    assert control.offer(offer)["quantity"] == 5  # the app's quantity wins
    assert json.loads(shop.listing(offer).changed_elsewhere) == {"quantity": [5, 9]}
    row = next(r for r in listing_rows() if r[1] == str(offer))
    assert row[CHANGED] == "quantity 5 → 9 changed on Allegro" and "changed on Allegro" in row[6]
    assert "quantity 5 → 9 changed on Allegro" in SyncRun.get_by_id(report.run_id).errors

    _plan, report = shop.sync()  # nothing changed since: nothing noted, the mark is cleared
    assert "changed outside the app" not in notes_of(report)
    assert shop.listing(offer).changed_elsewhere == ""


def test_sales_are_not_changes_made_elsewhere(shop, control):
    item, offer = linked(shop, "Talerz", stock=10, quantity=10)
    shop.import_and_link([(offer, item)])
    shop.sync()
    control.purchase(offer, quantity=3)
    _plan, report = shop.sync()
    assert "changed outside the app" not in notes_of(report)
    assert "listings_changed_elsewhere" not in report.counts


def test_a_title_changed_on_allegro_is_noted(shop, control):
    item, offer = linked(shop, "Misa", stock=4, quantity=4)
    shop.import_and_link([(offer, item)])
    control.edit_offer(offer, title="Misa ceramiczna")
    _plan, report = shop.sync()
    assert "“Misa ceramiczna”: title “Misa” → “Misa ceramiczna” changed on Allegro" in notes_of(report)
    assert shop.listing(offer).title == "Misa ceramiczna"


def test_a_listing_ended_by_someone_else_is_never_relisted(shop, control):
    item, offer = linked(shop, "Dzbanek", stock=6, quantity=6)
    shop.import_and_link([(offer, item)])
    control.edit_offer(offer, end=True)  # ended by hand on allegro.pl, items left
    _plan, report = shop.sync()
    assert "“Dzbanek”: ended on Allegro outside the app; it will not be relisted by the app" in notes_of(report)
    assert shop.listing(offer).status == ListingStatus.ENDED
    control.reset_calls()
    plan, _report = shop.sync()
    assert plan.relists == [] and "relist" not in shop.changes_sent()


def test_a_relist_made_elsewhere_is_adopted_when_its_title_matches_one_pending_listing(shop, control):
    item, offer = linked(shop, "Wazon", stock=0, quantity=4)
    shop.import_and_link([(offer, item)])
    shop.sync()  # ended by the app for zero stock: pending relist
    assert shop.listing(offer).status == ListingStatus.PENDING_RELIST
    new_offer = control.edit_offer(offer, relist=True)["offer_id"]  # relisted with another tool
    shop.stock(item, 3)
    control.reset_calls()
    plan, report = shop.sync()
    assert plan.relists == [] and "relist" not in shop.changes_sent()  # not relisted twice
    new = shop.listing(new_offer)
    assert (new.stock_item_id, new.previous_offer_id) == (item.id, str(offer))
    assert shop.listing(offer).status == ListingStatus.RELISTED
    assert f"relisted on Allegro outside the app from offer {offer}; linked as its relist" in notes_of(report)
    assert control.offer(new_offer)["quantity"] == 3  # and kept in step from now on


def test_a_relist_made_elsewhere_matching_several_pending_listings_is_shown_not_guessed(shop, control):
    first_item, first = linked(shop, "Lampa", stock=0, quantity=2)
    second_item, second = linked(shop, "Lampa", stock=0, quantity=2, sku="SKU-Lampa-2")
    shop.import_and_link([(first, first_item), (second, second_item)])
    shop.sync()
    new_offer = control.edit_offer(first, relist=True)["offer_id"]
    _plan, report = shop.sync()
    assert shop.listing(new_offer).stock_item_id is None
    assert f"“Lampa” (offer {new_offer}) is new on Allegro and its title matches 2 listings waiting for relist" in notes_of(report)
