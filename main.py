"""Allegro Channel Manager.

    uv run main.py                  open the app
    uv run main.py sandbox …        run the Allegro WebAPI emulator
    uv run main.py channel …        add, list, test, remove channels
    uv run main.py sync …           one headless sync (cron, Task Scheduler)
    uv run main.py stock import …   import stock levels from CSV
    uv run main.py listings …       list and link listings

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


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0
    data_dir, rest = _split_global(argv)
    from core.cli import COMMANDS

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
