"""The demo shop a new user meets: Polish offers, buyers and recent sales, fixed by a seed.

The history is played forward on the sandbox clock through the shop's own rules
(purchases, bids, endings), so the demo is consistent with what the API reports.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from .shop import AUCTION, BUY_NOW, DAY, Shop

HOUR = 3600

# (title, price in PLN, category id)
PRODUCTS = [
    ("Kubek ceramiczny ręcznie malowany 350 ml", 39.0, 113915),
    ("Łyżka drewniana bukowa do gotowania", 14.5, 113917),
    ("Ręcznik łazienkowy bawełniany 70x140 szary", 32.99, 113920),
    ("Pościel satynowa 160x200 gołębi błękit", 149.0, 113921),
    ("Świeca sojowa zapach żurawina i cynamon", 45.0, 113930),
    ("Książka \"Pan Tadeusz\" wydanie szkolne", 19.9, 7),
    ("Zestaw śrubokrętów precyzyjnych 25 częściowy", 59.0, 18557),
    ("Wiertarka udarowa 750 W z walizką", 219.0, 18558),
    ("Rękawice robocze nitrylowe rozmiar 9 (12 par)", 36.0, 18560),
    ("Żarówka LED E27 9 W ciepła biel 3 szt.", 24.99, 18570),
    ("Przedłużacz 5 gniazd z wyłącznikiem 3 m", 42.0, 18571),
    ("Czajnik elektryczny szklany 1,7 l podświetlany", 89.0, 67413),
    ("Młynek do kawy żarnowy stalowy", 129.0, 67414),
    ("Patelnia granitowa 28 cm indukcja", 99.0, 67415),
    ("Garnek emaliowany 5 l w kropki", 79.0, 67416),
    ("Słuchawki bezprzewodowe douszne z etui", 149.0, 4226),
    ("Ładowarka USB-C 65 W GaN szybkie ładowanie", 119.0, 4227),
    ("Kabel HDMI 2.1 8K długość 2 m", 34.9, 4228),
    ("Myszka bezprzewodowa cicha ergonomiczna", 59.99, 4229),
    ("Klawiatura mechaniczna z polskimi znakami", 249.0, 4230),
    ("Powerbank 20000 mAh z wyświetlaczem", 109.0, 4231),
    ("Etui skórzane na telefon z klapką brązowe", 49.0, 4232),
    ("Plecak miejski wodoodporny 25 l czarny", 139.0, 1454),
    ("Torebka damska skórzana listonoszka", 189.0, 1455),
    ("Szalik wełniany w kratę zielony", 69.0, 1456),
    ("Czapka zimowa z pomponem różowa", 39.0, 1457),
    ("Skarpety bawełniane 10 par rozmiar 43-46", 45.0, 1458),
    ("Buty trekkingowe męskie skórzane rozm. 44", 329.0, 1459),
    ("Koszula lniana męska błękitna rozmiar L", 159.0, 1460),
    ("Sukienka letnia w łączkę rozmiar 38", 119.0, 1461),
    ("Klocki konstrukcyjne zamek rycerski 512 el.", 169.0, 11818),
    ("Puzzle 1000 elementów Zamek w Malborku", 49.0, 11819),
    ("Pluszowy miś brązowy 40 cm", 59.0, 11820),
    ("Gra planszowa ekonomiczna dla całej rodziny", 129.0, 11821),
    ("Hulajnoga dziecięca trójkołowa świecące kółka", 149.0, 11822),
    ("Rower górski 29\" rama aluminiowa 21 biegów", 1899.0, 20782),
    ("Kask rowerowy regulowany rozmiar M", 119.0, 20783),
    ("Bidon sportowy 750 ml bez BPA", 24.0, 20784),
    ("Mata do jogi antypoślizgowa 6 mm fioletowa", 79.0, 20785),
    ("Hantle żeliwne 2x5 kg z gryfami", 159.0, 20786),
    ("Namiot turystyczny 3-osobowy dwupowłokowy", 449.0, 20787),
    ("Śpiwór puchowy komfort do -5°C", 389.0, 20788),
    ("Miód wielokwiatowy z pasieki 1,2 kg", 55.0, 122233),
    ("Herbata liściasta czarna z pigwą 250 g", 29.0, 122234),
    ("Kawa ziarnista 100% arabika 1 kg świeżo palona", 89.0, 122235),
    ("Oliwa z oliwek extra vergine 1 l", 69.0, 122236),
    ("Nasiona pomidorów malinowych zestaw 5 odmian", 19.0, 1523),
    ("Donica ceramiczna ogrodowa 40 cm grafit", 119.0, 1524),
    ("Sekator ogrodowy nożycowy z blokadą", 49.0, 1525),
    ("Wąż ogrodowy 25 m z zraszaczem", 99.0, 1526),
    ("Obraz na płótnie Tatry o świcie 60x40", 179.0, 5430),
    ("Lampka nocna z drewna dębowego", 139.0, 5431),
    ("Zegar ścienny retro cichy mechanizm", 89.0, 5432),
    ("Lustro łazienkowe okrągłe 60 cm LED", 299.0, 5433),
    ("Perfumy damskie zapach konwalii 50 ml", 159.0, 1429),
    ("Krem do rąk z masłem shea 100 ml", 19.99, 1430),
    ("Szczoteczka soniczna do zębów biała", 199.0, 1431),
    ("Karma dla kota z łososiem 7 kg", 139.0, 1279),
    ("Legowisko dla psa owalne rozmiar L szare", 119.0, 1280),
    ("Smycz automatyczna dla psa 5 m do 25 kg", 49.0, 1281),
    ("Pióro wieczne ze stalówką złoconą", 259.0, 11763),
    ("Notes w kropki A5 twarda okładka żółta", 29.0, 11764),
    ("Płyta winylowa polski jazz lat 60.", 119.0, 11765),
    ("Gitara klasyczna 4/4 z pokrowcem", 459.0, 11766),
]

BUYER_LOGINS = [
    "kasia_zakupy", "marek1987", "ania.kot", "zbyszek_rower", "gosia_w",
    "tomek-elektronik", "ola_handmade", "pan_jurek",
]

# How the demo offers end up (weights for 60 offers; scaled to any count).
SCENARIOS = [
    ("selling", 26), ("auction_live", 12), ("sold_out", 4), ("auction_no_bids_ended", 4),
    ("auction_won", 3), ("ended_by_seller", 6), ("ended_long_ago", 2), ("scheduled", 3),
]


def _scenarios(count: int, rng: random.Random) -> list[str]:
    total = sum(w for _, w in SCENARIOS)
    plan = []
    for name, weight in SCENARIOS:
        plan += [name] * max(0, round(weight * count / total))
    plan = plan[:count] + ["selling"] * max(0, count - len(plan))
    rng.shuffle(plan)
    return plan


def _title(index: int) -> tuple[str, float, int]:
    title, price, category = PRODUCTS[index % len(PRODUCTS)]
    round_no = index // len(PRODUCTS)
    if round_no:
        suffix = f" ({round_no + 1})"
        title = title[: 50 - len(suffix)].rstrip() + suffix
    return title, price, category


def demo_shop(seed: int, count: int) -> Callable[[Shop], None]:
    """What `Shop.reset` fills an empty shop with: the demo world of `count` offers."""
    return lambda shop: build_demo(shop, seed, count)


def build_demo(shop: Shop, seed: int, count: int) -> None:
    """Fill an empty shop (lock held by the caller) with the demo world."""
    rng = random.Random(seed)
    shop.rng = random.Random(seed + 1)
    wall_now = int(time.time())
    real_now = wall_now + shop.clock_offset

    for login in BUYER_LOGINS:
        shop.buyer(login)

    script = _Script(rng, real_now)
    for slot, scenario in enumerate(_scenarios(count, rng)):
        title, price, category = _title(slot)
        price = round(price * rng.uniform(0.9, 1.1), 2)
        spec = {"slot": slot, "title": title, "price": price, "category": category}
        getattr(script, scenario)(slot, spec)
    # One recent cancellation, so every journal event type is in the demo.
    script.at(real_now - 30 * 60, "cancel")
    _play(shop, script.actions, wall_now, real_now)


class _Script:
    """The demo's history as timed actions, one method per scenario (rng drawn in order)."""

    def __init__(self, rng: random.Random, real_now: int) -> None:
        self.rng, self.now = rng, real_now
        self.actions: list[tuple[int, int, str, dict]] = []  # (time, order, kind, data)

    def at(self, when: float, kind: str, **data) -> None:
        self.actions.append((int(when), len(self.actions) + 1, kind, data))

    def purchases(self, slot: int, quantity: int, first: float, last: float, count: int) -> None:
        rng = self.rng
        for k in range(count):
            when = first + (last - first) * (k + 1) / (count + 1) + rng.randint(0, HOUR)
            roll = rng.random()
            self.at(when, "buy", slot=slot, quantity=quantity,
                    paid=roll < 0.75, cod=roll >= 0.88, buyer=rng.choice(BUYER_LOGINS))

    def bids(self, slot: int, start: int, count: int, every: int) -> None:
        for k in range(count):
            self.at(start + (k + 1) * every, "bid", slot=slot, buyer=self.rng.choice(BUYER_LOGINS))

    def selling(self, slot: int, spec: dict) -> None:
        rng, now = self.rng, self.now
        start = now - rng.randint(1, 25) * DAY - rng.randint(0, DAY)
        quantity = rng.choice([5, 8, 10, 12, 20, 30, 50, 100])
        self.at(start, "create", **spec, fmt=BUY_NOW, quantity=quantity, duration=rng.choice([0, 0, 30]))
        sales = rng.randint(0, 3)
        self.purchases(slot, 1, max(start, now - 14 * DAY), now - HOUR, sales)

    def auction_live(self, slot: int, spec: dict) -> None:
        rng = self.rng
        start = self.now - rng.randint(1, 5) * DAY - rng.randint(0, DAY)
        self.at(start, "create", **spec, fmt=AUCTION, quantity=1, duration=rng.choice([7, 10]))
        self.bids(slot, start, rng.choice([0, 0, 1, 2, 4]), 6 * HOUR)

    def sold_out(self, slot: int, spec: dict) -> None:
        rng = self.rng
        start = self.now - rng.randint(20, 40) * DAY
        quantity = rng.choice([1, 2, 3])
        self.at(start, "create", **spec, fmt=BUY_NOW, quantity=quantity, duration=0)
        self.purchases(slot, 1, start + DAY, self.now - rng.randint(1, 15) * DAY, quantity)

    def auction_no_bids_ended(self, slot: int, spec: dict) -> None:
        start = self.now - self.rng.randint(10, 45) * DAY
        self.at(start, "create", **spec, fmt=AUCTION, quantity=1, duration=self.rng.choice([3, 5, 7]))

    def auction_won(self, slot: int, spec: dict) -> None:
        rng = self.rng
        start = self.now - rng.randint(8, 30) * DAY
        self.at(start, "create", **spec, fmt=AUCTION, quantity=1, duration=rng.choice([5, 7]))
        self.bids(slot, start, rng.randint(1, 4), 12 * HOUR)

    def ended_by_seller(self, slot: int, spec: dict) -> None:
        rng = self.rng
        start = self.now - rng.randint(25, 50) * DAY
        self.at(start, "create", **spec, fmt=BUY_NOW, quantity=rng.choice([5, 10, 15]),
                duration=rng.choice([0, 30]))
        end = self.now - rng.randint(5, 20) * DAY
        self.purchases(slot, 1, start + DAY, end - DAY, rng.randint(0, 2))
        self.at(end, "finish", slot=slot)

    def ended_long_ago(self, slot: int, spec: dict) -> None:
        start = self.now - self.rng.randint(75, 80) * DAY
        self.at(start, "create", **spec, fmt=BUY_NOW, quantity=5, duration=10)

    def scheduled(self, slot: int, spec: dict) -> None:
        rng = self.rng
        start = self.now + rng.randint(1, 3) * DAY + rng.randint(0, DAY)
        self.at(self.now - 2 * HOUR, "create", **spec, fmt=BUY_NOW, quantity=10, duration=0, start_at=start)


