"""Settings that the window and the headless commands share, in a JSON file in the data folder.

Today that is the database URL Preferences set (several desks on one PostgreSQL server).
Kept in the data folder, it belongs to that folder's shop: a second shop kept with
--data-dir never opens the first shop's database by surprise.
"""
from __future__ import annotations

import json
import logging
import os

from core.paths import DATABASE_URL_ENV, AppPaths, replace_file

log = logging.getLogger(__name__)

DATABASE_URL = "database_url"


def _load(paths: AppPaths) -> dict:
    try:
        data = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as e:
        log.warning("The settings file %s cannot be read (%s); using the defaults.", paths.settings_file, e)
        return {}
    return data if isinstance(data, dict) else {}


def _save(paths: AppPaths, data: dict) -> None:
    # a crash mid-write leaves the old file whole; only this user may read it
    replace_file(paths.settings_file, (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8"))


def stored_database_url(paths: AppPaths) -> str:
    """The database URL set in Preferences for this data folder ("" for none)."""
    value = _load(paths).get(DATABASE_URL, "")
    return value.strip() if isinstance(value, str) else ""


def store_database_url(paths: AppPaths, url: str) -> None:
    data = _load(paths)
    if url.strip():
        data[DATABASE_URL] = url.strip()
    else:
        data.pop(DATABASE_URL, None)
    _save(paths, data)


def database_url_at_start(paths: AppPaths) -> tuple[str | None, str]:
    """The database URL to open and where it came from ("environment", "preferences"),
    or (None, "file") for the SQLite file in the data folder.
    ACM_DATABASE_URL wins, so scripts and several desks can be pointed from outside."""
    from_env = os.environ.get(DATABASE_URL_ENV, "").strip()
    if from_env:
        return from_env, "environment"
    stored = stored_database_url(paths)
    if stored:
        return stored, "preferences"
    return None, "file"


ALLEGRO_APPS = "allegro_applications"


def allegro_client_id(paths: AppPaths, environment: str) -> str:
    """The Client ID set in Preferences for a REST environment ("" for none)."""
    apps = _load(paths).get(ALLEGRO_APPS, {})
    value = apps.get(environment, "") if isinstance(apps, dict) else ""
    return value.strip() if isinstance(value, str) else ""


def store_allegro_client_id(paths: AppPaths, environment: str, client_id: str) -> None:
    data = _load(paths)
    apps = data.get(ALLEGRO_APPS)
    apps = dict(apps) if isinstance(apps, dict) else {}
    if client_id.strip():
        apps[environment] = client_id.strip()
    else:
        apps.pop(environment, None)
    data[ALLEGRO_APPS] = apps
    _save(paths, data)


def allegro_client_ids(paths: AppPaths) -> dict[str, str]:
    """Every REST environment with a Client ID set in Preferences: {environment: client id}."""
    apps = _load(paths).get(ALLEGRO_APPS, {})
    if not isinstance(apps, dict):
        return {}
    return {env: value.strip() for env, value in apps.items() if isinstance(value, str) and value.strip()}
