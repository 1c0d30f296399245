"""Polish buyers with plausible names, addresses and phone numbers."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

FIRST_NAMES = [
    ("Małgorzata", "a"), ("Łukasz", ""), ("Agnieszka", "a"), ("Paweł", ""), ("Żaneta", "a"),
    ("Grzegorz", ""), ("Katarzyna", "a"), ("Michał", ""), ("Dorota", "a"), ("Wojciech", ""),
    ("Joanna", "a"), ("Przemysław", ""), ("Elżbieta", "a"), ("Jędrzej", ""), ("Bożena", "a"),
    ("Stanisław", ""),
]
# Surname stems: masculine / feminine forms.
SURNAMES = [
    ("Wiśniewski", "Wiśniewska"), ("Wójcik", "Wójcik"), ("Kamiński", "Kamińska"),
    ("Lewandowski", "Lewandowska"), ("Zieliński", "Zielińska"), ("Szymański", "Szymańska"),
    ("Woźniak", "Woźniak"), ("Dąbrowski", "Dąbrowska"), ("Kozłowski", "Kozłowska"),
    ("Jabłoński", "Jabłońska"), ("Król", "Król"), ("Mazur", "Mazur"), ("Żółkiewski", "Żółkiewska"),
    ("Pietrzak", "Pietrzak"), ("Sęk", "Sęk"), ("Głowacki", "Głowacka"),
]
STREETS = [
    "ul. Kwiatowa", "ul. Słoneczna", "ul. Różana", "ul. Źródlana", "ul. Łąkowa",
    "ul. Ogrodowa", "ul. Leśna", "ul. Mickiewicza", "ul. Kościuszki", "ul. Żeromskiego",
    "al. Niepodległości", "ul. Świętokrzyska", "os. Tysiąclecia", "ul. Piękna",
]
CITIES = [
    ("Kraków", "30"), ("Łódź", "90"), ("Wrocław", "50"), ("Gdańsk", "80"), ("Poznań", "60"),
    ("Białystok", "15"), ("Zielona Góra", "65"), ("Częstochowa", "42"), ("Toruń", "87"),
    ("Bielsko-Biała", "43"), ("Gorzów Wielkopolski", "66"), ("Świnoujście", "72"),
    ("Warszawa", "00"), ("Rzeszów", "35"), ("Olsztyn", "10"), ("Kielce", "25"),
]



@dataclass
class Buyer:
    id: int
    login: str
    email: str
    full_name: str
    street: str
    postcode: str
    city: str
    phone: str
    company: str = ""
    nip: str = ""


def ascii_login(text: str) -> str:
    """'Małgorzata' -> 'malgorzata' (Polish letters to ASCII for logins and e-mails)."""
    text = text.replace("ł", "l").replace("Ł", "L")
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in folded.lower() if ch.isalnum() or ch in "._-")


def make_buyer(buyer_id: int, login: str, rng: random.Random) -> Buyer:
    first, ending = FIRST_NAMES[rng.randrange(len(FIRST_NAMES))]
    masculine, feminine = SURNAMES[rng.randrange(len(SURNAMES))]
    surname = feminine if ending else masculine
    city, zone = CITIES[rng.randrange(len(CITIES))]
    street = f"{STREETS[rng.randrange(len(STREETS))]} {rng.randint(1, 120)}"
    if rng.random() < 0.4:
        street += f"/{rng.randint(1, 60)}"
    company = ""
    nip = ""
    if rng.random() < 0.15:
        company = f"{surname} i Wspólnicy sp.j."
        nip = "".join(str(rng.randint(0, 9)) for _ in range(10))
    return Buyer(
        id=buyer_id,
        login=login,
        email=f"{ascii_login(login) or 'kupujacy'}@example.pl",
        full_name=f"{first} {surname}",
        street=street,
        postcode=f"{zone}-{rng.randint(0, 999):03d}",
        city=city,
        phone=f"+48 {rng.randint(500, 899)} {rng.randint(0, 999):03d} {rng.randint(0, 999):03d}",
        company=company,
        nip=nip,
    )
