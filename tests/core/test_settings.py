"""The database URL set in Preferences reaches the headless commands too (core/settings.py)."""
from __future__ import annotations

import json

import pytest

from core import settings
from core.cli import stock as stock_cli
from core.db import database, open_database
from core.models import StockItem
from core.paths import app_paths


@pytest.fixture
def paths(data_dir):
    return app_paths(data_dir)


def test_the_url_is_kept_in_the_data_folder_and_belongs_to_it(paths, tmp_path):
    settings.store_database_url(paths, "  postgresql://desk@serwer:5432/sklep ")
    assert json.loads(paths.settings_file.read_text(encoding="utf-8")) == {
        "database_url": "postgresql://desk@serwer:5432/sklep"
    }
    assert settings.database_url_at_start(paths) == ("postgresql://desk@serwer:5432/sklep", "preferences")
    assert settings.database_url_at_start(app_paths(tmp_path / "second-shop")) == (None, "file")
    settings.store_database_url(paths, "")
    assert settings.database_url_at_start(paths) == (None, "file")


def test_the_environment_variable_wins(paths, monkeypatch):
    settings.store_database_url(paths, "postgresql://desk@serwer/sklep")
    monkeypatch.setenv("ACM_DATABASE_URL", "postgresql://ops@db.local/acm")
    assert settings.database_url_at_start(paths) == ("postgresql://ops@db.local/acm", "environment")


def test_a_damaged_settings_file_means_the_default(paths):
    paths.settings_file.write_text("{not json", encoding="utf-8")
    assert settings.database_url_at_start(paths) == (None, "file")
    settings.store_database_url(paths, "postgresql://desk@serwer/sklep")  # and can be written again
    assert settings.stored_database_url(paths) == "postgresql://desk@serwer/sklep"


def test_a_headless_command_opens_the_database_set_in_preferences(paths, tmp_path):
    shared = tmp_path / "shared.sqlite3"
    open_database(shared)
    try:
        StockItem.create(sku="KUB-1", title="Żółty kubek")
    finally:
        database.close()
        database.initialize(None)
    settings.store_database_url(paths, f"sqlite:///{shared}")
    out = tmp_path / "stock.csv"

    assert stock_cli.main(["export", str(out)], paths) == 0

    assert "KUB-1,Żółty kubek" in out.read_text(encoding="utf-8")
    assert not paths.database.exists()  # not the data folder's own file


def test_an_unreachable_server_is_told_and_the_command_fails(paths, capsys):
    settings.store_database_url(paths, "postgresql://desk@127.0.0.1:1/sklep")
    assert stock_cli.main(["import", "nothing.csv"], paths) != 0
    err = capsys.readouterr().err
    assert "The database server at 127.0.0.1:1/sklep cannot be reached" in err
    assert not paths.database.exists()
