"""One style for every command: --help with an example, questions only at a terminal, progress once."""
from __future__ import annotations

import argparse
import importlib
import io
import sys

import pytest

import main
from core.cli import COMMANDS
from core.cli import common
from core.cli import sync as sync_cli

APP_COMMANDS = sorted(name for name in COMMANDS if name != "sandbox")


def parsers():
    """(name, parser) of every command and of each of its actions."""
    for name in APP_COMMANDS:
        parser = importlib.import_module(COMMANDS[name])._parser()
        yield name, parser
        for sub in parser._actions:
            if isinstance(sub, argparse._SubParsersAction):
                for action, child in sub.choices.items():
                    yield f"{name} {action}", child
    from sandbox.cli import build_parser

    yield "sandbox", build_parser()


@pytest.mark.parametrize(("name", "parser"), list(parsers()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_command_and_action_has_help_with_an_example_of_itself(name, parser):
    text = parser.format_help()
    assert parser.prog == f"main.py {name}"
    examples = text.split("example:\n" if "example:\n" in text else "examples:\n", 1)[1].splitlines()
    assert examples and all(line.strip().startswith(("main.py", "echo")) for line in examples), text
    assert any(f"main.py {name}" in line for line in examples), text


@pytest.mark.parametrize("name", APP_COMMANDS)
def test_help_through_main_exits_zero_and_a_wrong_option_exits_two(name, capsys):
    assert main.main([name, "--help"]) == 0
    assert "example" in capsys.readouterr().out
    assert main.main([name, "--no-such-option"]) == 2
    assert "error:" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["channel", "list"], ["channel", "show", "X"], ["location", "list"], ["stock", "list"], ["listings", "list"],
        ["orders", "list"], ["orders", "show", "1"],
    ],
)
def test_every_list_and_show_takes_json(argv):
    parser = importlib.import_module(COMMANDS[argv[0]])._parser()
    assert parser.parse_args([*argv[1:], "--json"]).json is True


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_nothing_is_asked_without_a_terminal(monkeypatch, capsys):
    stdin = io.StringIO("y\n")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert common.confirm("Delete it?", False, "--yes") is False
    assert stdin.read() == "y\n"  # not a character was read
    assert capsys.readouterr().err.splitlines() == [
        "Delete it?",
        "Nothing was asked (standard input is not a terminal); run again with --yes to answer yes.",
    ]
    assert common.confirm("Delete it?", True, "--yes") is True


@pytest.mark.parametrize(("typed", "answer"), [("y\n", True), ("tak\n", True), ("\n", False), ("no\n", False), ("", False)])
def test_a_terminal_is_asked(monkeypatch, capsys, typed, answer):
    monkeypatch.setattr(sys, "stdin", Terminal(typed))
    assert common.confirm("Delete it?", False, "--yes") is answer
    assert capsys.readouterr().err == "Delete it? [y/N] "


def test_each_progress_step_is_printed_once(capsys):
    """The steps as a sync with orders reports them: orders stored while listing pages are
    still read (the two names take turns), then two chains sent side by side."""
    report = sync_cli._progress("MojeAllegro")
    for step in [
        "Logging in to Allegro", "Reading listings", "Importing orders", "Reading listings", "Importing orders",
        "Reading listings", "Importing orders", "Planning stock", "Saving the plan", "Plan ready",
        "Changing quantities · Ending listings", "Changing quantities", "Ending listings",
        "Changing quantities · Ending listings", "Done",
    ]:
        report(step, 0, 0)
    assert capsys.readouterr().out.splitlines() == [
        "  Logging in to Allegro…", "  Reading listings…", "  Importing orders…", "  Planning stock…",
        "  Saving the plan…", "  Plan ready…", "  Changing quantities…", "  Ending listings…", "  Done…",
    ]
