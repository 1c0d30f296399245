"""Runs `main.py sync` in fresh child processes, quickly: the heavy imports and the WSDL
are loaded once here, and each sync is a fork that runs main.main(argv), the same entry
point as `uv run main.py …`. A test can SIGKILL a child at any moment; this process
reaps it and reports how it ended.

Protocol (JSON lines): stdin {"argv": [...], "output": FILE} -> stdout {"pid": N}, then
{"pid": N, "exit": CODE} (a negative CODE is the signal that ended it).
"""
from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402

import main  # noqa: E402
import core.cli.sync  # noqa: E402,F401
import core.sync.marketplace  # noqa: E402,F401
import core.allegro.webapi  # noqa: E402,F401
from core.allegro import wsdl  # noqa: E402
from tests.e2e.file_keyring import FileKeyring  # noqa: E402

wsdl.document()
keyring.set_keyring(FileKeyring())


def serve() -> None:
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        with open(request["output"], "wb") as out:
            pid = os.fork()
            if pid == 0:  # the sync process
                os.dup2(out.fileno(), 1)
                os.dup2(out.fileno(), 2)
                try:
                    code = main.main(request["argv"])
                except BaseException:  # noqa: BLE001 - report it in the output file
                    traceback.print_exc()
                    code = 99
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code or 0)
        print(json.dumps({"pid": pid}), flush=True)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"pid": pid, "exit": os.waitstatus_to_exitcode(status)}), flush=True)


if __name__ == "__main__":
    serve()
