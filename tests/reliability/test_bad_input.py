"""Bad values in every form field and command-line argument (hypothesis): refused with a
sentence naming the problem, nothing stored, never a crash.

Forms keep their rules in core (core/channels.validate, core/stock_admin, the tracking
check, the database address in Preferences), so the properties are checked there; the
commands are run through main.main(argv), exactly as `uv run main.py …` runs them.
"""
from __future__ import annotations

import string
from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core import channels
from core.channels import ChannelConfig, ChannelInvalid
from core.db import url_problem
from core.models import Channel, Location, StockItem, StockLevel, utcnow
from core.stock_admin import ItemDraft, ValidationError, add_location, save_item, validate_item
from core.sync import tracking

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
WORDS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
BLANK = st.text(alphabet=" \t\n\r\u00a0\u2003", max_size=5)
NOT_WHOLE = st.one_of(
    st.sampled_from(["15.5", "-3", "1e3", "١٥", "0x10", "１５", str(2**63), "NaN", "15 05", "+"]),
    st.text(min_size=1).filter(lambda t: not (t.strip().isascii() and t.strip().isdigit())),
)


def good_channel(**changes) -> ChannelConfig:
    base = ChannelConfig(
        sub_source="MojeAllegro", username="sklep-zolw", password="tajne-hasło-1",
        api_key="ABC-123", api_key_version="1505",
    )
    return replace(base, **changes)


# Field -> values the field must refuse (each alone makes the channel invalid).
BAD_CHANNEL = {
    "sub_source": st.one_of(BLANK, st.text(min_size=101, max_size=200).filter(lambda t: len(t.strip()) > 100)),
    "username": st.one_of(
        BLANK,
        st.text(alphabet=string.ascii_letters, min_size=17, max_size=40),
        st.builds(lambda a, b: f"{a} {b}", st.text(string.ascii_letters, min_size=1, max_size=5),
                  st.text(string.ascii_letters, min_size=1, max_size=5)),
        st.sampled_from(["jan kowalski@wp.pl", "x" * 300 + "@wp.pl", "długi.login.sprzedawcy"]),
    ),
    "password": st.sampled_from([None, ""]),
    "api_key": st.one_of(BLANK, st.text(min_size=101, max_size=150).filter(lambda t: len(t.strip()) > 100),
                         st.sampled_from(["ABC 123", "ABC\t123", "A\nB"])),
    "api_key_version": st.one_of(BLANK, NOT_WHOLE),
    "currency": st.text(max_size=6).filter(lambda t: t.strip().upper() not in {"PLN", "EUR", "USD", "CZK", "GBP"}),
    "environment": st.one_of(
        BLANK,
        st.sampled_from(["ftp://x.pl/s", "http://example.com/service.php", "webapi.allegro.pl", "https://",
                         "javascript:alert(1)", "file:///etc/passwd", "http://10.0.0.1/service.php"]),
    ),
    "sync_orders_from": st.one_of(st.none(), st.integers(1, 3650).map(lambda d: utcnow() + timedelta(days=d))),
    "relist_duration": st.integers(-10**6, 10**6).filter(lambda d: d not in channels.RELIST_DURATIONS),
    "relist_delay": st.one_of(st.integers(max_value=-1), st.integers(min_value=channels.MAX_RELIST_DELAY + 1)),
    "location_id": st.one_of(st.none(), st.integers(10_000, 10**9)),
}
NEEDS = {"relist_duration": {"relist_items": True}, "relist_delay": {"relist_items": True},
         "location_id": {"update_from_location": True}}


@SETTINGS
@given(data=st.data())
def test_every_channel_field_refuses_bad_values_and_nothing_is_stored(db, memory_keyring, data):
    field = data.draw(st.sampled_from(sorted(BAD_CHANNEL)), label="field")
    value = data.draw(BAD_CHANNEL[field], label="value")
    config = good_channel(**{field: value, **NEEDS.get(field, {})})
    if field == "currency" and channels.currencies.is_currency(value):
        return  # a real ISO 4217 code drawn by chance
    problems = channels.validate(config)
    assert field in problems, (field, value, problems)
    assert problems[field].endswith(".") and len(problems[field]) < 200
    with pytest.raises(ChannelInvalid):
        channels.save(config)
    assert Channel.select().count() == 0 and memory_keyring.passwords == {}


