"""Allegro Channel Manager.

    uv run main.py                  open the app
    uv run main.py sandbox …        run the Allegro WebAPI emulator
    uv run main.py channel …        add, list, show, set (every option), test, remove channels
    uv run main.py location …       add, list, rename, remove, set-default stock locations
    uv run main.py stock …          import and export stock levels as CSV; list them with allocations
    uv run main.py listings …       list listings (with what the next sync sends) and link them
    uv run main.py orders …         list, show, ship orders; tracking numbers; link order items
    uv run main.py sync …           one headless sync (cron, Task Scheduler)
    uv run main.py preferences …    the Allegro application's Client ID and Secret (REST channels)

Every command has --help with an example; list and show commands take --json.

Global options: --data-dir DIR (or ACM_DATA_DIR) keeps the database and logs in DIR.
"""
from __future__ import annotations

import importlib
import sys


def _split_global(argv: list[str]) -> tuple[str | None, list[str]]:
    data_dir, rest, it = None, [], iter(argv)
    for arg in it:
        if arg == "--data-dir":
            data_dir = next(it, None)
            if data_dir is None:
                raise SystemExit("--data-dir needs a folder")
        elif arg.startswith("--data-dir="):
            data_dir = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    return data_dir, rest


def _wire_sandbox() -> None:
    """The app reaches the built-in Sandbox only through this seam (core never imports sandbox/)."""
    import sandbox.embedded
    from core.allegro import local_sandbox

    local_sandbox.install(sandbox.embedded)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0
    data_dir, rest = _split_global(argv)
    from core.cli import COMMANDS

    _wire_sandbox()

    if rest and rest[0] in COMMANDS:
        command, args = rest[0], rest[1:]
        if command == "sandbox":  # the emulator stands alone: no app database, no app logs
            return importlib.import_module(COMMANDS[command]).main(args) or 0
        from core import i18n
        from core.logsetup import setup_logging
        from core.paths import DataFolderError, app_paths

        i18n.set_language(i18n.language_from_environment())  # LANG=pl_PL.UTF-8 speaks Polish

        try:
            paths = app_paths(data_dir)
        except DataFolderError as e:
            print(e, file=sys.stderr)
            return 1
        setup_logging(paths.log_file)  # commands print their own sentences; details go to the log
        try:
            return importlib.import_module(COMMANDS[command]).main(args, paths) or 0
        except KeyboardInterrupt:
            print(i18n._("Interrupted."), file=sys.stderr)
            return 130
        except BrokenPipeError:  # `main.py orders list | head`: the reader has all it wanted
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
            return 1
        except Exception:
            import logging

            logging.getLogger("main").exception("The %s command failed", command)
            print(
                i18n._("The {command} command failed unexpectedly. Details are in {log}.").format(
                    command=command, log=paths.log_file
                ),
                file=sys.stderr,
            )
            return 1
    if rest and not rest[0].startswith("-"):
        print(f"Unknown command: {rest[0]}. Commands: {', '.join(sorted(COMMANDS))}.", file=sys.stderr)
        return 2
    from ui.app import run_gui

    return run_gui(rest, data_dir)


if __name__ == "__main__":
    sys.exit(main())
