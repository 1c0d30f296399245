"""`main.py location add|list|rename|remove|set-default`: stock locations, as the Locations dialog keeps them.

The rules are core/stock_admin.py's: names unique and at most 100 characters, the first
location becomes the default, a location still holding stock cannot be removed.
"""
from __future__ import annotations

from peewee import fn

from core import inventory
from core.cli.common import (
    FAILED,
    Refused,
    action,
    actions,
    add_json,
    command_parser,
    confirm,
    err,
    print_json,
    print_table,
    run,
    yes_no,
)
from core.i18n import _, n_
from core.models import Channel, Location, StockLevel
from core.stock_admin import (
    StockError,
    ValidationError,
    add_location,
    delete_location,
    rename_location,
    set_default_location,
)


def _parser():
    parser = command_parser(
        "location",
        "Stock locations: where stock is counted. A fresh data folder has none; add one before importing stock.",
        ["main.py location add \"Magazyn A\"", "main.py location list --json"],
    )
    sub = actions(parser)
    add = action(
        sub,
        "add",
        "add a location; the first one becomes the default",
        ["main.py location add \"Magazyn A\"", "main.py location add \"Magazyn B\" --default"],
    )
    add.add_argument("name")
    add.add_argument("--default", action="store_true", help="make it the default location")
    lst = action(sub, "list", "every location with its stock and the channels that sync from it", ["main.py location list"])
    add_json(lst)
    rename = action(sub, "rename", "rename a location", ["main.py location rename \"Magazyn A\" \"Sklep\""])
    rename.add_argument("name")
    rename.add_argument("new_name")
    remove = action(
        sub,
        "remove",
        "delete an empty location",
        ["main.py location remove \"Magazyn B\" --yes"],
        description="Deletes a location that holds no stock (set its quantities to 0 first). A terminal is "
        "asked to confirm; without a terminal --yes confirms.",
    )
    remove.add_argument("name")
    remove.add_argument("--yes", action="store_true", help="delete without asking")
    default = action(
        sub,
        "set-default",
        "make a location the default (where imports without a location go)",
        ["main.py location set-default \"Magazyn A\""],
    )
    default.add_argument("name")
    return parser


def main(argv: list[str], paths) -> int:
    return run(
        _parser(),
        argv,
        paths,
        {"add": _add, "list": _list, "rename": _rename, "remove": _remove, "set-default": _set_default},
    )


def find_location(name: str) -> Location:
    location = Location.get_or_none(Location.name == name.strip())
    if location is None:
        names = ", ".join(n for (n,) in Location.select(Location.name).order_by(Location.name).tuples()) or _("none")
        raise Refused(_("There is no location called {name}.").format(name=name.strip()), _("Locations: {names}.").format(names=names))
    return location


def _add(args, paths) -> int:
    try:
        location = add_location(args.name, default=args.default)
    except ValidationError as error:
        raise Refused(*error.problems.values()) from None
    line = _("Added location {name}.").format(name=location.name)
    if location.is_default:
        line += " " + _("It is the default location.")
    print(line)
    return 0


def location_records() -> list[dict]:
    """Every location as `--json` prints it (docs/cli.md)."""
    held = dict(
        StockLevel.select(StockLevel.location, fn.COUNT(StockLevel.id))
        .where(StockLevel.quantity != 0)
        .group_by(StockLevel.location)
        .tuples()
    )
    syncing: dict[int, list[str]] = {}
    for name, location_id in (
        Channel.select(Channel.sub_source, Channel.location)
        .where(Channel.update_from_location & Channel.location.is_null(False))
        .order_by(Channel.sub_source)
        .tuples()
    ):
        syncing.setdefault(location_id, []).append(name)
    records = []
    for location in Location.select().order_by(Location.name):
        totals = inventory.availability(location=location.id).values()
        records.append(
            {
                "name": location.name,
                "default": location.is_default,
                "items_held": held.get(location.id, 0),
                "level": sum(a.level for a in totals),
                "allocated": sum(a.allocated for a in totals),
                "available": sum(a.available for a in totals),
                "channels": syncing.get(location.id, []),
            }
        )
    return records


def _list(args, paths) -> int:
    records = location_records()
    if args.json:
        print_json(records)
        return 0
    if not records:
        print(_("No locations yet. Add one with: main.py location add NAME"))
        return 0
    header = (_("LOCATION"), _("DEFAULT"), _("ITEMS"), _("LEVEL"), _("ALLOCATED"), _("AVAILABLE"), _("CHANNELS"))
    print_table(
        header,
        [
            (r["name"], yes_no(r["default"]), r["items_held"], r["level"], r["allocated"], r["available"], ", ".join(r["channels"]) or "—")
            for r in records
        ],
        free_last=True,
    )
    return 0


def _rename(args, paths) -> int:
    location = find_location(args.name)
    try:
        renamed = rename_location(location.id, args.new_name)
    except ValidationError as error:
        raise Refused(*error.problems.values()) from None
    print(_("Renamed location {old} to {new}.").format(old=location.name, new=renamed.name))
    return 0


def _remove(args, paths) -> int:
    location = find_location(args.name)
    held = StockLevel.select().where((StockLevel.location == location.id) & (StockLevel.quantity != 0)).exists()
    if not held:
        users = [
            name
            for (name,) in Channel.select(Channel.sub_source)
            .where(Channel.update_from_location & (Channel.location == location.id))
            .order_by(Channel.sub_source)
            .tuples()
        ]
        if users:
            err(
                n_(
                    "{channels} takes stock from {location}: after deleting it, choose another location with "
                    "main.py channel set NAME --location OTHER.",
                    "{channels} take stock from {location}: after deleting it, choose another location with "
                    "main.py channel set NAME --location OTHER.",
                    len(users),
                ).format(channels=", ".join(users), location=location.name)
            )
        if not confirm(_("Delete the location {name}?").format(name=location.name), args.yes, "--yes"):
            err(_("The location was not deleted."))
            return FAILED
    try:
        delete_location(location.id)  # refuses a location still holding stock, with its sentence
    except StockError as error:
        raise Refused(error.message, _("The location was not deleted.")) from None
    successor = Location.get_or_none(Location.is_default == True)  # noqa: E712 - peewee
    line = _("Deleted location {name}.").format(name=location.name)
    if location.is_default and successor is not None:
        line += " " + _("{name} is now the default location.").format(name=successor.name)
    print(line)
    return 0


def _set_default(args, paths) -> int:
    location = find_location(args.name)
    set_default_location(location.id)
    print(_("{name} is now the default location.").format(name=location.name))
    return 0
