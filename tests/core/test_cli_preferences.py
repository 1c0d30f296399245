"""`main.py preferences`: the Allegro application's Client ID and Secret, as Preferences sets them."""
from __future__ import annotations

import io
import json
import sys

import keyring
import keyring.backends.fail
import pytest

from core import settings
from core.allegro.rest.tokens import NoApplication, application
from core.cli import preferences as cli
from core.paths import app_paths

SECRET = "s3cr3t-Client-Secret"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def paths(data_dir):
    return app_paths(data_dir)


@pytest.fixture
def run(paths, monkeypatch, capsys):
    def _run(*args: str, stdin: io.StringIO | str = "") -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", stdin if isinstance(stdin, io.StringIO) else io.StringIO(stdin))
        code = cli.main(list(args), paths)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_set_client_with_the_secret_on_stdin_is_what_a_production_channel_connects_with(run, paths, memory_keyring):
    code, out, err = run("set-client", "--environment", "production", "--client-id", "1a2b3c", "--secret-stdin",
                         stdin=SECRET + "\n")

    assert (code, err) == (0, "")
    assert "Stored the application 1a2b3c for production" in out
    assert application("production", paths) == ("1a2b3c", SECRET)
    assert SECRET not in paths.settings_file.read_text(encoding="utf-8")  # the secret is in the keyring only
    assert SECRET not in out


def test_set_client_asks_for_the_secret_at_a_hidden_prompt_on_a_terminal(run, paths, monkeypatch):
    asked = []
    monkeypatch.setattr(cli.getpass, "getpass", lambda prompt: asked.append(prompt) or SECRET)

    code, _out, _err = run("set-client", "--environment", "allegrosandbox", "--client-id", "abc", stdin=Terminal())

    assert code == 0 and asked == ["Client Secret (not shown): "]
    assert application("allegrosandbox", paths) == ("abc", SECRET)


def test_without_a_terminal_or_secret_stdin_nothing_is_asked_and_nothing_stored(run, paths):
    code, out, err = run("set-client", "--environment", "production", "--client-id", "abc")

    assert code == 2 and out == ""
    assert "--secret-stdin" in err and "Nothing was stored." in err
    assert settings.allegro_client_id(paths, "production") == ""


def test_the_secret_is_never_accepted_on_the_command_line(run):
    code, _out, err = run("set-client", "--environment", "production", "--client-id", "abc", "--secret", SECRET)
    assert code == 2 and "unrecognized arguments" in err


def test_an_empty_secret_or_a_bad_client_id_or_environment_is_refused_in_words(run, paths):
    code, _out, err = run("set-client", "--environment", "production", "--client-id", "abc", "--secret-stdin",
                          stdin="\n")
    assert code == 2 and "Enter the Client Secret" in err

    code, _out, err = run("set-client", "--environment", "production", "--client-id", "a b", "--secret-stdin",
                          stdin=SECRET + "\n")
    assert code == 2 and "is not a Client ID" in err

    code, _out, err = run("set-client", "--environment", "mars", "--client-id", "abc", "--secret-stdin",
                          stdin=SECRET + "\n")
    assert code == 2 and "is not an environment" in err
    with pytest.raises(NoApplication):
        application("production", paths)


def test_show_names_each_environment_and_says_whether_a_secret_is_stored_but_never_prints_it(run):
    run("set-client", "--environment", "production", "--client-id", "1a2b3c", "--secret-stdin", stdin=SECRET + "\n")

    code, out, _err = run("show")

    assert code == 0 and SECRET not in out
    lines = {line.split()[0]: line for line in out.splitlines()[2:]}
    assert "1a2b3c" in lines["production"] and "stored in the keyring" in lines["production"]
    assert "not set" in lines["allegrosandbox"]
    assert "SANDBOX-CLIENT-ID" in lines["sandbox"] and "built-in demo application" in lines["sandbox"]

    code, out, _err = run("show", "--json")
    rows = {row["environment"]: row for row in json.loads(out)}
    assert rows["production"] == {"environment": "production", "client_id": "1a2b3c", "secret_stored": True,
                                  "built_in_demo": False}
    assert rows["allegrosandbox"]["secret_stored"] is False and SECRET not in out


def test_show_says_when_the_keyring_lost_a_secret_the_settings_still_name(run, memory_keyring):
    run("set-client", "--environment", "production", "--client-id", "1a2b3c", "--secret-stdin", stdin=SECRET + "\n")
    memory_keyring.passwords.clear()

    _code, out, _err = run("show")

    assert "missing: set it again" in next(line for line in out.splitlines() if line.startswith("production"))


def test_remove_client_forgets_the_application_and_the_sandbox_falls_back_to_its_demo(run, paths):
    run("set-client", "--environment", "sandbox", "--client-id", "mine", "--secret-stdin", stdin=SECRET + "\n")
    assert application("sandbox", paths) == ("mine", SECRET)

    code, out, _err = run("remove-client", "--environment", "sandbox")

    assert code == 0 and "Removed the application of sandbox." in out
    assert application("sandbox", paths) == ("SANDBOX-CLIENT-ID", "SANDBOX-CLIENT-SECRET")


def test_without_a_keyring_the_secret_is_not_stored_and_the_client_id_is_not_half_written(run, paths):
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        code, _out, err = run("set-client", "--environment", "production", "--client-id", "abc", "--secret-stdin",
                              stdin=SECRET + "\n")
    finally:
        keyring.set_keyring(previous)

    assert code == 1 and "the Client Secret was not stored" in err
    assert settings.allegro_client_id(paths, "production") == ""


def test_main_py_knows_the_preferences_command(tmp_path, monkeypatch, capsys):
    import main

    monkeypatch.setattr(sys, "stdin", io.StringIO(SECRET + "\n"))
    code = main.main(["--data-dir", str(tmp_path / "shop"), "preferences", "set-client", "--environment",
                      "production", "--client-id", "zz9", "--secret-stdin"])
    assert code == 0
    assert application("production", app_paths(tmp_path / "shop")) == ("zz9", SECRET)


def test_show_without_a_keyring_says_the_secret_cannot_be_read(run):
    run("set-client", "--environment", "production", "--client-id", "1a2b3c", "--secret-stdin", stdin=SECRET + "\n")
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        code, out, err = run("show")
    finally:
        keyring.set_keyring(previous)
    assert code == 1 and out == ""
    assert "whether a Client Secret is stored cannot be read" in err
