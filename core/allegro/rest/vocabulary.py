"""The app's values in REST's words: order event types and carriers."""
from __future__ import annotations

# REST order events as the journal's types: 1 bought, 2 form filled, 3 cancelled, 4 paid
EVENT_TYPES = {"BOUGHT": 1, "FILLED_IN": 2, "BUYER_MODIFIED": 2, "BUYER_CANCELLED": 3, "AUTO_CANCELLED": 3,
               "READY_FOR_PROCESSING": 4, "FULFILLMENT_STATUS_CHANGED": 2}
# The app's carriers (Allegro's WebAPI operator ids) as REST carrier ids; the rest go as OTHER.
OPERATOR_CARRIERS = {1: "UPS", 2: "GLS", 4: "DHL", 5: "INPOST", 6: "POCZTA_POLSKA", 7: "DPD", 9: "DPD",
                     10: "FEDEX", 11: "TNT", 12: "DB_SCHENKER", 13: "RABEN", 14: "GEIS", 15: "POCZTEX",
                     18: "PATRON_SERVICE"}
OTHER_NAMES = {3: "Ruch", 16: "DTS", 17: "PEKAES"}
