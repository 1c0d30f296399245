"""`main.py listings …`: list, link, unlink, auto-link --exact-title, strike-off."""
from __future__ import annotations

from datetime import timedelta

import pytest

from core.cli import listings as cli
from core.db import database, open_database
from core.models import Channel, Listing, ListingStatus, StockItem, utcnow
from core.paths import app_paths


@pytest.fixture
def paths(data_dir):
    paths = app_paths(data_dir)
    db = open_database(paths.database)
    channel = Channel.create(sub_source="MyAllegro", username="u", api_key="k")
    StockItem.create(sku="KUB-01", title="Kubek ceramiczny żółty")
    StockItem.create(sku="PAR-01", title="Parasol składany")
    StockItem.create(sku="PAR-02", title="Parasol składany")
    Listing.create(channel=channel, offer_id=1001, title="Kubek ceramiczny żółty", format="buy_now", quantity=3)
    Listing.create(channel=channel, offer_id=1002, title="Parasol składany", format="auction", quantity=1)
    Listing.create(
        channel=channel,
        offer_id=1003,
        title="Czajnik elektryczny",
        format="buy_now",
        status=ListingStatus.PENDING_RELIST,
        ended_at=utcnow() - timedelta(days=10, hours=1),
    )
    db.close()
    yield paths
    database.initialize(None)


def run(paths, capsys, *argv):
    code = cli.main(list(argv), paths)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_list_shows_status_days_left_and_links(paths, capsys):
    code, out, _ = run(paths, capsys, "list", "--channel", "MyAllegro")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["OFFER", "ID", "CHANNEL", "STATUS", "FORMAT", "QTY", "SKU", "AVAIL.", "NEXT", "SYNC", "TITLE"]
    czajnik = next(line for line in lines if line.startswith("1003"))
    assert "Pending relist (49 days left)" in czajnik
    assert czajnik.endswith("  -       -          Czajnik elektryczny")
    assert lines[-1] == "3 listings."
    code, _, err = run(paths, capsys, "list", "--channel", "Nieznany")
    assert code == 1 and "no channel called Nieznany" in err


def test_link_then_unlink(paths, capsys):
    code, out, _ = run(paths, capsys, "link", "1002", "PAR-02")
    assert code == 0 and "Linked offer 1002 “Parasol składany” to PAR-02." in out
    _, out, _ = run(paths, capsys, "list", "--unlinked")
    assert "1002" not in out and "2 listings." in out
    code, out, _ = run(paths, capsys, "unlink", "1002")
    assert code == 0 and "Unlinked offer 1002" in out
    code, _, err = run(paths, capsys, "link", "1002", "BRAK")
    assert code == 1 and "no stock item with SKU BRAK" in err


def test_auto_link_exact_title_lists_the_rest(paths, capsys):
    code, out, _ = run(paths, capsys, "auto-link", "--exact-title")
    assert code == 0
    assert "Linked offer 1001 “Kubek ceramiczny żółty” to KUB-01." in out
    assert "offer 1002 “Parasol składany”: PAR-01, PAR-02" in out
    assert "offer 1003 “Czajnik elektryczny”" in out
    assert out.splitlines()[-1] == "1 linked, 1 ambiguous, 1 without a match."
    open_database(paths.database)
    assert Listing.get(offer_id=1001).stock_item.sku == "KUB-01"
    assert Listing.get(offer_id=1002).stock_item is None


def test_auto_link_requires_exact_title(paths, capsys):
    assert cli.main(["auto-link"], paths) == 2
    assert "the following arguments are required: --exact-title" in capsys.readouterr().err


def test_strike_off_and_reinstate(paths, capsys):
    code, out, _ = run(paths, capsys, "strike-off", "1003")
    assert code == 0 and "will not be relisted" in out
    code, _, err = run(paths, capsys, "strike-off", "1001")
    assert code == 1 and "Only a listing waiting for relist" in err
    code, out, _ = run(paths, capsys, "reinstate", "1003")
    assert code == 0 and "pending relist (49 days left)" in out


def test_listings_of_one_title_are_listed_in_the_numeric_order_of_their_offer_ids(paths, capsys):
    import json

    db = open_database(paths.database)
    channel = Channel.create(sub_source="Kolejnosc", username="u", api_key="k")
    for offer in ("10000000001", "999", "7100000001"):
        Listing.create(channel=channel, offer_id=offer, title="Kubek", format="buy_now")
    db.close()
    database.initialize(None)
    code, out, _ = run(paths, capsys, "list", "--channel", "Kolejnosc", "--json")
    assert code == 0
    assert [r["offer_id"] for r in json.loads(out)] == ["999", "7100000001", "10000000001"]
