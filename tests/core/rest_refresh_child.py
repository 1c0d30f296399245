"""A second process renewing a channel's Allegro login (for test_rest_tokens.py).

argv: keyring file, lock file, REST base, account, rejected token hash, go-file, ready-file.
Prints the sha256 of the access token it ends with, never the token.
"""
import hashlib
import sys
import time
from pathlib import Path

import keyring

from tests.core.file_keyring import FileKeyring

keyring_file, lock_file, base, account, rejected, go_file, ready_file = sys.argv[1:8]
keyring.set_keyring(FileKeyring(Path(keyring_file)))

from core.allegro.environments import RestEndpoints  # noqa: E402
from core.allegro.rest.tokens import Connection, TokenSource, load_tokens  # noqa: E402

connection = Connection(
    RestEndpoints("sandbox", base, base), "SANDBOX-CLIENT-ID", "SANDBOX-CLIENT-SECRET", account, Path(lock_file)
)
source = TokenSource(1, None, connection)
current = load_tokens(account)["access_token"]
assert hashlib.sha256(current.encode()).hexdigest() == rejected
Path(ready_file).write_text("ready")  # both start refreshing only once both are here
deadline = time.monotonic() + 60
while not Path(go_file).exists() and time.monotonic() < deadline:
    time.sleep(0.005)
print(hashlib.sha256(source.refreshed(current).encode()).hexdigest())
