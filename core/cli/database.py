"""Opening the app's database for a headless command, with a seller-readable failure."""
from __future__ import annotations

import os
import sys

from core.db import DatabaseError, open_database
from core.paths import DATABASE_URL_ENV


def open_for_command(paths):
    """The opened database, or None after printing why it could not be opened."""
    try:
        return open_database(paths.database, url=os.environ.get(DATABASE_URL_ENV), backups_dir=paths.backups_dir)
    except DatabaseError as e:
        print(str(e), file=sys.stderr)
        return None
