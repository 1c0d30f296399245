"""Adding, editing and deleting stock items and locations.

Validation lives here so every caller (the Inventory screen, the CSV import, tests)
refuses the same things with the same words; a form shows the messages per field.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from core.db import database
from core.models import Listing, Location, StockItem, StockLevel
from core.i18n import _, n_

SKU_MAX = 100
TITLE_MAX = 255
BARCODE_MAX = 64
LOCATION_MAX = 100
QUANTITY_MAX = 1_000_000_000


class ValidationError(Exception):
    """What is wrong, per field (field name -> sentence)."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__(" ".join(self.problems.values()))

    @property
    def message(self) -> str:
        return str(self)


class StockError(Exception):
    """A refused change to stock, told in the seller's words."""

    @property
    def message(self) -> str:
        return str(self)


@dataclass
class ItemDraft:
    """What the item form holds: the fields and a quantity per location id."""

    sku: str = ""
    title: str = ""
    barcode: str = ""
    levels: dict[int, int] = field(default_factory=dict)

    @classmethod
    def of(cls, item: StockItem) -> ItemDraft:
        levels = {lvl.location_id: lvl.quantity for lvl in StockLevel.select().where(StockLevel.item == item)}
        return cls(item.sku, item.title, item.barcode, levels)

    @classmethod
    def of_item(cls, item_id: int) -> ItemDraft:
        """The stored item `item_id` as a draft to edit."""
        return cls.of(StockItem.get_by_id(item_id))


def validate_item(draft: ItemDraft, item_id: int | None = None) -> dict[str, str]:
    """Problems with a draft, per field; empty when it can be saved."""
    problems: dict[str, str] = {}
    sku = draft.sku.strip()
    if not sku:
        problems["sku"] = _("Enter a SKU.")
    elif len(sku) > SKU_MAX:
        problems["sku"] = _("A SKU can be at most {n} characters.").format(n=SKU_MAX)
    else:
        other = StockItem.get_or_none(StockItem.sku == sku)
        if other is not None and other.id != item_id:
            problems["sku"] = _("SKU {sku} is already used by “{title}”.").format(sku=sku, title=other.title)
    title = draft.title.strip()
    if not title:
        problems["title"] = _("Enter a title.")
    elif len(title) > TITLE_MAX:
        problems["title"] = _("A title can be at most {n} characters.").format(n=TITLE_MAX)
    if len(draft.barcode.strip()) > BARCODE_MAX:
        problems["barcode"] = _("A barcode can be at most {n} characters.").format(n=BARCODE_MAX)
    for location_id, quantity in draft.levels.items():
        if quantity < 0 or quantity > QUANTITY_MAX:
            name = Location.get_by_id(location_id).name
            problems[f"level:{location_id}"] = _("The quantity at {location} must be between 0 and {n}.").format(
                location=name, n=QUANTITY_MAX
            )
    return problems


def save_item(draft: ItemDraft, item_id: int | None = None) -> StockItem:
    """Create (item_id None) or update a stock item and its levels, in one transaction."""
    problems = validate_item(draft, item_id)
    if problems:
        raise ValidationError(problems)
    with database.atomic():
        if item_id is None:
            item = StockItem.create(sku=draft.sku.strip(), title=draft.title.strip(), barcode=draft.barcode.strip())
        else:
            item = StockItem.get_by_id(item_id)
            item.sku, item.title, item.barcode = draft.sku.strip(), draft.title.strip(), draft.barcode.strip()
            item.save()
        for location_id, quantity in draft.levels.items():
            set_level(item.id, location_id, quantity)
    return item


def set_level(item_id: int, location_id: int, quantity: int) -> None:
    """Set the stock level of an item at a location (absolute, not a delta)."""
    (
        StockLevel.insert(item=item_id, location=location_id, quantity=quantity)
        .on_conflict(conflict_target=[StockLevel.item, StockLevel.location], update={StockLevel.quantity: quantity})
        .execute()
    )


def linked_listings(item_id: int) -> list[Listing]:
    """The listings linked to a stock item: shown before it is deleted."""
    return list(Listing.select().where(Listing.stock_item == item_id).order_by(Listing.title))


def delete_items(item_ids: list[int]) -> int:
    """Delete stock items; their listings become unlinked. Returns how many were deleted."""
    with database.atomic():
        return StockItem.delete().where(StockItem.id.in_(item_ids)).execute()


# --- locations ----------------------------------------------------------------


def _check_location_name(name: str, location_id: int | None = None) -> str:
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Enter a location name.")})
    if len(name) > LOCATION_MAX:
        raise ValidationError({"name": _("A location name can be at most {n} characters.").format(n=LOCATION_MAX)})
    other = Location.get_or_none(Location.name == name)
    if other is not None and other.id != location_id:
        raise ValidationError({"name": _("There is already a location called {name}.").format(name=name)})
    return name


def add_location(name: str, default: bool = False) -> Location:
    """A new location; the first one becomes the default."""
    name = _check_location_name(name)
    with database.atomic():
        first = not Location.select().exists()
        location = Location.create(name=name, is_default=False)
        if default or first:
            set_default_location(location.id)
            location.is_default = True
    return location


def rename_location(location_id: int, name: str) -> Location:
    name = _check_location_name(name, location_id)
    location = Location.get_by_id(location_id)
    location.name = name
    location.save()
    return location


def set_default_location(location_id: int) -> None:
    """Make one location the default (where imports without a location go)."""
    with database.atomic():
        Location.update(is_default=False).where(Location.id != location_id).execute()
        Location.update(is_default=True).where(Location.id == location_id).execute()


def default_location() -> Location | None:
    return Location.get_or_none(Location.is_default == True)  # noqa: E712 - peewee expression


def delete_location(location_id: int) -> None:
    """Delete an empty location. Stock held there must be moved or zeroed first."""
    location = Location.get_by_id(location_id)
    held = (
        StockLevel.select()
        .where((StockLevel.location == location_id) & (StockLevel.quantity != 0))
        .count()
    )
    if held:
        raise StockError(
            n_(
                "{location} still holds stock of {n} item. Set its quantity to 0 before deleting the location.",
                "{location} still holds stock of {n} items. Set those quantities to 0 before deleting the location.",
                held,
            ).format(location=location.name, n=held)
        )
    with database.atomic():
        StockLevel.delete().where(StockLevel.location == location_id).execute()
        location.delete_instance()
        if location.is_default:
            successor = Location.select().order_by(Location.id).first()
            if successor is not None:
                set_default_location(successor.id)