def _play(shop: Shop, actions: list[tuple[int, int, str, dict]], wall_now: int, real_now: int) -> None:
    """Carry the actions out in time order through the shop's own rules, on its clock."""
    offers_by_slot: dict[int, int] = {}
    forms_made: list[int] = []
    for when, _, kind, data in sorted(actions):
        shop.clock_offset = min(when, real_now) - wall_now
        if kind == "create":
            offer = shop.create_offer(
                data["title"], data["fmt"], data["price"], data["quantity"],
                data.get("start_at", when), data["duration"], data["category"],
            )
            offers_by_slot[data["slot"]] = offer.id
            continue
        if kind == "cancel":
            if forms_made:
                shop.cancel_form(forms_made[len(forms_made) // 2])
            continue
        if kind == "finish":
            shop.tick()
        offer = shop.offers[offers_by_slot[data["slot"]]]
        if offer.state != "active":
            continue
        if kind == "buy":
            result = shop.purchase(offer.id, data["buyer"], data["quantity"], data["paid"], data["cod"])
            forms_made.append(result["form_id"])
        elif kind == "bid":
            shop.bid(offer.id, data["buyer"])
        else:
            shop.finish(offer.id, cancel_bids=False)
    shop.clock_offset = real_now - wall_now
    shop.tick()
