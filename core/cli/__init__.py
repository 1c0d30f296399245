"""Headless commands: `main.py <command> …`. Each module has main(argv, paths) -> exit code."""

# command name -> module under core.cli (or "sandbox.cli" for the emulator)
COMMANDS = {
    "channel": "core.cli.channel",
    "location": "core.cli.location",
    "orders": "core.cli.orders",
    "sync": "core.cli.sync",
    "stock": "core.cli.stock",
    "listings": "core.cli.listings",
    "preferences": "core.cli.preferences",
    "sandbox": "sandbox.cli",
}
