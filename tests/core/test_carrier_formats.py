"""The app's carrier formats are the sandbox's: one list of numbers, both checks agree on each.

The sandbox stands for Allegro; a number the app lets through and Allegro refuses (a lower-case
number for a generic carrier, once) would wait forever as rejected.
"""
from __future__ import annotations

import pytest

from core.sync import tracking as app
from sandbox import tracking as allegro

SAMPLES = [
    "1Z999AA10123456784", "1z999aa10123456784", "12345678901", "ABCD1234", "abcd1234", "1234567890", "JJD000000000000000000",
    "620000000000000000000001", "62000000000000000000001", "RR123456789PL", "rr123456789PL", "00123456789012345678",
    "1234567890123U", "1234567890123u", "12345678901234", "123456789012", "123456789012345", "GE123456789WW", "123456789",
    "RUCH123456", "ruch123456", "Ruch-12345", "RUCH-12345", "PLWAW123456", "A1", "-ABCDEF", "ABC DEF", "PX1234567890",
    "px1234567890", "ABCDEFGHIJKLMNOPQRSTUVWXYZ01234", "ÓDŹ12345",
]


def test_the_app_knows_the_carriers_allegro_knows_by_the_same_names():
    assert {cid: c.name for cid, c in app.CARRIERS.items()} == {cid: name for cid, (name, _p) in allegro.CARRIERS.items()}


@pytest.mark.parametrize("carrier_id", sorted(allegro.CARRIERS))
def test_the_app_and_allegro_agree_on_every_number(carrier_id):
    disagree = [
        number
        for number in SAMPLES + [app.CARRIERS[carrier_id].example]
        if (app.check(carrier_id, number) is None) != (allegro.check(carrier_id, number, None) == allegro.OPERATOR_OK)
    ]
    assert disagree == []


def test_each_example_the_app_gives_is_one_allegro_takes():
    for carrier_id, carrier in app.CARRIERS.items():
        assert allegro.check(carrier_id, carrier.example, None) == allegro.OPERATOR_OK, carrier.name


def test_other_carriers_agree_too():
    for number in SAMPLES:
        assert (app.check(app.OTHER, number, "Kurier Jan") is None) == (
            allegro.check(allegro.OTHER_OPERATOR, number, "Kurier Jan") == allegro.OPERATOR_OK
        ), number
