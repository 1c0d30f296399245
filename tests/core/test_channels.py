"""Channel configs: the rules a seller meets, and the password kept only in the keyring."""
from __future__ import annotations

from dataclasses import FrozenInstanceError, fields, replace
from datetime import timedelta

import keyring
import keyring.backends.fail
import keyring.backends.null
import pytest
from keyring.errors import KeyringLocked, PasswordSetError

from core import channels, currencies, secrets
from core.channels import ChannelConfig, ChannelInvalid
from core.models import Channel, Location, utcnow


def valid(**changes) -> ChannelConfig:
    base = ChannelConfig(
        sub_source="MyAllegroChannel",
        username="sklep-zolw",
        password="tajne-hasło-1",
        api_key="ABC-123",
        api_key_version="1505",
    )
    return replace(base, **changes)


def stored_passwords(memory_keyring) -> list[str]:
    return list(memory_keyring.passwords.values())


# --- validation -----------------------------------------------------------------------


def test_a_complete_new_channel_has_no_problems(db):
    assert channels.validate(valid()) == {}


@pytest.mark.parametrize(
    ("changes", "field", "sentence"),
    [
        ({"sub_source": "  "}, "sub_source", "Enter a SubSource: the name this channel appears as, for example MyAllegroChannel."),
        ({"username": ""}, "username", "Enter the username of your Allegro account."),
        ({"username": "a" * 17}, "username", "The username must be 1–16 characters without spaces, or an e-mail address."),
        ({"username": "two words"}, "username", "The username must be 1–16 characters without spaces, or an e-mail address."),
        ({"password": None}, "password", "Enter the password of your Allegro account."),
        ({"api_key": ""}, "api_key", "Enter the WebAPI key from My Allegro → WebAPI."),
        ({"api_key_version": ""}, "api_key_version", "Enter the Api Key Version, a whole number such as 1505."),
        ({"api_key_version": "15.5"}, "api_key_version", "The Api Key Version must be a whole number, such as 1505."),
        ({"api_key_version": "-3"}, "api_key_version", "The Api Key Version must be a whole number, such as 1505."),
        ({"api_key_version": "١٥"}, "api_key_version", "The Api Key Version must be a whole number, such as 1505."),
        ({"api_key_version": str(2**63)}, "api_key_version", "The Api Key Version must be a whole number, such as 1505."),
        ({"currency": "ZŁ"}, "currency", "Choose the Default Currency from the list of ISO 4217 currencies, such as PLN."),
        ({"currency": "XAU"}, "currency", "Choose the Default Currency from the list of ISO 4217 currencies, such as PLN."),
        ({"environment": "ftp://example.com"}, "environment", "'ftp://example.com' is not a web address (it must start with https://)."),
        ({"environment": "http://example.com/service.php"}, "environment", "Only addresses on this computer may use http://; Allegro needs https://."),
        ({"update_from_location": True}, "location_id", "Choose the location to take stock from, or untick Inventory Update From Location."),
        ({"sync_orders_from": utcnow() + timedelta(days=2)}, "sync_orders_from", "Sync Orders From cannot be in the future."),
        ({"relist_items": True, "relist_duration": 4}, "relist_duration", "Choose a Relist Listing Duration from the list."),
        ({"relist_items": True, "relist_delay": 30 * 24 * 60 + 1}, "relist_delay", "The Relist Listing Delay can be from 0 minutes up to 30 days."),
    ],
)
def test_each_rule_names_its_field_in_the_sellers_words(db, changes, field, sentence):
    assert channels.validate(valid(**changes)) == {field: sentence}


@pytest.mark.parametrize("username", ["a", "sixteen-chars-ok", "jan.kowalski@example.pl", "ania+sklep@poczta.onet.pl"])
def test_logins_and_email_addresses_are_accepted(db, username):
    assert channels.validate(valid(username=username)) == {}


@pytest.mark.parametrize("environment", ["sandbox", "production", "http://127.0.0.1:8080/service.php", "https://webapi.example.pl/service.php"])
def test_environments_sandbox_production_and_addresses(db, environment):
    assert channels.validate(valid(environment=environment)) == {}


def test_subsource_must_be_unique_whatever_the_case(db):
    channels.save(valid())
    problems = channels.validate(valid(sub_source="myallegrochannel"))
    assert problems == {"sub_source": "Another channel is already called “myallegrochannel”. Choose a different SubSource."}


def test_a_channel_may_keep_its_own_name_when_edited(db):
    saved = channels.save(valid())
    assert channels.validate(replace(saved, enabled=False)) == {}


def test_an_edited_channel_needs_no_new_password(db):
    saved = channels.save(valid())
    assert saved.password is None
    assert channels.validate(saved) == {}


