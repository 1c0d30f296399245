"""The numbered schema migrations: each brings a database from version-1 to its version.

core/db.py applies them in one transaction (after a backup of an SQLite file).
"""
from __future__ import annotations

import json
import logging
from collections.abc import Callable

from playhouse.migrate import SchemaMigrator, migrate

log = logging.getLogger(__name__)


def _migration_2(migrator: SchemaMigrator) -> None:
    # 0.1 kept no link from a relisted offer to the one it replaced, nor the outcome
    # of a channel's last sync; both are shown to the seller now.
    from peewee import BigIntegerField, CharField

    migrate(
        migrator.add_column("listing", "previous_offer_id", BigIntegerField(null=True)),
        migrator.add_column("channel", "last_sync_outcome", CharField(max_length=20, default="")),
    )


def _migration_3(migrator: SchemaMigrator) -> None:
    # The guards of core/sync/guards.py and buffers.py are channel options; a listing keeps
    # what was last changed on Allegro outside the app (core/sync/drift.py).
    from peewee import DateTimeField, IntegerField, TextField

    migrate(
        migrator.add_column("channel", "mass_end_percent", IntegerField(default=20)),
        migrator.add_column("channel", "mass_end_count", IntegerField(default=50)),
        migrator.add_column("channel", "buffer_max_listed", IntegerField(default=0)),
        migrator.add_column("channel", "buffer_keep_back", IntegerField(default=0)),
        migrator.add_column("channel", "buffer_percent", IntegerField(default=100)),
        migrator.add_column("channel", "buffer_end_at", IntegerField(default=0)),
        migrator.add_column("listing", "changed_elsewhere", TextField(default="")),
        migrator.add_column("listing", "changed_elsewhere_at", DateTimeField(null=True)),
    )


def _migration_4(migrator: SchemaMigrator) -> None:
    # A channel talks to Allegro's old WebAPI or its REST API; every existing one is WebAPI.
    from peewee import CharField

    migrate(migrator.add_column("channel", "api", CharField(max_length=10, default="webapi")))


def _migration_5(migrator: SchemaMigrator) -> None:
    # REST commands are written down before they are sent (exactly-once after a crash).
    from core.models import RestCommand

    migrator.database.create_tables([RestCommand], safe=True)


# Columns that held a marketplace id as a WebAPI number and hold its own value as text now.
TEXT_ID_COLUMNS = (
    ("listing", "offer_id", False),
    ("listing", "previous_offer_id", True),
    ("order", "form_id", False),
    ("order_item", "offer_id", False),
    ("channel", "journal_cursor", True),
)
ID_PARAMS = ("offer_id", "new_offer_id", "form_id")  # PlannedAction.params keys holding ids


def _migration_6(migrator: SchemaMigrator) -> None:
    # Offer, order and journal ids are the marketplace's own values as text: WebAPI numbers
    # become their decimal text, and REST rows get back Allegro's UUIDs and event ids from
    # the numbers the rest_id table handed out (the table goes after).
    db = migrator.database
    book = _rest_book(db)
    for table, column, null in TEXT_ID_COLUMNS:
        _column_to_text(migrator, table, column, null)
    _params_to_text(db, book)
    _rest_rows_to_values(db, book)
    if "rest_id" in db.get_tables():
        db.execute_sql('DROP TABLE "rest_id"')


def _rest_book(db) -> dict[tuple[str, str], str]:
    """(kind, number as text) -> the REST value, from the rest_id table (if there is one)."""
    if "rest_id" not in db.get_tables():
        return {}
    rows = db.execute_sql('SELECT "id", "kind", "rest_id" FROM "rest_id"').fetchall()
    return {(kind, str(number)): value for number, kind, value in rows}


def _column_to_text(migrator: SchemaMigrator, table: str, column: str, null: bool) -> None:
    """Add a text column, copy the numbers into it, drop the old one and take its name
    (plain ALTER TABLE on both databases: no rebuild of a table others refer to)."""
    db = migrator.database
    indexes = [i for i in db.get_indexes(table) if column in i.columns]
    for index in indexes:
        migrate(migrator.drop_index(table, index.name))
    temporary = f"{column}_text"
    not_null = "" if null else " NOT NULL DEFAULT ''"
    db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{temporary}" VARCHAR(100){not_null}')
    db.execute_sql(f'UPDATE "{table}" SET "{temporary}" = CAST("{column}" AS VARCHAR(100)) WHERE "{column}" IS NOT NULL')
    migrate(migrator.drop_column(table, column), migrator.rename_column(table, temporary, column))
    for index in indexes:
        migrate(migrator.add_index(table, index.columns, index.unique))


def _params_to_text(db, book: dict[tuple[str, str], str]) -> None:
    """Ids inside planned actions' parameters (a tracking action's form, a relist's new offer)."""
    from peewee import Table

    rest = {row[0] for row in db.execute_sql("SELECT \"id\" FROM \"channel\" WHERE \"api\" = 'rest'").fetchall()}
    actions = Table("planned_action", ("id", "channel_id", "params")).bind(db)
    changed = []
    for action_id, channel_id, raw in actions.select(actions.id, actions.channel_id, actions.params).tuples():
        try:
            params = json.loads(raw or "{}")
        except ValueError:
            continue
        if not isinstance(params, dict) or not any(isinstance(params.get(k), int) for k in ID_PARAMS):
            continue
        for key in ID_PARAMS:
            if isinstance(params.get(key), int) and not isinstance(params[key], bool):
                value = str(params[key])
                if key == "form_id" and channel_id in rest:
                    value = book.get(("form", value), value)
                params[key] = value
        changed.append((action_id, json.dumps(params, sort_keys=True, default=str)))
    for action_id, raw in changed:
        actions.update({actions.params: raw}).where(actions.id == action_id).execute()


def _rest_rows_to_values(db, book: dict[tuple[str, str], str]) -> None:
    """REST channels' orders, journal cursors and shipment commands: Allegro's own values."""
    from peewee import Table

    rest = [row[0] for row in db.execute_sql("SELECT \"id\" FROM \"channel\" WHERE \"api\" = 'rest'").fetchall()]
    if not rest:
        return
    orders = Table("order", ("id", "channel_id", "form_id")).bind(db)
    channels = Table("channel", ("id", "journal_cursor")).bind(db)
    commands = Table("rest_command", ("id", "channel_id", "kind", "offer_ids")).bind(db)
    for order_id, number in orders.select(orders.id, orders.form_id).where(orders.channel_id.in_(rest)).tuples():
        value = book.get(("form", number))
        if value is None:
            log.warning("Order %s of a REST channel names checkout form %s, which the app never numbered", order_id, number)
            continue
        orders.update({orders.form_id: value}).where(orders.id == order_id).execute()
    for channel_id, cursor in channels.select(channels.id, channels.journal_cursor).where(channels.id.in_(rest)).tuples():
        if cursor is not None:
            # an unknown number reads the journal again from the orders' start date
            channels.update({channels.journal_cursor: book.get(("event", cursor))}).where(channels.id == channel_id).execute()
    if "rest_command" not in db.get_tables():
        return
    shipments = commands.select(commands.id, commands.offer_ids).where(commands.kind == "shipment")
    for command_id, numbers in shipments.tuples():
        values = ",".join(book.get(("form", n), n) for n in numbers.split(",") if n)
        commands.update({commands.offer_ids: values}).where(commands.id == command_id).execute()


# version -> step that brings a database from version-1 to version
MIGRATIONS: dict[int, Callable[[SchemaMigrator], None]] = {
    2: _migration_2, 3: _migration_3, 4: _migration_4, 5: _migration_5, 6: _migration_6,
}
