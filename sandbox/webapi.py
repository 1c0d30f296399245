"""The WebAPI operations: request parameters in, response fields out (FACTS.md semantics).

Each handler checks the call (key, session, limits), asks the shop, and builds the
plain dicts that ``soap.Contract.build_response`` turns into the contract's XML.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from contextlib import contextmanager
from typing import Callable

from . import shop as world
from .faults import WebApiFault, message_pair
from .sessions import (
    COUNTRY_ID,
    PASSWORD_CHARS_READ,
    SELLER_ID,
    SELLER_LOGIN,
    SELLER_PASSWORD,
    check_country,
    check_webapi_key,
    password_hash,
)
from .shop import ACTIVE, AUCTION, BUY_NOW, ENDED, SCHEDULED, Offer, Shop

try:  # dates in post-buy forms are Polish local time, as Allegro showed them
    from zoneinfo import ZoneInfo

    WARSAW = ZoneInfo("Europe/Warsaw")
except Exception:  # pragma: no cover - no tz database on this machine
    WARSAW = dt.timezone.utc

FINISH_BATCH = 25
SELL_AGAIN_BATCH = 25
ITEMS_INFO_BATCH = 10
FORMS_DATA_BATCH = 25
TRANSACTIONS_BATCH = 25
PACKAGES_PER_CALL = 20
MY_ITEMS_PAGE_MAX = 1000
MY_ITEMS_PAGE_DEFAULT = 100
MY_ITEMS_IDS_MAX = 100
FORMS_IDS_MAX = 1000
FORMS_IDS_DEFAULT = 100
JOURNAL_PAGE = 100
JOURNAL_INFO_MAX = 10_000
SYSVARS = {1, 3, 4}  # 3 categories, 4 sell-form fields [D:61]; 1 used by real clients
OTHER_COUNTRY = 34  # doQueryAllSysStatus lists a second country, as the [D:62] sample does

# filterToEnd / filterFromStart / filterFromEnd codes -> hours [D:1202]
FILTER_HOURS = {2: 1, 3: 3, 4: 6, 5: 12, 6: 24, 7: 48, 8: 72, 9: 96, 10: 120, 11: 144, 12: 168}
# Seller-tab priceType codes (not captured in FACTS; the sandbox's choice, see README).
PRICE_BUY_NOW, PRICE_CURRENT_BID, PRICE_STARTING = 1, 2, 3
DURATION_FIXED, DURATION_UNTIL_SOLD_OUT = 1, 2
FUTURE_WAITING = 1  # FutureItemStruct.itemStatus: waiting for its start time (README)
MY_ITEMS_FIELDS = {"sell": ("sellItemsCounter", "sellItemsList"),
                   "sold": ("soldItemsCounter", "soldItemsList"),
                   "notsold": ("notSoldItemsCounter", "notSoldItemsList"),
                   "future": ("futureItemsCounter", "futureItemsList")}
PAGING_PARAMS = ("sessionId", "pageSize", "pageNumber")
TIME_FILTERS = ("filterToEnd", "filterFromStart", "filterFromEnd")
SELECTIONS_KEPT = 16
ENDING_RUNNING, ENDING_ENDED, ENDING_ENDED_EARLY = 1, 2, 3


class NotImplementedOperation(Exception):
    """An operation of the WSDL the sandbox does not emulate."""


def _session(params: dict) -> str | None:
    return params["sessionHandle"] if "sessionHandle" in params else params.get("sessionId")


def _ids(value) -> list[int]:
    return list(value or [])


def _time_left(seconds: int) -> str:
    """itemEndTimeLeft as My Allegro showed it: '3 dni', '5 godz.', '12 min'."""
    if seconds <= 0:
        return "zakończona"
    if seconds >= 86400:
        days = seconds // 86400
        return "1 dzień" if days == 1 else f"{days} dni"
    if seconds >= 3600:
        return f"{seconds // 3600} godz."
    return f"{max(1, seconds // 60)} min"


def _local(ts: int | None) -> str:
    if not ts:
        return ""
    return dt.datetime.fromtimestamp(ts, WARSAW).strftime("%Y-%m-%d %H:%M:%S")


class WebApi:
    """Dispatches parsed requests to handlers; one instance per server."""

    def __init__(self, shop: Shop):
        self.shop = shop
        # localIds of doSellSomeAgain calls received but not yet carried out (held back by
        # a delay rule): doVerifyItem answers them "pending" (itemListed 0), as Allegro did
        # while it was still working on a request.
        self._relists_under_way: Counter[int] = Counter()
        self._under_way_lock = threading.Lock()
        self._selections: dict[tuple, list[Offer]] = {}
        self._selections_of: dict | None = None
        self._selections_changes = -1
        self._handlers: dict[str, Callable[[dict], dict]] = {
            "doQuerySysStatus": self.do_query_sys_status,
            "doQueryAllSysStatus": self.do_query_all_sys_status,
            "doLogin": self.do_login,
            "doLoginEnc": self.do_login_enc,
            "doGetMySellItems": lambda p: self.my_items(p, "sell"),
            "doGetMySoldItems": lambda p: self.my_items(p, "sold"),
            "doGetMyNotSoldItems": lambda p: self.my_items(p, "notsold"),
            "doGetMyFutureItems": lambda p: self.my_items(p, "future"),
            "doGetItemsInfo": self.do_get_items_info,
            "doChangeQuantityItem": self.do_change_quantity_item,
            "doFinishItem": self.do_finish_item,
            "doFinishItems": self.do_finish_items,
            "doSellSomeAgain": self.do_sell_some_again,
            "doVerifyItem": self.do_verify_item,
            "doGetSiteJournalDeals": self.do_get_site_journal_deals,
            "doGetSiteJournalDealsInfo": self.do_get_site_journal_deals_info,
            "doGetPostBuyFormsIds": self.do_get_post_buy_forms_ids,
            "doGetPostBuyFormsDataForSellers": self.do_get_post_buy_forms_data_for_sellers,
            "doGetTransactionsIDs": self.do_get_transactions_ids,
            "doAddPackageInfoToPostBuyForm": self.do_add_package_info,
            "doGetShipmentData": self.do_get_shipment_data,
        }

    @property
    def operations(self) -> list[str]:
        return sorted(self._handlers)

    def handle(self, operation: str, params: dict) -> dict:
        handler = self._handlers.get(operation)
        if handler is None:
            raise NotImplementedOperation(operation)
        return handler(params)

    @contextmanager
    def under_way(self, operation: str, params: dict):
        """While the block runs (the call waits, then is carried out) its relist is pending."""
        local_ids = _ids(params.get("localIds")) if operation == "doSellSomeAgain" else []
        with self._under_way_lock:
            self._relists_under_way.update(local_ids)
        try:
            yield
        finally:
            with self._under_way_lock:
                self._relists_under_way.subtract(local_ids)
                for local_id in local_ids:
                    if self._relists_under_way[local_id] <= 0:
                        del self._relists_under_way[local_id]

    @staticmethod
    def item_ids(operation: str, params: dict) -> list[int]:
        """The offer or form ids a call touches, for the call log."""
        if operation in ("doGetItemsInfo", "doGetTransactionsIDs"):
            return _ids(params.get("itemsIdArray"))
        if operation == "doChangeQuantityItem":
            return [params["itemId"]]
        if operation == "doFinishItem":
            return [params["finishItemId"]]
        if operation == "doFinishItems":
            return [i["finishItemId"] for i in params.get("finishItemsList") or []]
        if operation == "doSellSomeAgain":
            return _ids(params.get("sellItemsArray"))
        if operation in ("doGetMySellItems", "doGetMySoldItems", "doGetMyNotSoldItems",
                         "doGetMyFutureItems"):
            return _ids(params.get("itemIds"))
        if operation == "doGetPostBuyFormsDataForSellers":
            return _ids(params.get("transactionsIdsArray"))
        if operation == "doAddPackageInfoToPostBuyForm":
            return [params["transactionId"]]
        return []

    # -- version key and login ------------------------------------------------------------
    def do_query_sys_status(self, p: dict) -> dict:
        check_webapi_key(p["webapiKey"])
        check_country(p["countryId"])
        if p["sysvar"] not in SYSVARS:
            raise WebApiFault("ERR_UNKNOWN_FEATURE")
        return {"info": f"WebAPI sandbox, component {p['sysvar']}", "verKey": self.shop.version_key}

    def do_query_all_sys_status(self, p: dict) -> dict:
        check_webapi_key(p["webapiKey"])
        check_country(p["countryId"])
        key = self.shop.version_key

        def status(country: int, ver_key: int) -> dict:
            return {"countryId": country, "programVersion": "1.0", "catsVersion": "1.0",
                    "apiVersion": "1.0", "attribVersion": "1.0", "formSellVersion": "1.0",
                    "siteVersion": "1.0", "verKey": ver_key}

        return {"sysCountryStatus": {"item": [status(COUNTRY_ID, key),
                                              status(OTHER_COUNTRY, key + 100_000)]}}

    def _login(self, p: dict, password_ok: bool) -> dict:
        handle, user_id, now = self.shop.login(
            p["userLogin"], password_ok, p["countryCode"], p["webapiKey"], p["localVersion"])
        return {"sessionHandlePart": handle, "userId": user_id, "serverTime": now}

    def do_login(self, p: dict) -> dict:
        given = p["userPassword"] or ""
        ok = given[:PASSWORD_CHARS_READ] == SELLER_PASSWORD[:PASSWORD_CHARS_READ]
        return self._login(p, ok)

    def do_login_enc(self, p: dict) -> dict:
        return self._login(p, p["userHashPassword"] == password_hash(SELLER_PASSWORD))

    # -- My Allegro lists ---------------------------------------------------------------------
    def my_items(self, p: dict, kind: str) -> dict:
        self.shop.session(_session(p))
        page_size = p.get("pageSize")
        page_size = MY_ITEMS_PAGE_DEFAULT if page_size is None else page_size
        if page_size > MY_ITEMS_PAGE_MAX:
            raise WebApiFault("ERR_ITEMS_ARRAY_OVERSIZED")
        if page_size < 1:
            raise WebApiFault("ERR_INVALID_PAGE_SIZE")
        page_number = p.get("pageNumber") or 0
        if page_number < 0:
            raise WebApiFault("ERR_INVALID_PAGE_NUMBER")
        wanted = p.get("itemIds")
        if wanted is not None and len(wanted) > MY_ITEMS_IDS_MAX:
            raise WebApiFault("ERR_ITEMS_ARRAY_OVERSIZED")
        with self.shop.lock:
            now = self.shop.now()
            offers = self._selection(p, kind, now)
            start = page_number * page_size
            chosen = offers[start:start + page_size]
            if kind == "future":
                page = [self._future_struct(o) for o in chosen]
            else:
                page = [self._item_struct(o, now, kind) for o in chosen]
        counter, listing = MY_ITEMS_FIELDS[kind]
        return {counter: len(offers), listing: {"item": page}}

    def _selection(self, p: dict, kind: str, now: int) -> list[Offer]:
        """The whole sorted list of a tab; kept while nothing changes, for paging through it.

        Paging 20,000 offers in pages of 1,000 would otherwise filter and sort them 20
        times. Every change to the offers bumps ``shop.changes``; the time filters also
        depend on the clock. Lock held by the caller.
        """
        filters = p.get("filterOptions") or {}
        timed = any(filters.get(name) in FILTER_HOURS for name in TIME_FILTERS)
        query = repr({k: v for k, v in p.items() if k not in PAGING_PARAMS})
        key = (kind, query, now if timed else None)
        # A reset or a state load replaces the offers dict itself, hence "is".
        if self._selections_of is not self.shop.offers \
                or self._selections_changes != self.shop.changes:
            self._selections.clear()
            self._selections_of = self.shop.offers
            self._selections_changes = self.shop.changes
        offers = self._selections.get(key)
        if offers is None:
            if len(self._selections) >= SELECTIONS_KEPT:
                self._selections.clear()
            wanted = p.get("itemIds")
            offers = self._select(p, kind, now, set(wanted) if wanted else None)
            self._selections[key] = offers
        return offers

    def _select(self, p: dict, kind: str, now: int, wanted: set[int] | None) -> list[Offer]:
        if wanted is not None:
            candidates = [self.shop.offers[i] for i in sorted(wanted) if i in self.shop.offers]
        else:
            candidates = self.shop.offers.values()
        chosen = [o for o in candidates if not o.hidden and self._in_tab(o, kind)]
        chosen = self._matching(chosen, p, kind, now)
        sort = p.get("sortOptions") or {}
        chosen.sort(key=self._sort_key(sort.get("sortType"), kind), reverse=sort.get("sortOrder") == 2)
        return chosen

    @staticmethod
    def _in_tab(offer: Offer, kind: str) -> bool:
        if kind == "sell":
            return offer.state == ACTIVE
        if kind == "future":
            return offer.state == SCHEDULED
        return offer.state == ENDED and (offer.sold_quantity > 0) == (kind == "sold")

    def _matching(self, chosen: list[Offer], p: dict, kind: str, now: int) -> list[Offer]:
        """The offers that pass the search text, the category and the filter options."""
        filters = {name: value for name, value in (p.get("filterOptions") or {}).items()
                   if value}  # 0 means "all" for every filter
        search = (p.get("searchValue") or "").strip().lower()
        category = p.get("categoryId")
        if search:
            chosen = [o for o in chosen if search in o.title.lower()]
        if category:
            chosen = [o for o in chosen if o.category_id == category]
        if filters:
            chosen = [o for o in chosen if self._passes(o, filters, kind, now)]
        return chosen

    def _sort_key(self, sort_type, kind: str) -> Callable[[Offer], tuple]:
        keys = {
            2: lambda o: (self._current_price(o), o.id),
            3: lambda o: (o.title.lower(), o.id),
            4: lambda o: (len(o.bids), o.id),
            5: lambda o: (o.highest_bid.amount if o.bids else 0.0, o.id),
            7: lambda o: (o.price, o.id),
            9: lambda o: (o.start_quantity, o.id),
            10: lambda o: (o.sold_quantity, o.id),
        }
        if sort_type in keys:
            return keys[sort_type]
        # Scheduled offers are listed by their start time, the others by their end.
        if kind == "future":
            return lambda o: (o.start_time, o.id)
        return lambda o: (o.ended_at or o.end_time, o.id)

    def _passes(self, offer: Offer, f: dict, kind: str, now: int) -> bool:
        if f.get("filterFormat") == 2:  # shop offers: the sandbox account has none
            return False
        if f.get("filterAutoListing") in (2, 3):  # no auto-relisting offers either
            return False
        bids = f.get("filterBids")
        if bids == 1 and not offer.bids or bids == 2 and offer.bids:
            return False
        duration = f.get("filterDurationType")
        if duration and duration != self._duration_type(offer):
            return False
        price = f.get("filterPrice") or {}
        current = self._current_price(offer)
        if price.get("filterPriceFrom") is not None and current < price["filterPriceFrom"]:
            return False
        if price.get("filterPriceTo") is not None and current > price["filterPriceTo"]:
            return False
        for name, moment, ahead in (("filterToEnd", offer.end_time, True),
                                    ("filterFromStart", offer.start_time, False),
                                    ("filterFromEnd", offer.ended_at, False)):
            hours = FILTER_HOURS.get(f.get(name))
            if hours is None or moment is None:
                continue
            distance = moment - now if ahead else now - moment
            if not 0 <= distance <= hours * 3600:
                return False
        return True

    @staticmethod
    def _current_price(offer: Offer) -> float:
        if offer.format == AUCTION and offer.bids:
            return offer.highest_bid.amount
        return offer.price

    @staticmethod
    def _duration_type(offer: Offer) -> int:
        return DURATION_UNTIL_SOLD_OUT if offer.until_sold_out else DURATION_FIXED

    def _bidder(self, offer: Offer) -> dict:
        top = offer.highest_bid
        buyer = self.shop.buyers[top.buyer_id] if top else None
        return {"userId": buyer.id if buyer else 0, "userLogin": buyer.login if buyer else "",
                "userRating": 12 if buyer else 0, "userIcons": 0,
                "userCountry": COUNTRY_ID if buyer else 0}

    def _prices(self, offer: Offer) -> list[dict]:
        if offer.format == BUY_NOW:
            return [{"priceType": PRICE_BUY_NOW, "priceValue": offer.price}]
        prices = [{"priceType": PRICE_STARTING, "priceValue": offer.price}]
        if offer.bids:
            prices.append({"priceType": PRICE_CURRENT_BID,
                           "priceValue": offer.highest_bid.amount})
        return prices

    def _item_struct(self, offer: Offer, now: int, kind: str) -> dict:
        item = {
            "itemId": offer.id, "itemTitle": offer.title, "itemThumbnailUrl": "",
            "itemPrice": {"item": self._prices(offer)},
            "itemStartQuantity": offer.start_quantity,
            "itemQuantityType": 0, "itemStartTime": offer.start_time,
            "itemEndTime": offer.ended_at or offer.end_time,
            "itemBiddersCounter": len(offer.bids), "itemHighestBidder": self._bidder(offer),
            "itemCategoryId": offer.category_id, "itemWatchersCounter": offer.watchers,
            "itemViewsCounter": offer.views, "itemNote": "", "itemSpecialInfo": 0,
            "itemShopInfo": 0, "itemProductInfo": 0, "itemPayuInfo": 1,
        }
        if kind != "notsold":
            item["itemSoldQuantity"] = offer.sold_quantity
            item["itemEndTimeLeft"] = _time_left(
                offer.end_time - now if offer.state == ACTIVE else 0)
            item["itemDurationInfo"] = {"durationType": self._duration_type(offer)}
        return item

    def _future_struct(self, offer: Offer) -> dict:
        """FutureItemStruct: a scheduled offer, which has no end, sales or bids yet."""
        return {
            "itemId": offer.id, "itemTitle": offer.title, "itemThumbnailUrl": "",
            "itemPrice": {"item": self._prices(offer)},
            "itemStartQuantity": offer.start_quantity, "itemQuantityType": 0,
            "itemStartTime": offer.start_time, "itemCategoryId": offer.category_id,
            "itemNote": "", "itemSpecialInfo": 0, "itemShopInfo": 0, "itemProductInfo": 0,
            "itemPayuInfo": 1, "itemStatus": FUTURE_WAITING,
        }

    # -- single offers ----------------------------------------------------------------------
    def do_get_items_info(self, p: dict) -> dict:
        self.shop.session(p["sessionHandle"])
        ids = _ids(p.get("itemsIdArray"))
        if not ids:
            raise WebApiFault("ERR_INPUT_ARRAY_EMPTY")
        if len(ids) > ITEMS_INFO_BATCH:
            raise WebApiFault("ERR_ITEMS_ARRAY_OVERSIZED")
        found, missing = [], []
        with self.shop.lock:
            for item_id in ids:
                offer = self.shop.offers.get(item_id)
                if offer is None:
                    missing.append(item_id)
                else:
                    found.append(self._item_info(offer, p))
        return {"arrayItemListInfo": {"item": found}, "arrayItemsNotFound": {"item": missing},
                "arrayItemsAdminKilled": {"item": []}}

    def _item_info(self, offer: Offer, p: dict) -> dict:
        """doShowItemInfoExt's answer: the item, then the parts the request asked for."""
        struct = {
            "itemInfo": self._item_fields(offer, p),
            "itemPaymentOptions": {"payOptionTransfer": 1, "payOptionOnDelivery": 1,
                                   "payOptionAllegroPay": 0, "payOptionSeeDesc": 0,
                                   "payOptionPayu": 1, "payOptionEscrow": 0, "payOptionQiwi": 0},
            "itemCompanyInfo": self._company_info(p.get("getCompanyInfo") == 1),
            "itemProductInfo": {"productId": 0, "productName": "", "productDescription": ""},
        }
        struct.update(self._asked_parts(p))
        return struct

    def _item_fields(self, offer: Offer, p: dict) -> dict:
        top = offer.highest_bid
        bidder = self.shop.buyers[top.buyer_id] if top else None
        if offer.state != ENDED:
            ending = ENDING_RUNNING
        else:
            ending = ENDING_ENDED_EARLY if offer.ended_by == "seller" else ENDING_ENDED
        info = {
            "itId": offer.id, "itCountry": COUNTRY_ID, "itName": offer.title,
            "itPrice": self._current_price(offer), "itBidCount": len(offer.bids),
            "itEndingTime": offer.ended_at or offer.end_time, "itSellerId": SELLER_ID,
            "itSellerLogin": SELLER_LOGIN, "itSellerRating": 1520,
            "itStartingTime": offer.start_time,
            "itStartingPrice": offer.price if offer.format == AUCTION else 0.0,
            "itQuantity": offer.remaining, "itFotoCount": 1, "itReservePrice": 0.0,
            "itLocation": "Warszawa",
            "itBuyNowPrice": offer.price if offer.format == BUY_NOW else 0.0,
            "itBuyNowActive": 1 if offer.format == BUY_NOW else 0,
            "itHighBidder": bidder.id if bidder else 0,
            "itHighBidderLogin": bidder.login if bidder else "",
            "itDescription": f"<p>{offer.title}. Wysyłka w 24 godziny.</p>"
            if p.get("getDesc") == 1 else "",
            "itOptions": 0, "itState": 7, "itIsEco": 0, "itHitCount": offer.views,
            "itPostcode": "00-950", "itVatInvoice": 1, "itVatMarginInvoice": 0,
            "itWithoutVatInvoice": 0, "itBankAccount1": "", "itBankAccount2": "",
            "itStartingQuantity": offer.start_quantity, "itIsForGuests": 1, "itHasProduct": 0,
            "itOrderFulfillmentTime": 24, "itEndingInfo": ending, "itIsAllegroStandard": 1,
            "itIsNewUsed": 1, "itDurationInfo": {"durationType": self._duration_type(offer)},
        }
        if p.get("getEan") == 1:
            info["itEan"] = ""
        return info

    @staticmethod
    def _company_info(asked: bool) -> dict:
        company = {
            "companyFirstName": "Jan", "companyLastName": "Sprzedawca",
            "companyName": "Sklep Piaskownica sp. z o.o.", "companyAddress": "ul. Testowa 1",
            "companyPostcode": "00-950", "companyCity": "Warszawa", "companyNip": "5250000000",
        }
        return company if asked else dict.fromkeys(company, "")

    @staticmethod
    def _asked_parts(p: dict) -> dict:
        struct: dict = {}
        if p.get("getImageUrl") == 1:
            struct["itemImages"] = {"item": []}
        if p.get("getAttribs") == 1:
            struct["itemAttribs"] = {"item": [{"attribName": "Stan",
                                               "attribValues": {"item": ["Nowy"]}}]}
        if p.get("getPostageOptions") == 1:
            struct["itemPostageOptions"] = {"item": [
                {"postageAmount": world.POSTAGE[s[0]], "postageAmountAdd": 0.0,
                 "postagePackSize": 1, "postageId": s[0], "postageFreeShipping": 0,
                 "postageFulfillmentTime": {"fulfillmentTimeFrom": s[3],
                                            "fulfillmentTimeTo": s[4]}}
                for s in world.SHIPMENTS]}
        if p.get("getAfterSalesServiceConditions") == 1:
            struct["itemAfterSalesServiceConditions"] = {
                "impliedWarranty": "", "returnPolicy": "", "warranty": ""}
        if p.get("getAdditionalServicesGroup") == 1:
            struct["itemAdditionalServicesGroup"] = ""
        return struct

    def do_change_quantity_item(self, p: dict) -> dict:
        self.shop.session(p["sessionHandle"])
        offer = self.shop.change_quantity(p["itemId"], p["newItemQuantity"])
        return {"itemId": offer.id, "itemInfo": "-", "itemQuantityLeft": offer.remaining,
                "itemQuantitySold": offer.sold_quantity}

    # -- ending ---------------------------------------------------------------------------------
    @staticmethod
    def _cancel_bids(item: dict) -> bool:
        cancel = bool(item.get("finishCancelAllBids"))
        if cancel and not (item.get("finishCancelReason") or "").strip():
            raise WebApiFault("ERR_GIVE_CANCEL_BIDS_REASON")
        return cancel

    def do_finish_item(self, p: dict) -> dict:
        self.shop.session(p["sessionHandle"])
        cancel = self._cancel_bids(p)
        with self.shop.lock:
            self.shop.tick()
            self.shop.finish(p["finishItemId"], cancel)
        return {"finishValue": 1}

    def do_finish_items(self, p: dict) -> dict:
        self.shop.session(p["sessionHandle"])
        items = p.get("finishItemsList") or []
        if not items:
            raise WebApiFault("ERR_INPUT_ARRAY_EMPTY")
        if len(items) > FINISH_BATCH:
            raise WebApiFault("ERR_ITEMS_ARRAY_OVERSIZED")
        cancels = [self._cancel_bids(item) for item in items]  # all checked before any ends
        succeeded, failed = [], []
        with self.shop.lock:
            self.shop.tick()
            for item, cancel in zip(items, cancels):
                try:
                    self.shop.finish(item["finishItemId"], cancel)
                    succeeded.append(item["finishItemId"])
                except WebApiFault as fault:
                    failed.append({"finishItemId": item["finishItemId"],
                                   "finishErrorCode": fault.code,
                                   "finishErrorMessage": fault.polish})
        return {"finishItemsSucceed": {"item": succeeded}, "finishItemsFailed": {"item": failed}}

    # -- relisting ------------------------------------------------------------------------------
    def do_sell_some_again(self, p: dict) -> dict:
        self.shop.session(p["sessionHandle"])
        ids = _ids(p.get("sellItemsArray"))
        if not ids:
            raise WebApiFault("ERR_INPUT_ARRAY_EMPTY")
        if len(ids) > SELL_AGAIN_BATCH:
            raise WebApiFault("ERR_ITEMS_ARRAY_OVERSIZED")
        local_ids = _ids(p.get("localIds")) or [None] * len(ids)
        if len(local_ids) != len(ids):
            raise WebApiFault("ERR_INVALID_VALUE_IN_LOCAL_ID")
        duration = p["sellAuctionDuration"]
        if duration not in world.BUY_NOW_DURATIONS | world.AUCTION_DURATIONS:
            raise WebApiFault("ERR_INVALID_DURATION_TIME")
        hide = bool((p.get("sellOptions") or 0) & 1)
        again, failed, not_found = [], [], []
        with self.shop.lock:
            self.shop.tick()
            now = self.shop.now()
            start = p.get("sellStartingTime") or 0
            if start > now + world.MAX_START_AHEAD:
                raise WebApiFault("ERR_TOO_DISTANT_FUTURE")
            for item_id, local_id in zip(ids, local_ids):
                if item_id not in self.shop.offers:
                    not_found.append(item_id)
                    continue
                try:
                    self.shop.sell_again(item_id, start, duration, local_id, hide)
                except WebApiFault as fault:
                    failed.append({"sellItemId": item_id, "sellFaultCode": fault.code,
                                   "sellFaultString": fault.polish})
                    continue
                again.append({"sellItemId": item_id, "sellItemInfo": "-",
                              "sellItemLocalId": local_id or 0})
        return {"itemsSellAgain": {"item": again}, "itemsSellFailed": {"item": failed},
                "itemsSellNotFound": {"item": not_found}}

    def do_verify_item(self, p: dict) -> dict:
        self.shop.session(p["sessionHandle"])
        with self.shop.lock:
            offer_id = self.shop.local_ids.get(p["localId"])
            if offer_id is None:
                with self._under_way_lock:
                    pending = self._relists_under_way[p["localId"]] > 0
                return {"itemId": -1, "itemListed": 0 if pending else -1, "itemStartingTime": 0}
            offer = self.shop.offers[offer_id]
            listed = 2 if offer.state == SCHEDULED else 1
            return {"itemId": offer.id, "itemListed": listed, "itemStartingTime": offer.start_time}

    # -- journal --------------------------------------------------------------------------------
    @staticmethod
    def _journal_start(p: dict) -> int:
        start = p.get("journalStart") or 0
        if start < 0:
            raise WebApiFault("ERR_INCORRECT_JOURNAL_START")
        return start

    def do_get_site_journal_deals(self, p: dict) -> dict:
        self.shop.session(p["sessionId"])
        events = self.shop.journal_after(self._journal_start(p), JOURNAL_PAGE)
        return {"siteJournalDeals": {"item": [
            {"dealEventId": e.id, "dealEventType": e.type, "dealEventTime": e.time,
             "dealId": e.deal_id, "dealTransactionId": e.form_id, "dealSellerId": SELLER_ID,
             "dealItemId": e.offer_id, "dealBuyerId": e.buyer_id, "dealQuantity": e.quantity}
            for e in events]}}

    def do_get_site_journal_deals_info(self, p: dict) -> dict:
        self.shop.session(p["sessionId"])
        events = self.shop.journal_after(self._journal_start(p), JOURNAL_INFO_MAX)
        return {"siteJournalDealsInfo": {"dealEventsCount": len(events),
                                         "dealLastEventTime": events[-1].time if events else 0}}

    # -- post-buy forms ------------------------------------------------------------------------
    def do_get_post_buy_forms_ids(self, p: dict) -> dict:
        self.shop.session(p["sessionId"])
        size = p.get("resultSize")
        size = FORMS_IDS_DEFAULT if size is None else size
        if size > FORMS_IDS_MAX:
            raise WebApiFault("ERR_ITEMS_ARRAY_OVERSIZED")
        if size < 1:
            raise WebApiFault("ERR_INVALID_PAGE_SIZE")
        offset = p.get("resultOffset") or 0
        if offset < 0:
            raise WebApiFault("ERR_INVALID_PAGE_NUMBER")
        roles = {"seller", "buyer"}
        for option in p.get("filterOptions") or []:
            if option.get("filterId") == "userRole":
                roles = set(option.get("filterValueId") or [])
        with self.shop.lock:
            since = self.shop.now() - world.FORMS_WINDOW
            forms = [f for f in self.shop.forms.values() if f.created_at >= since]
        # The sandbox account only sells: as a buyer it has no forms.
        forms = forms if "seller" in roles else []
        forms.sort(key=lambda f: (f.created_at, f.id), reverse=True)
        return {
            "formsCount": len(forms),
            "formsIds": {"item": [f.id for f in forms[offset:offset + size]]},
            "filtersList": {"item": [{
                "filterId": "userRole", "filterName": "Rola użytkownika",
                "filterType": "dynamic", "filterControlType": "radio",
                "filterDataType": "string", "filterIsRange": False,
                "filterValues": {"item": [
                    {"filterValueId": "seller", "filterValueName": "Sprzedający",
                     "filterValueCount": len(forms) if "seller" in roles else 0},
                    {"filterValueId": "buyer", "filterValueName": "Kupujący",
                     "filterValueCount": 0}]},
            }]},
        }

    def do_get_post_buy_forms_data_for_sellers(self, p: dict) -> dict:
        self.shop.session(p["sessionId"])
        ids = _ids(p.get("transactionsIdsArray"))
        if not ids:
            raise WebApiFault("ERR_INPUT_ARRAY_EMPTY")
        if len(ids) > FORMS_DATA_BATCH:
            raise WebApiFault("ERR_ITEMS_ARRAY_OVERSIZED")
        with self.shop.lock:
            # Unknown or foreign ids are skipped silently, as Allegro did [AUK].
            data = [self._form_struct(self.shop.forms[i]) for i in ids if i in self.shop.forms]
        return {"postBuyFormData": {"item": data}}

    def _address(self, buyer, kind: int, company: bool = False) -> dict:
        return {
            "postBuyFormAdrCountry": COUNTRY_ID, "postBuyFormAdrStreet": buyer.street,
            "postBuyFormAdrPostcode": buyer.postcode, "postBuyFormAdrCity": buyer.city,
            "postBuyFormAdrFullName": buyer.full_name,
            "postBuyFormAdrCompany": buyer.company if company else "",
            "postBuyFormAdrPhone": buyer.phone, "postBuyFormAdrNip": buyer.nip if company else "",
            "postBuyFormCreatedDate": "", "postBuyFormAdrType": kind,
        }

    @staticmethod
    def _empty_address(kind: int) -> dict:
        return {"postBuyFormAdrCountry": 0, "postBuyFormAdrStreet": "",
                "postBuyFormAdrPostcode": "", "postBuyFormAdrCity": "",
                "postBuyFormAdrFullName": "", "postBuyFormAdrCompany": "",
                "postBuyFormAdrPhone": "", "postBuyFormAdrNip": "", "postBuyFormCreatedDate": "",
                "postBuyFormAdrType": kind}

    def _form_struct(self, form: world.Form) -> dict:
        buyer = self.shop.buyers[form.buyer_id]
        items = []
        for deal_id in form.deal_ids:
            deal = self.shop.deals[deal_id]
            offer = self.shop.offers.get(deal.offer_id)
            items.append({
                "postBuyFormItQuantity": deal.quantity,
                "postBuyFormItAmount": round(deal.price * deal.quantity, 2),
                "postBuyFormItId": deal.offer_id,
                "postBuyFormItTitle": offer.title if offer else "",
                "postBuyFormItCountry": COUNTRY_ID, "postBuyFormItPrice": deal.price,
                "postBuyFormItDeals": {"item": [{
                    "dealId": deal.id, "dealFinalPrice": deal.price,
                    "dealQuantity": deal.quantity,
                    "dealDate": dt.datetime.fromtimestamp(deal.time, WARSAW),
                    "dealWasDiscounted": False}]},
            })
        if form.cancelled_at is not None:
            status = "Anulowana"
        elif form.paid:
            status = "Zakończona"
        elif form.cod:
            status = "Płatność przy odbiorze"
        else:
            status = "Rozpoczęta"
        locker = form.shipment_id == 6
        created = _local(form.created_at)
        shipment_address = self._address(buyer, 1)
        shipment_address["postBuyFormCreatedDate"] = created
        invoice = self._address(buyer, 2, company=True) if buyer.company else self._empty_address(2)
        if locker:
            pickup = {**self._empty_address(3), "postBuyFormAdrCountry": COUNTRY_ID,
                      "postBuyFormAdrStreet": "ul. Paczkowa 7",
                      "postBuyFormAdrPostcode": buyer.postcode,
                      "postBuyFormAdrCity": buyer.city,
                      "postBuyFormAdrFullName": f"Paczkomat {buyer.city[:3].upper()}01M",
                      "postBuyFormAdrId": f"{buyer.city[:3].upper()}01M"}
        else:
            pickup = self._empty_address(3)
        return {
            "postBuyFormId": form.id,
            "postBuyFormItems": {"item": items},
            "postBuyFormBuyerId": buyer.id,
            "postBuyFormAmount": form.amount,
            "postBuyFormPostageAmount": form.postage,
            "postBuyFormInvoiceOption": 1 if buyer.company else 0,
            "postBuyFormMsgToSeller": form.message,
            "postBuyFormInvoiceData": invoice,
            "postBuyFormShipmentAddress": shipment_address,
            "postBuyFormPayType": form.pay_type,
            "postBuyFormPayId": form.id + 80_000_000_000 if form.paid else 0,
            "postBuyFormPayStatus": status,
            "postBuyFormDateInit": created,
            "postBuyFormDateRecv": _local(form.paid_at),
            "postBuyFormDateCancel": _local(form.cancelled_at),
            "postBuyFormShipmentId": form.shipment_id,
            "postBuyFormGdAddress": pickup,
            "postBuyFormShipmentTracking": {"item": [
                {"postBuyFormOperatorId": pk.operator_id,
                 "postBuyFormOperatorName": pk.operator_name,
                 "postBuyFormPackageId": pk.package_id, "postBuyFormPackageStatus": "Nadana"}
                for pk in form.packages]},
            "postBuyFormSurchargesList": {"item": []},
            "postBuyFormGdAdditionalInfo": "",
            "postBuyFormPaymentAmount": form.amount if form.paid else 0.0,
            "postBuyFormSentBySeller": 1 if form.packages else 0,
            "postBuyFormBuyerLogin": buyer.login,
            "postBuyFormBuyerEmail": buyer.email,
            "postBuyFormAdditionalServicesAmount": 0.0,
        }

    def do_get_transactions_ids(self, p: dict) -> dict:
        self.shop.session(p["sessionHandle"])
        ids = _ids(p.get("itemsIdArray"))
        if not ids:
            raise WebApiFault("ERR_INPUT_ARRAY_EMPTY")
        if len(ids) > TRANSACTIONS_BATCH:
            raise WebApiFault("ERR_ITEMS_ARRAY_OVERSIZED")
        role = p["userRole"]
        if role not in ("seller", "buyer"):
            raise WebApiFault("ERR_INVALID_USER_TYPE")
        if role == "buyer":
            return {"transactionsIdsArray": {"item": []}}
        wanted = set(ids)
        shipments = set(_ids(p.get("shipmentIdArray")))
        with self.shop.lock:
            forms = [
                f for f in self.shop.forms.values()
                if (f.paid or f.cod) and f.cancelled_at is None
                and (not shipments or f.shipment_id in shipments)
                and any(self.shop.deals[d].offer_id in wanted for d in f.deal_ids)
            ]
        forms.sort(key=lambda f: (f.created_at, f.id), reverse=True)
        return {"transactionsIdsArray": {"item": [f.id for f in forms]}}

    # -- tracking -----------------------------------------------------------------------------
    def do_add_package_info(self, p: dict) -> dict:
        self.shop.session(p["sessionId"])
        packages = p.get("packageInfo") or []
        if len(packages) > PACKAGES_PER_CALL:
            raise WebApiFault("ERR_ITEMS_ARRAY_OVERSIZED")
        added, bad_operator, bad_package = self.shop.add_packages(p["transactionId"], packages)
        return {"postBuyFormPackageInfo": {
            "packageIdsAdded": {"item": added},
            "packageIdsNotAddedIncorrectOperatorId": {"item": bad_operator},
            "packageIdsNotAddedIncorrectPackageId": {"item": bad_package},
        }}

    def do_get_shipment_data(self, p: dict) -> dict:
        check_webapi_key(p["webapiKey"])
        check_country(p["countryId"])
        return {"shipmentDataList": {"item": [
            {"shipmentId": sid, "shipmentName": name, "shipmentType": kind,
             "shipmentTime": {"shipmentTimeFrom": t_from, "shipmentTimeTo": t_to}}
            for sid, name, kind, t_from, t_to in world.SHIPMENTS]},
            "localVersion": self.shop.version_key}


__all__ = ["WebApi", "NotImplementedOperation", "message_pair"]
