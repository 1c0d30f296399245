"""Batched writes: many rows in one statement, so 20,000 listings do not mean 20,000 round trips."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core.db import database

INSERT_BATCH = 500


def insert_many(model, rows: Sequence[dict[str, Any]]) -> None:
    for start in range(0, len(rows), INSERT_BATCH):
        model.insert_many(rows[start : start + INSERT_BATCH]).execute()


def update_many(model, fields: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """UPDATE model SET fields... WHERE id = ? for each row (values in `fields` order, then id).

    Values go through each field's db_value, so datetimes and decimals are stored the
    way peewee stores them. Call inside db.atomic().
    """
    if not rows:
        return
    meta = model._meta
    param = database.param
    columns = [meta.fields[name] for name in fields]
    assignments = ", ".join(f'"{field.column_name}" = {param}' for field in columns)
    sql = f'UPDATE "{meta.table_name}" SET {assignments} WHERE "{meta.primary_key.column_name}" = {param}'
    converted = [
        tuple(field.db_value(value) for field, value in zip(columns, row[:-1], strict=True)) + (row[-1],)
        for row in rows
    ]
    cursor = database.cursor()
    cursor.executemany(sql, converted)