def test_a_chosen_location_must_exist(db):
    location = Location.create(name="Magazyn Łódź")
    assert channels.validate(valid(update_from_location=True, location_id=location.id)) == {}
    assert channels.validate(valid(update_from_location=True, location_id=location.id + 99)) == {
        "location_id": "That location no longer exists. Choose another one."
    }


def test_currencies_start_with_pln_and_are_iso_4217():
    assert currencies.CODES[0] == "PLN"
    assert {"EUR", "USD", "CZK", "GBP", "UAH"} <= set(currencies.CODES)
    assert len(currencies.CODES) == len(set(currencies.CODES)) > 150
    assert all(len(code) == 3 and code.isupper() for code in currencies.CODES)
    assert list(currencies.CODES[1:]) == sorted(currencies.CODES[1:])
    assert currencies.label("PLN") == "PLN — Zloty"


# --- saving and loading -------------------------------------------------------------------


def test_save_stores_every_option_and_puts_the_password_only_in_the_keyring(db, memory_keyring):
    location = Location.create(name="Sklep Gdańsk")
    config = valid(
        sub_source="Sklep Źdźbło",
        currency="EUR",
        environment="production",
        enabled=False,
        inventory_sync=True,
        update_from_location=True,
        location_id=location.id,
        submit_tracking=True,
        relist_items=True,
        relist_duration=10,
        relist_delay=90,
        end_listings=True,
        end_auctions=True,
        end_auctions_with_bids=True,
        no_manual_confirmation=True,
        link_by_title=True,
    )
    saved = channels.save(config)
    loaded = channels.load(saved.id)
    assert loaded == replace(config, id=saved.id, password=None)
    row = Channel.get_by_id(saved.id)
    assert row.api_key_version == 1505
    assert "tajne-hasło-1" not in repr(row.__data__)
    assert stored_passwords(memory_keyring) == ["tajne-hasło-1"]
    assert channels.stored_password(saved.id) == "tajne-hasło-1"


def test_text_is_trimmed_and_options_needing_an_unticked_one_are_off(db):
    saved = channels.save(
        valid(sub_source="  Sklep  ", username=" sklep-zolw ", end_listings=False, end_auctions=True, end_auctions_with_bids=True)
    )
    loaded = channels.load(saved.id)
    assert (loaded.sub_source, loaded.username) == ("Sklep", "sklep-zolw")
    assert (loaded.end_auctions, loaded.end_auctions_with_bids) == (False, False)


def test_an_invalid_channel_is_never_stored(db, memory_keyring):
    with pytest.raises(ChannelInvalid) as raised:
        channels.save(valid(api_key=""))
    assert raised.value.errors == {"api_key": "Enter the WebAPI key from My Allegro → WebAPI."}
    assert Channel.select().count() == 0
    assert memory_keyring.passwords == {}


def test_editing_keeps_the_stored_password_unless_a_new_one_is_typed(db, memory_keyring):
    saved = channels.save(valid())
    channels.save(replace(saved, username="nowy-login", password=None))
    assert channels.stored_password(saved.id) == "tajne-hasło-1"
    channels.save(replace(saved, password=""))
    assert channels.stored_password(saved.id) == "tajne-hasło-1"
    channels.save(replace(saved, password="nowe-hasło-2"))
    assert channels.stored_password(saved.id) == "nowe-hasło-2"
    assert len(memory_keyring.passwords) == 1


def test_renaming_a_channel_keeps_its_password(db):
    saved = channels.save(valid())
    channels.save(replace(saved, sub_source="Renamed"))
    assert channels.find("renamed").id == saved.id
    assert channels.stored_password(saved.id) == "tajne-hasło-1"


def test_delete_removes_the_row_and_the_keyring_entry(db, memory_keyring):
    keep = channels.save(valid(sub_source="Keep", password="keep-me"))
    gone = channels.save(valid(sub_source="Gone", password="forget-me"))
    channels.delete(gone.id)
    assert [c.sub_source for c in channels.all_channels()] == ["Keep"]
    assert stored_passwords(memory_keyring) == ["keep-me"]
    assert channels.stored_password(keep.id) == "keep-me"


def test_list_toggles_flip_enabled_and_inventory_sync_only(db):
    saved = channels.save(valid())
    channels.set_toggle(saved.id, "inventory_sync", True)
    channels.set_toggle(saved.id, "enabled", False)
    loaded = channels.load(saved.id)
    assert (loaded.enabled, loaded.inventory_sync) == (False, True)
    with pytest.raises(ValueError):
        channels.set_toggle(saved.id, "end_auctions_with_bids", True)


def test_find_by_name_and_a_missing_channel(db):
    channels.save(valid())
    assert channels.find("MYALLEGROCHANNEL").sub_source == "MyAllegroChannel"
    with pytest.raises(channels.ChannelNotFound) as raised:
        channels.find("Nope")
    assert raised.value.message == "There is no channel called “Nope”."