@SETTINGS
@given(text=st.fixed_dictionaries({name: WORDS for name in ("sub_source", "username", "api_key",
                                                            "api_key_version", "currency", "environment")}))
def test_any_text_in_the_channel_form_is_checked_never_crashes(db, text):
    problems = channels.validate(good_channel(**text))
    assert all(isinstance(k, str) and isinstance(v, str) and v for k, v in problems.items())


@SETTINGS
@given(sku=WORDS, title=WORDS, barcode=WORDS, quantity=st.integers(-2**70, 2**70))
def test_the_stock_item_form_saves_only_what_passes_and_says_why_not(db, sku, title, barcode, quantity):
    location = Location.get_or_none(Location.name == "Magazyn") or add_location("Magazyn", default=True)
    draft = ItemDraft(sku, title, barcode, {location.id: quantity})
    problems = validate_item(draft)
    before = (StockItem.select().count(), StockLevel.select().count())
    try:
        item = save_item(draft)
    except ValidationError as refused:
        assert refused.problems == problems and all(v.endswith(".") for v in problems.values())
        assert (StockItem.select().count(), StockLevel.select().count()) == before
        return
    assert problems == {}
    assert item.sku == sku.strip() and 0 <= quantity <= 1_000_000_000
    item.delete_instance(recursive=True)


@SETTINGS
@given(name=st.one_of(BLANK, st.text(min_size=101, max_size=150).filter(lambda t: len(t.strip()) > 100)))
def test_a_location_name_must_be_given_and_short(db, name):
    with pytest.raises(ValidationError) as refused:
        add_location(name)
    assert refused.value.problems["name"].endswith(".")
    assert Location.select().count() == 0


@SETTINGS
@given(carrier=st.one_of(st.none(), st.integers(-5, 30)), number=WORDS, name=WORDS)
def test_a_tracking_number_is_checked_against_its_carrier_never_crashes(carrier, number, name):
    problem = tracking.check(carrier, number.strip(), name)
    assert problem is None or (isinstance(problem, str) and problem.endswith("."))
    if problem is None:  # only what Allegro's own format check would accept
        assert carrier is not None and number.strip()


@SETTINGS
@given(url=st.one_of(WORDS, st.sampled_from(["postgresql://u:secret@db/shop", "mysql://x/y", "postgresql:///",
                                               "postgresql://u@host:port/db", "sqlite://"])))
def test_the_database_address_in_preferences_is_checked_never_crashes(url):
    problem = url_problem(url)
    assert problem is None or problem.endswith(".")
    if "secret@" in url:
        assert problem is not None  # never a password in a settings file


# -- the commands -----------------------------------------------------------------------


def add(**options) -> list[str]:
    values = {"sub-source": "MojeAllegro", "username": "sklep-zolw", "api-key": "ABC-123",
              "api-key-version": "1505", "environment": "http://127.0.0.1:9/service.php", **options}
    return ["channel", "add", *[part for name, value in values.items() for part in (f"--{name}", value)]]


