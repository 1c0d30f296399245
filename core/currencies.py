"""ISO 4217 currencies for a channel's Default Currency, PLN first.

Only circulating currencies: fund codes (BOV, CHE, …), precious metals (XAU, …) and the
testing codes are left out, since an order is never paid in them.
"""
from __future__ import annotations

DEFAULT = "PLN"

# code -> English name, after ISO 4217 list one (2024/2025 amendments included)
_NAMES: dict[str, str] = {
    "AED": "UAE Dirham", "AFN": "Afghani", "ALL": "Lek", "AMD": "Armenian Dram",
    "AOA": "Kwanza", "ARS": "Argentine Peso", "AUD": "Australian Dollar", "AWG": "Aruban Florin",
    "AZN": "Azerbaijan Manat", "BAM": "Convertible Mark", "BBD": "Barbados Dollar", "BDT": "Taka",
    "BGN": "Bulgarian Lev", "BHD": "Bahraini Dinar", "BIF": "Burundi Franc", "BMD": "Bermudian Dollar",
    "BND": "Brunei Dollar", "BOB": "Boliviano", "BRL": "Brazilian Real", "BSD": "Bahamian Dollar",
    "BTN": "Ngultrum", "BWP": "Pula", "BYN": "Belarusian Ruble", "BZD": "Belize Dollar",
    "CAD": "Canadian Dollar", "CDF": "Congolese Franc", "CHF": "Swiss Franc", "CLP": "Chilean Peso",
    "CNY": "Yuan Renminbi", "COP": "Colombian Peso", "CRC": "Costa Rican Colon", "CUP": "Cuban Peso",
    "CVE": "Cabo Verde Escudo", "CZK": "Czech Koruna", "DJF": "Djibouti Franc", "DKK": "Danish Krone",
    "DOP": "Dominican Peso", "DZD": "Algerian Dinar", "EGP": "Egyptian Pound", "ERN": "Nakfa",
    "ETB": "Ethiopian Birr", "EUR": "Euro", "FJD": "Fiji Dollar", "FKP": "Falkland Islands Pound",
    "GBP": "Pound Sterling", "GEL": "Lari", "GHS": "Ghana Cedi", "GIP": "Gibraltar Pound",
    "GMD": "Dalasi", "GNF": "Guinean Franc", "GTQ": "Quetzal", "GYD": "Guyana Dollar",
    "HKD": "Hong Kong Dollar", "HNL": "Lempira", "HTG": "Gourde", "HUF": "Forint",
    "IDR": "Rupiah", "ILS": "New Israeli Sheqel", "INR": "Indian Rupee", "IQD": "Iraqi Dinar",
    "IRR": "Iranian Rial", "ISK": "Iceland Krona", "JMD": "Jamaican Dollar", "JOD": "Jordanian Dinar",
    "JPY": "Yen", "KES": "Kenyan Shilling", "KGS": "Som", "KHR": "Riel", "KMF": "Comorian Franc",
    "KPW": "North Korean Won", "KRW": "Won", "KWD": "Kuwaiti Dinar", "KYD": "Cayman Islands Dollar",
    "KZT": "Tenge", "LAK": "Lao Kip", "LBP": "Lebanese Pound", "LKR": "Sri Lanka Rupee",
    "LRD": "Liberian Dollar", "LSL": "Loti", "LYD": "Libyan Dinar", "MAD": "Moroccan Dirham",
    "MDL": "Moldovan Leu", "MGA": "Malagasy Ariary", "MKD": "Denar", "MMK": "Kyat", "MNT": "Tugrik",
    "MOP": "Pataca", "MRU": "Ouguiya", "MUR": "Mauritius Rupee", "MVR": "Rufiyaa", "MWK": "Malawi Kwacha",
    "MXN": "Mexican Peso", "MYR": "Malaysian Ringgit", "MZN": "Mozambique Metical", "NAD": "Namibia Dollar",
    "NGN": "Naira", "NIO": "Cordoba Oro", "NOK": "Norwegian Krone", "NPR": "Nepalese Rupee",
    "NZD": "New Zealand Dollar", "OMR": "Rial Omani", "PAB": "Balboa", "PEN": "Sol",
    "PGK": "Kina", "PHP": "Philippine Peso", "PKR": "Pakistan Rupee", "PLN": "Zloty",
    "PYG": "Guarani", "QAR": "Qatari Rial", "RON": "Romanian Leu", "RSD": "Serbian Dinar",
    "RUB": "Russian Ruble", "RWF": "Rwanda Franc", "SAR": "Saudi Riyal", "SBD": "Solomon Islands Dollar",
    "SCR": "Seychelles Rupee", "SDG": "Sudanese Pound", "SEK": "Swedish Krona", "SGD": "Singapore Dollar",
    "SHP": "Saint Helena Pound", "SLE": "Leone", "SOS": "Somali Shilling", "SRD": "Surinam Dollar",
    "SSP": "South Sudanese Pound", "STN": "Dobra", "SVC": "El Salvador Colon", "SYP": "Syrian Pound",
    "SZL": "Lilangeni", "THB": "Baht", "TJS": "Somoni", "TMT": "Turkmenistan New Manat",
    "TND": "Tunisian Dinar", "TOP": "Pa’anga", "TRY": "Turkish Lira", "TTD": "Trinidad and Tobago Dollar",
    "TWD": "New Taiwan Dollar", "TZS": "Tanzanian Shilling", "UAH": "Hryvnia", "UGX": "Uganda Shilling",
    "USD": "US Dollar", "UYU": "Peso Uruguayo", "UZS": "Uzbekistan Sum", "VED": "Bolívar Soberano",
    "VES": "Bolívar Soberano", "VND": "Dong", "VUV": "Vatu", "WST": "Tala", "XAF": "CFA Franc BEAC",
    "XCD": "East Caribbean Dollar", "XCG": "Caribbean Guilder", "XOF": "CFA Franc BCEAO",
    "XPF": "CFP Franc", "YER": "Yemeni Rial", "ZAR": "Rand", "ZMW": "Zambian Kwacha",
    "ZWG": "Zimbabwe Gold",
}