def test_keyring_names_differ_between_databases_with_the_same_channel_id(db):
    first = Channel.get_by_id(channels.save(valid()).id)
    other = Channel(id=first.id, created_at=first.created_at + timedelta(microseconds=1))
    assert channels.secret_account(first) != channels.secret_account(other)


# --- no keyring, a refusing keyring: nothing half-saved --------------------------------------


class RefusingKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        raise self.error

    def delete_password(self, service, username):
        raise self.error


@pytest.mark.parametrize("backend", [keyring.backends.fail.Keyring(), keyring.backends.null.Keyring()])
def test_without_a_keyring_the_seller_is_told_and_nothing_is_saved(db, backend):
    keyring.set_keyring(backend)
    with pytest.raises(secrets.KeyringUnavailable) as raised:
        channels.save(valid())
    assert raised.value.message == secrets.NO_KEYRING
    assert "keyring" in raised.value.message and "not saved" in raised.value.message
    assert Channel.select().count() == 0


def test_a_keyring_that_refuses_the_password_rolls_the_channel_back(db):
    keyring.set_keyring(RefusingKeyring(PasswordSetError("D-Bus said no")))
    with pytest.raises(secrets.KeyringUnavailable) as raised:
        channels.save(valid())
    assert "D-Bus" not in raised.value.message
    assert Channel.select().count() == 0


def test_a_locked_keyring_says_so_and_an_edit_keeps_the_old_row(db, memory_keyring):
    saved = channels.save(valid())
    keyring.set_keyring(RefusingKeyring(KeyringLocked("locked")))
    with pytest.raises(secrets.KeyringUnavailable) as raised:
        channels.save(replace(saved, sub_source="Changed", password="new-one"))
    assert raised.value.message == secrets.LOCKED
    assert channels.load(saved.id).sub_source == "MyAllegroChannel"


def test_a_keyring_that_forgets_the_password_is_refused(db):
    class Forgetful(RefusingKeyring):
        def set_password(self, service, username, password):
            pass

    keyring.set_keyring(Forgetful(RuntimeError()))
    with pytest.raises(secrets.KeyringUnavailable):
        channels.save(valid())
    assert Channel.select().count() == 0


def test_delete_keeps_the_channel_when_the_keyring_refuses(db):
    saved = channels.save(valid())
    keyring.set_keyring(RefusingKeyring(KeyringLocked("locked")))
    with pytest.raises(secrets.KeyringUnavailable):
        channels.delete(saved.id)
    assert channels.load(saved.id).sub_source == "MyAllegroChannel"


def test_a_failed_commit_puts_the_keyring_back(db, memory_keyring, monkeypatch):
    saved = channels.save(valid())

    def disk_full():
        raise OSError("disk full")

    monkeypatch.setattr(db, "commit", disk_full)
    with pytest.raises(OSError):
        channels.save(replace(saved, sub_source="Never kept", password="never-kept"))
    monkeypatch.undo()
    assert stored_passwords(memory_keyring) == ["tajne-hasło-1"]
    assert channels.load(saved.id).sub_source == "MyAllegroChannel"


def test_moving_sync_orders_from_back_reads_the_journal_again(db):
    saved = channels.save(valid())
    Channel.update(journal_cursor=4321).where(Channel.id == saved.id).execute()
    channels.save(replace(saved, sync_orders_from=saved.sync_orders_from))  # unchanged: cursor kept
    assert Channel.get_by_id(saved.id).journal_cursor == "4321"
    channels.save(replace(saved, sync_orders_from=saved.sync_orders_from - timedelta(days=14)))
    assert Channel.get_by_id(saved.id).journal_cursor is None


def test_a_sync_follows_the_saved_options_frozen_with_every_option_the_screen_edits(db, memory_keyring):
    config = valid(inventory_sync=True, end_listings=True, relist_items=True, relist_delay=45, mass_end_count=7,
                   buffer_keep_back=2, buffer_percent=80, link_by_title=True)
    saved = channels.save(config)
    options = channels.options_of(saved.id)
    edited = {f.name for f in fields(ChannelConfig)} - {"password"}
    assert {f.name for f in fields(options)} == edited
    assert all(getattr(options, name) == getattr(channels.load(saved.id), name) for name in edited)
    with pytest.raises(FrozenInstanceError):
        options.end_listings = False  # the rules cannot change what the seller chose


def test_a_new_api_key_version_from_allegro_is_stored_once_and_the_old_one_told(db, memory_keyring):
    saved = channels.save(valid(api_key_version="1505"))
    assert channels.accept_version_key(saved.id, 1505) is None
    assert channels.accept_version_key(saved.id, 1600) == 1505
    assert Channel.get_by_id(saved.id).api_key_version == 1600
    assert channels.accept_version_key(saved.id, 1600) is None
