"""Batched writes: many rows in one executemany, so 20,000 listings do not mean 20,000 statements.

peewee builds one SQL text per insert_many chunk, converting every value through its
expression tree, which is slow at the sync's volumes (figures: docs/performance.md). These helpers
build the statement once and convert values with each field's own db_value, so what is
stored is exactly what peewee would store.

On PostgreSQL an executemany is one network round trip per row (psycopg2), so rows go
in pages instead, as multi-row INSERTs and UPDATE … FROM (VALUES …): a shared server may
be a LAN away.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from peewee import PostgresqlDatabase

from core.db import database

PAGE = 500  # rows per statement on PostgreSQL


def _on_postgres() -> bool:
    return isinstance(database.obj, PostgresqlDatabase)


def _value(field, row: dict[str, Any]):
    if field.name in row:
        return field.db_value(row[field.name])
    default = field.default
    return field.db_value(default() if callable(default) else default)


def insert_many(model, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT rows (dicts keyed by field name; missing fields get their defaults).

    Call inside db.atomic() for one transaction.
    """
    if not rows:
        return
    meta = model._meta
    fields = [f for f in meta.sorted_fields if f is not meta.primary_key or f.name in rows[0]]
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = ", ".join([database.param] * len(fields))
    sql = f'INSERT INTO "{meta.table_name}" ({columns}) VALUES '
    values = [tuple(_value(f, row) for f in fields) for row in rows]
    if not _on_postgres():
        database.cursor().executemany(sql + f"({marks})", values)
        return
    cursor = database.cursor()
    for start in range(0, len(values), PAGE):
        page = values[start : start + PAGE]
        cursor.execute(sql + ", ".join([f"({marks})"] * len(page)), [v for row in page for v in row])


def update_many(model, fields: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """UPDATE model SET fields... WHERE id = ? for each row (values in `fields` order, then id).

    Call inside db.atomic().
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
    if _on_postgres():
        _update_from_values(meta, columns, converted)
        return
    database.cursor().executemany(sql, converted)


def _sql_type(field) -> str:
    if field.field_type in ("AUTO", "BIGAUTO"):  # SERIAL is no type to cast to
        return "BIGINT" if field.field_type == "BIGAUTO" else "INTEGER"
    ctx = database.obj.get_sql_context()
    return ctx.sql(field.ddl_datatype(ctx)).query()[0]


def _update_from_values(meta, columns, rows: list[tuple]) -> None:
    """One UPDATE … FROM (VALUES …) per page: typed rows joined on the primary key."""
    rows = list({row[-1]: row for row in rows}.values())  # one id twice: the last wins, as row by row
    key = meta.primary_key
    names = [f'"{field.column_name}"' for field in columns] + [f'"{key.column_name}"']
    casts = ", ".join(f"{database.param}::{_sql_type(field)}" for field in (*columns, key))
    assignments = ", ".join(f"{name} = v.{name}" for name in names[:-1])
    head = f'UPDATE "{meta.table_name}" AS t SET {assignments} FROM (VALUES '
    tail = f') AS v ({", ".join(names)}) WHERE t."{key.column_name}" = v."{key.column_name}"'
    cursor = database.cursor()
    for start in range(0, len(rows), PAGE):
        page = rows[start : start + PAGE]
        cursor.execute(head + ", ".join([f"({casts})"] * len(page)) + tail, [v for row in page for v in row])