# code -> Polish name, from the Unicode CLDR (as Babel gives them); shown when the app speaks Polish
_NAMES_PL: dict[str, str] = {
    "AED": "dirham ZEA", "AFN": "afgani afgańskie", "ALL": "lek albański", "AMD": "dram armeński",
    "AOA": "kwanza angolska", "ARS": "peso argentyńskie", "AUD": "dolar australijski",
    "AWG": "florin arubański", "AZN": "manat azerski", "BAM": "marka zamienna Bośni i Hercegowiny",
    "BBD": "dolar barbadoski", "BDT": "taka bengalska", "BGN": "lew bułgarski", "BHD": "dinar bahrański",
    "BIF": "frank burundyjski", "BMD": "dolar bermudzki", "BND": "dolar brunejski",
    "BOB": "boliviano boliwijskie", "BRL": "real brazylijski", "BSD": "dolar bahamski",
    "BTN": "ngultrum bhutański", "BWP": "pula botswańska", "BYN": "rubel białoruski",
    "BZD": "dolar belizeński", "CAD": "dolar kanadyjski", "CDF": "frank kongijski", "CHF": "frank szwajcarski",
    "CLP": "peso chilijskie", "CNY": "juan chiński", "COP": "peso kolumbijskie", "CRC": "colon kostarykański",
    "CUP": "peso kubańskie", "CVE": "escudo zielonoprzylądkowe", "CZK": "korona czeska",
    "DJF": "frank dżibutyjski", "DKK": "korona duńska", "DOP": "peso dominikańskie", "DZD": "dinar algierski",
    "EGP": "funt egipski", "ERN": "nakfa erytrejska", "ETB": "birr etiopski", "EUR": "euro",
    "FJD": "dolar fidżyjski", "FKP": "funt falklandzki", "GBP": "funt szterling", "GEL": "lari gruzińskie",
    "GHS": "cedi ghańskie", "GIP": "funt gibraltarski", "GMD": "dalasi gambijskie", "GNF": "frank gwinejski",
    "GTQ": "quetzal gwatemalski", "GYD": "dolar gujański", "HKD": "dolar hongkoński",
    "HNL": "lempira honduraska", "HTG": "gourde haitański", "HUF": "forint węgierski",
    "IDR": "rupia indonezyjska", "ILS": "nowy szekel izraelski", "INR": "rupia indyjska",
    "IQD": "dinar iracki", "IRR": "rial irański", "ISK": "korona islandzka", "JMD": "dolar jamajski",
    "JOD": "dinar jordański", "JPY": "jen japoński", "KES": "szyling kenijski", "KGS": "som kirgiski",
    "KHR": "riel kambodżański", "KMF": "frank komoryjski", "KPW": "won północnokoreański",
    "KRW": "won południowokoreański", "KWD": "dinar kuwejcki", "KYD": "dolar kajmański",
    "KZT": "tenge kazachskie", "LAK": "kip laotański", "LBP": "funt libański", "LKR": "rupia lankijska",
    "LRD": "dolar liberyjski", "LSL": "loti sotyjskie", "LYD": "dinar libijski", "MAD": "dirham marokański",
    "MDL": "lej mołdawski", "MGA": "ariary malgaski", "MKD": "denar macedoński", "MMK": "kiat birmański",
    "MNT": "tugrik mongolski", "MOP": "pataca Makau", "MRU": "ugija mauretańska", "MUR": "rupia maurytyjska",
    "MVR": "rupia malediwska", "MWK": "kwacha malawijska", "MXN": "peso meksykańskie",
    "MYR": "ringgit malezyjski", "MZN": "metical mozambicki", "NAD": "dolar namibijski",
    "NGN": "naira nigeryjska", "NIO": "cordoba nikaraguańska", "NOK": "korona norweska",
    "NPR": "rupia nepalska", "NZD": "dolar nowozelandzki", "OMR": "rial omański", "PAB": "balboa panamski",
    "PEN": "sol peruwiański", "PGK": "kina papuańska", "PHP": "peso filipińskie", "PKR": "rupia pakistańska",
    "PLN": "złoty polski", "PYG": "guarani paragwajskie", "QAR": "rial katarski", "RON": "lej rumuński",
    "RSD": "dinar serbski", "RUB": "rubel rosyjski", "RWF": "frank ruandyjski", "SAR": "rial saudyjski",
    "SBD": "dolar Wysp Salomona", "SCR": "rupia seszelska", "SDG": "funt sudański", "SEK": "korona szwedzka",
    "SGD": "dolar singapurski", "SHP": "funt Świętej Heleny", "SLE": "leone sierraleoński",
    "SOS": "szyling somalijski", "SRD": "dolar surinamski", "SSP": "funt południowosudański",
    "STN": "dobra Wysp Świętego Tomasza i Książęcej", "SVC": "colon salwadorski", "SYP": "funt syryjski",
    "SZL": "lilangeni Suazi", "THB": "baht tajski", "TJS": "somoni tadżyckie", "TMT": "manat turkmeński",
    "TND": "dinar tunezyjski", "TOP": "pa’anga tongijska", "TRY": "lira turecka", "TTD": "dolar trynidadzki",
    "TWD": "nowy dolar tajwański", "TZS": "szyling tanzański", "UAH": "hrywna ukraińska",
    "UGX": "szyling ugandyjski", "USD": "dolar amerykański", "UYU": "peso urugwajskie", "UZS": "som uzbecki",
    "VED": "boliwar soberano", "VES": "boliwar wenezuelski", "VND": "dong wietnamski", "VUV": "vatu wanuackie", "WST": "tala samoańskie",
    "XAF": "frank CFA BEAC", "XCD": "dolar wschodniokaraibski", "XCG": "gulden karaibski", "XOF": "frank CFA",
    "XPF": "frank CFP", "YER": "rial jemeński", "ZAR": "rand południowoafrykański", "ZMW": "kwacha zambijska",
    "ZWG": "złoto Zimbabwe",
}

# PLN first (Allegro's own currency), then the rest alphabetically.
CODES: tuple[str, ...] = (DEFAULT, *sorted(c for c in _NAMES if c != DEFAULT))


def is_currency(code: str) -> bool:
    return code in _NAMES


def name(code: str) -> str:
    """The currency's name in the app's language (core.i18n): "Zloty", "złoty polski"."""
    from core.i18n import POLISH, language

    return _NAMES_PL.get(code, _NAMES[code]) if language() == POLISH else _NAMES[code]


def label(code: str) -> str:
    """"PLN — Zloty" ("PLN — złoty polski" in Polish), as shown in a currency list."""
    return f"{code} — {name(code)}"
