"""Opening the app's database for a headless command, with a seller-readable failure."""
from __future__ import annotations

import sys

from core.db import DatabaseError, open_database
from core.settings import database_url_at_start


def open_for_command(paths):
    """The opened database, or None after printing why it could not be opened.

    ACM_DATABASE_URL, else the URL set in Preferences, else the file in the data folder."""
    url, _ = database_url_at_start(paths)
    try:
        return open_database(paths.database, url=url, backups_dir=paths.backups_dir)
    except DatabaseError as e:
        print(str(e), file=sys.stderr)
        return None