@pytest.mark.parametrize(
    ("argv", "status", "said"),
    [
        (add(**{"api-key-version": "15.5"}), 2, "The Api Key Version must be a whole number"),
        (add(**{"api-key-version": "-1"}), 2, "The Api Key Version must be a whole number"),
        (add(username="two words"), 2, "The username must be"),
        (add(environment="http://example.com/service.php"), 2, "Only addresses on this computer may use http://"),
        (add(currency="zł"), 2, "Default Currency"),
        (add(**{"sub-source": " "}), 2, "Enter a SubSource"),
        (["channel", "add", "--sub-source", "X"], 2, "needs --username"),
        (["channel", "test", "Nikt"], 2, "There is no channel"),
        (["channel", "frobnicate"], 2, "invalid choice"),
        (["stock", "import", "missing.csv"], 1, "cannot be read"),
        (["stock", "import", "."], 1, "is a folder, not a file"),
        (["stock", "export", "no-such-folder/out.csv"], 1, "cannot be written"),
        (["stock", "export", "out.csv", "--location", "Nigdzie"], 1, "There is no location called Nigdzie"),
        (["listings", "link", "abc", "SKU-1"], 2, "abc is not an offer id"),
        (["listings", "link", "9" * 30, "SKU-1"], 2, "is not an offer id"),
        (["listings", "strike-off", "-" + "9" * 30], 2, "is not an offer id"),
        (["listings", "link", "7100000001", "SKU-1"], 1, "There is no listing with offer id 7100000001"),
        (["listings", "unlink", "1e5"], 2, "1e5 is not an offer id"),
        (["listings", "auto-link"], 2, "--exact-title"),
        (["sync", "--channel", "Nikt"], 2, "There is no channel Nikt"),
        (["channel", "set", "Nikt", "--enabled", "on"], 2, "There is no channel"),
        (["location", "remove", "Nigdzie", "--yes"], 2, "There is no location called Nigdzie"),
        (["location", "add", ""], 2, "Enter a location name"),
        (["orders", "show", "12"], 2, "There is no order 12"),
        (["orders", "ship", "abc"], 2, "abc is not an order number"),
        (["orders", "show", "9" * 30], 2, "is not an order number"),
        (["orders", "link-item", "1", "9" * 30, "SKU-1"], 2, "is not an offer id"),
        (["stock", "list", "--sku", "BRAK"], 2, "There is no stock item with SKU BRAK"),
        (["sync", "--yes", "--fast"], 2, "unrecognized arguments"),
        (["frobnicate"], 2, "Unknown command"),
    ],
)
def test_each_command_refuses_bad_arguments_with_a_message(db, command, argv, status, said):
    db.close()  # the command opens the data folder's database itself
    code, out, err = command(*argv)
    assert (code, said in err) == (status, True), (code, out, err)
    assert "Traceback" not in err and "unexpectedly" not in err
    assert Channel.select().count() == 0


SAFE_TOKEN = st.one_of(
    st.sampled_from(["--channel", "--yes", "--location", "--check", "--exact-title", "--dry-run", "--unlinked",
                     "--json", "--carrier", "--tracking", "--correct", "--status", "--inventory-sync", "on",
                     "--relist-duration", "--sync-orders-from", "--unlink", "--sku",
                     "--environment", "--currency", "--api-key-version", "-h", "--", "-1", "0", "9" * 30,
                     "list", "link", "unlink", "add", "test", "remove", "import", "export", "auto-link",
                     "strike-off", "reinstate", "MojeAllegro", "SKU-1", "plik.csv"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/\\"), max_size=20)
    .filter(lambda t: not t.startswith("--data-dir")),
)


SUBCOMMANDS = {
    "channel": ["add", "list", "show", "set", "test", "remove"],
    "location": ["add", "list", "rename", "remove", "set-default"],
    "orders": ["list", "show", "ship", "link-item"],
    "stock": ["import", "export", "list"],
    "listings": ["list", "link", "unlink", "auto-link", "strike-off", "reinstate"],
    "sync": [""],
}
COMMAND_LINES = st.sampled_from(sorted(SUBCOMMANDS)).flatmap(
    lambda name: st.tuples(st.just(name), st.sampled_from(SUBCOMMANDS[name]), st.lists(SAFE_TOKEN, max_size=5))
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(line=COMMAND_LINES)
@example(line=("listings", "reinstate", ["9" * 30]))
@example(line=("channel", "add", ["--sub-source", "X", "--username", "u", "--api-key", "k",
                                  "--api-key-version", "9" * 30]))
def test_any_command_line_ends_with_a_status_and_never_a_crash(db, command, line):
    db.close()
    name, sub, rest = line
    code, out, err = command(name, *([sub] if sub else []), *rest)
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err + out and "unexpectedly" not in err, err
    if code:
        assert err.strip(), f"exit {code} without a word: {line}"
