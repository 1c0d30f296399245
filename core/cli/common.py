"""What every command shares: one parser style, --json output, tables, and questions.

Every command and action has a --help with an example (the parser's epilog). A question
is asked only when standard input is a terminal; otherwise the flag named in the
refusal answers it, so a script never hangs waiting for a reply.
"""
from __future__ import annotations

import argparse
import uuid
import json
import sys
from collections.abc import Callable, Iterable
from datetime import datetime
from decimal import Decimal

from core.cli.database import open_for_command
from core.i18n import _

INVALID = 2  # the command line or a value was refused
FAILED = 1  # the input was fine, the work was not done

YES_WORDS = {"y", "yes", "t", "tak"}


class Refused(Exception):
    """A command's input refused in the seller's words; printed to stderr, exit status 2."""

    def __init__(self, *sentences: str, status: int = INVALID) -> None:
        self.sentences = [s for s in sentences if s]
        self.status = status
        super().__init__(" ".join(self.sentences))


def _examples(examples: Iterable[str]) -> str:
    lines = [f"  {line}" for line in examples]
    return "example:\n" + "\n".join(lines) if len(lines) == 1 else "examples:\n" + "\n".join(lines)


def command_parser(command: str, description: str, examples: Iterable[str]) -> argparse.ArgumentParser:
    """The parser of `main.py COMMAND`; its --help ends with the examples."""
    return argparse.ArgumentParser(
        prog=f"main.py {command}",
        description=description,
        epilog=_examples(examples),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def actions(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:
    return parser.add_subparsers(dest="action", required=True, metavar="ACTION")


def action(sub, name: str, help: str, examples: Iterable[str], description: str | None = None) -> argparse.ArgumentParser:
    """One action of a command (`main.py location add`), with its own --help and examples."""
    return sub.add_parser(
        name,
        help=help,
        description=description or help[:1].upper() + help[1:] + ".",
        epilog=_examples(examples),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _number_of(text: str) -> str | None:
    """A whole number that fits Allegro's 64 bits, as its decimal text (no leading zeros)."""
    word = text.strip()
    if not word.isascii() or not word.isdigit():
        return None
    value = int(word)
    return str(value) if 0 < value < 2**63 else None


def offer_id(text: str) -> str:
    """An offer id as typed (an argparse type): Allegro's offer number, on both APIs."""
    found = _number_of(text)
    if found is None:
        raise argparse.ArgumentTypeError(_("{text} is not an offer id (a whole number such as 7100000001).").format(text=text))
    return found


def order_number(text: str) -> str:
    """Allegro's order as typed (an argparse type): a WebAPI order number or a REST
    checkout form id (a UUID), as the database keeps it."""
    found = _number_of(text)
    if found is None:
        try:
            found = str(uuid.UUID(text.strip()))
        except ValueError:
            raise argparse.ArgumentTypeError(
                _(
                    "{text} is not an order number (a whole number such as 3100000001 on the WebAPI, "
                    "an id such as 29738e61-7f6a-11e8-ac45-09db60ede9d6 on the REST API)."
                ).format(text=text)
            ) from None
    return found


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", action="store_true", help="print JSON for scripts instead of the table (fields: docs/cli.md)"
    )


def parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace | int:
    """The parsed arguments, or the exit status when argparse has printed help (0) or a usage error (2)."""
    try:
        return parser.parse_args(argv)
    except SystemExit as exit_:
        return INVALID if exit_.code else 0


def run(parser: argparse.ArgumentParser, argv: list[str], paths, handlers: dict[str, Callable]) -> int:
    """Parse, open the database, run the action's handler(args, paths); Refused -> stderr and its status."""
    args = parse(parser, argv)
    if isinstance(args, int):
        return args
    db = open_for_command(paths)
    if db is None:
        return FAILED
    try:
        return handlers[getattr(args, "action", None) or ""](args, paths) or 0
    except Refused as refused:
        for sentence in refused.sentences:
            err(sentence)
        return refused.status
    finally:
        db.close()


def err(text: str) -> None:
    print(text, file=sys.stderr)


def say(text: str = "") -> None:
    print(text, flush=True)


# --- output -------------------------------------------------------------------------


def json_value(value):
    """JSON for one value: times as ISO 8601 UTC ("2026-03-01T12:00:00Z"), money as a string."""
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat() + ("Z" if value.tzinfo is None else "")
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, dict):
        return {k: json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    return value


def print_json(data) -> None:
    print(json.dumps(json_value(data), ensure_ascii=False, indent=2))


def print_table(header: tuple[str, ...], rows: list[tuple], free_last: bool = False) -> None:
    """Columns padded to their widest cell; with `free_last` the last one (a title) is not padded."""
    text_rows = [tuple("" if cell is None else str(cell) for cell in row) for row in rows]
    padded = len(header) - 1 if free_last else len(header)
    widths = [max([len(header[i])] + [len(r[i]) for r in text_rows]) for i in range(padded)]
    for row in [header, *text_rows]:
        cells = [cell.ljust(width) for cell, width in zip(row[:padded], widths)] + list(row[padded:])
        print("  ".join(cells).rstrip())


def yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def utc_text(moment: datetime | None, empty: str | None = None) -> str:
    if moment is None:
        return _("never") if empty is None else empty
    return f"{moment:%Y-%m-%d %H:%M} UTC"


# --- questions ----------------------------------------------------------------------


def interactive() -> bool:
    """Whether a person can answer: standard input is a terminal."""
    stdin = sys.stdin
    try:
        return stdin is not None and stdin.isatty()
    except (ValueError, OSError):  # closed or detached
        return False


def confirm(question: str, answered: bool, flag: str) -> bool:
    """True when `flag` was given or the person at the terminal says yes.

    Without a terminal nothing is asked: the question and the flag that answers it are
    printed, and the answer is no."""
    if answered:
        return True
    if not interactive():
        err(question)
        err(_("Nothing was asked (standard input is not a terminal); run again with {flag} to answer yes.").format(flag=flag))
        return False
    # the prompt goes where errors go, so it is seen even when the output is piped
    print(f"{question} [y/N] ", end="", file=sys.stderr, flush=True)
    reply = sys.stdin.readline()
    return reply.strip().casefold() in YES_WORDS
