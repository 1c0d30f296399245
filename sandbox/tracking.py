"""Carriers (doAddPackageInfoToPostBuyForm operatorId) and their tracking-number formats.

The operator ids are Allegro's [D:744]; the formats are the sandbox's plausible
reading of each carrier's waybill numbers (Allegro never published its checks).
Numbers are matched exactly: no trimming, no case folding.
"""

from __future__ import annotations

import re

_GENERIC = r"[A-Z0-9][A-Z0-9-]{5,29}"

# operatorId -> (name, full-match regex)
CARRIERS: dict[int, tuple[str, re.Pattern[str]]] = {
    1: ("UPS", re.compile(r"1Z[0-9A-Z]{16}")),
    2: ("GLS", re.compile(r"\d{11}|[0-9A-Z]{8}")),
    3: ("Ruch", re.compile(_GENERIC)),
    4: ("DHL", re.compile(r"\d{10,11}|JJD\d{18,21}")),
    5: ("InPost", re.compile(r"\d{24}")),
    6: ("Poczta Polska", re.compile(r"00\d{18}|[A-Z]{2}\d{9}PL")),
    7: ("DPD", re.compile(r"\d{13}[A-Z]?|\d{14}")),
    9: ("DPD", re.compile(r"\d{13}[A-Z]?|\d{14}")),
    10: ("FedEx", re.compile(r"\d{12}|\d{15}|\d{20}|\d{22}")),
    11: ("TNT Express", re.compile(r"GE\d{9}[A-Z]{2}|\d{9}")),
    12: ("DB Schenker", re.compile(_GENERIC)),
    13: ("Raben", re.compile(_GENERIC)),
    14: ("GEIS", re.compile(_GENERIC)),
    15: ("Pocztex", re.compile(r"00\d{18}|PX\d{10}")),
    16: ("DTS", re.compile(_GENERIC)),
    17: ("PEKAES", re.compile(_GENERIC)),
    18: ("Patron Service", re.compile(_GENERIC)),
}
OTHER_OPERATOR = 0
_OTHER_FORMAT = re.compile(r"[A-Za-z0-9][A-Za-z0-9/-]{3,39}")

OPERATOR_OK = "ok"
BAD_OPERATOR = "operator"
BAD_PACKAGE = "package"


def check(operator_id: int, package_id: str | None, operator_name: str | None) -> str:
    """Classify one package: OPERATOR_OK, BAD_OPERATOR or BAD_PACKAGE."""
    if operator_id == OTHER_OPERATOR:
        # operatorName is mandatory with operatorId 0 (Allegro news, 2018-04-13).
        if not operator_name or not operator_name.strip():
            return BAD_OPERATOR
        pattern = _OTHER_FORMAT
    elif operator_id in CARRIERS:
        pattern = CARRIERS[operator_id][1]
    else:
        return BAD_OPERATOR
    if not package_id or pattern.fullmatch(package_id) is None:
        return BAD_PACKAGE
    return OPERATOR_OK


def operator_name(operator_id: int, given: str | None) -> str:
    if operator_id == OTHER_OPERATOR:
        return given or ""
    return CARRIERS[operator_id][0]
