"""Secrets stay secret, TLS stays on, the sandbox stays on this machine.

The full scenario runs the app's own screens and commands against the sandbox: a
channel is added on the Integration screen (first with a wrong password, Test shows the
error; then the right one, Test, Save), synced from the Sync screen and from
`main.py sync` while the sandbox expires sessions, drops answers and refuses calls
(the errors shown), and the main window is opened and closed (QSettings written).
Then the password, the wrong password, their SHA-256 (hex and base64, as doLoginEnc
sends it) and every session handle the sandbox ever issued are looked for, in UTF-8
and UTF-16, in every file of the data and log folders (database, WAL, logs, backups,
anything a crash left), in the QSettings files, in the sync history and in what the
commands printed.
"""
from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

import main
from core.allegro import environments
from core.allegro.environments import Environment, EnvironmentKind, InvalidAddress
from core.allegro.errors import AllegroError
from core.allegro.port import Credentials
from core.allegro.webapi import WebApiMarketplace
from core.db import database, open_database
from core.logsetup import setup_logging
from core.models import SyncRun
from core.paths import app_paths
from sandbox.server import SandboxServer
from tests.ui.channel_helpers import fill, fill_account, messages, run_test  # noqa: F401 - fixture
from ui.channels.integration_window import ChannelIntegrationWindow
from ui.main_window import MainWindow
from ui.sync.confirm_dialog import ConfirmDialog
from ui.sync.screen import SyncScreen

PASSWORD = "sandbox-pass-1"
WRONG_PASSWORD = "Złe-hasło-#7519"
ROOT = Path(__file__).resolve().parents[2]
FAULTS = [
    {"operation": "doGetMySoldItems", "kind": "fault", "code": "ERR_SESSION_EXPIRED", "count": 1},
    {"operation": "doGetSiteJournalDeals", "kind": "drop", "when": "after", "count": 1},
    {"operation": "doGetPostBuyFormsDataForSellers", "kind": "fault", "code": "ERR_BLOCKED_USER_CANT_INVOKE_METHOD"},
]


def secret_forms(secret: str) -> set[str]:
    digest = hashlib.sha256(secret.encode("utf-8")).digest()
    return {secret, digest.hex(), digest.hex().upper(), base64.b64encode(digest).decode("ascii")}


def leaks(secrets: set[str], folders: list[Path], texts: dict[str, str]) -> list[str]:
    found = []
    needles = {s: (s.encode("utf-8"), s.encode("utf-16-le")) for s in secrets}
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                found += [f"{path}: {s[:12]}…" for s, forms in needles.items() if any(f in data for f in forms)]
    for name, text in texts.items():
        found += [f"{name}: {s[:12]}…" for s in secrets if s in text]
    return found


@pytest.fixture
def app(tmp_path, data_dir, sandbox, sandbox_control):
    """The app's data folder with its database and a log at DEBUG, as `main.py` would set them up."""
    sandbox_control.reset(seed=4, offers=20, demo=True)
    paths = app_paths(data_dir)
    setup_logging(paths.log_file, level=logging.DEBUG)
    db = open_database(paths.database, backups_dir=paths.backups_dir)
    yield paths
    sandbox_control.clear_faults()
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_acm", False)]:
        root.removeHandler(handler)
        handler.close()
    db.close()
    database.initialize(None)


def add_channel_on_the_integration_screen(qtbot, paths, url, messages):  # noqa: F811
    window = ChannelIntegrationWindow(paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.add_page.integrate_buttons["allegro"], Qt.MouseButton.LeftButton)
    form = window.integration_page.form
    fill_account(form, sub_source="MojeAllegro", password=WRONG_PASSWORD, url=url)
    assert run_test(qtbot, form, messages).text == "Allegro rejected the username or password."
    fill(form.password, PASSWORD)
    assert run_test(qtbot, form, messages).text == "OK"
    qtbot.mouseClick(window.integration_page.save_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.config_page
    form.cancel_test()
    window.close()


def sync_on_the_sync_screen(qtbot, paths) -> str:
    screen = SyncScreen(paths)
    qtbot.addWidget(screen)
    screen.show()
    try:
        with qtbot.waitSignal(screen.all_finished, timeout=60_000):
            screen.sync_button.click()
        qtbot.waitUntil(lambda: not screen.loader.loading, timeout=5000)
        return screen.result.text() + "\n" + screen.details.toPlainText()
    finally:
        screen.shutdown()


def sync_from_the_command_line(paths) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main.main(["--data-dir", str(paths.data_dir), "sync", "--yes"])
    database.initialize(open_database(paths.database, backups_dir=paths.backups_dir))  # the command closed it
    setup_logging(paths.log_file, level=logging.DEBUG)  # and set the log to INFO
    return f"exit {code}\n{out.getvalue()}\n{err.getvalue()}"


def test_no_password_hash_or_session_handle_reaches_any_file_or_history(
        qtbot, app, tmp_path, sandbox, sandbox_control, messages, monkeypatch):  # noqa: F811
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, plan, parent=None: None))
    add_channel_on_the_integration_screen(qtbot, app, sandbox.url, messages)

    on_sale = [o for o in sandbox_control.offers() if o["state"] == "active" and o["format"] == "buy_now"]
    for n, offer in enumerate(on_sale[:3]):
        sandbox_control.purchase(offer["offer_id"], buyer=f"kupujacy{n}")  # orders to import: forms to read
    sandbox_control.set_faults(rules=FAULTS)
    shown = sync_on_the_sync_screen(qtbot, app)
    assert "Allegro has blocked this account for this action." in shown  # the error, shown
    printed = sync_from_the_command_line(app)
    assert "exit 1" in printed and "blocked this account" in printed
    sandbox_control.clear_faults()
    sandbox_control.expire_sessions()
    shown += sync_on_the_sync_screen(qtbot, app)

    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show()
    window.show_screen("sync")
    window.close()  # writes the window's QSettings

    handles = set(sandbox_control.sessions())
    logins = sandbox_control.calls()["executed"].get("doLoginEnc", 0)
    assert len(handles) >= 4 and logins >= 4  # Test, a re-login after expiry, the command, the last sync
    secrets = secret_forms(PASSWORD) | secret_forms(WRONG_PASSWORD) | handles
    history = "\n".join(f"{r.outcome} {r.counts} {r.errors}" for r in SyncRun.select())
    assert "blocked this account" in history
    found = leaks(secrets, [app.data_dir, app.log_dir, tmp_path / "qsettings"],
                  {"sync history": history, "the Sync screen": shown, "the command's output": printed})
    assert (tmp_path / "qsettings").exists() and app.log_file.stat().st_size > 0
    # the search does find what is stored: the login is in the database and the log
    where = {Path(f.split(":")[0]).name for f in leaks({"sandbox-seller"}, [app.data_dir], {})}
    assert "acm.log" in where and where & {"acm.sqlite3", "acm.sqlite3-wal"}, where
    assert found == []
    database.close()  # the WAL is folded into the file: look again
    assert leaks(secrets, [app.data_dir], {}) == []


# -- TLS ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(EnvironmentKind))
def test_tls_verification_cannot_be_turned_off_outside_this_computer(kind):
    with pytest.raises(InvalidAddress) as refused:
        Environment(kind, environments.PRODUCTION_URL, verify_tls=False)
    assert refused.value.message in (
        "TLS verification cannot be turned off for an address outside this computer.",
        "The Sandbox runs on this computer; its address must be 127.0.0.1 or localhost.",
    )
    assert environments.production().verify_tls and environments.for_url(environments.PRODUCTION_URL).verify_tls
    credentials = Credentials(url=environments.PRODUCTION_URL, username="u", password="p", api_key="k",
                              api_key_version=1)
    with WebApiMarketplace(credentials) as production:
        assert production.environment.verify_tls


def make_self_signed(cert_path: Path, key_path: Path) -> None:
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .sign(key, hashes.SHA256())
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory):
    """An HTTPS WebAPI stand-in on 127.0.0.1 with a certificate nobody vouches for."""
    import http.server
    import ssl
    import threading

    folder = tmp_path_factory.mktemp("tls")
    make_self_signed(folder / "cert.pem", folder / "key.pem")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}/service.php"
    httpd.shutdown()
    httpd.server_close()


def test_a_certificate_that_cannot_be_verified_is_refused_with_a_sentence(self_signed):
    credentials = Credentials(url=self_signed, username="u", password=PASSWORD, api_key="k", api_key_version=1)
    with WebApiMarketplace(credentials) as mp, pytest.raises(AllegroError) as refused:
        mp.login()
    assert refused.value.code == "TLS_FAILED"
    assert refused.value.message == f"The secure connection to {self_signed} could not be verified."


# -- the sandbox stays on this machine ------------------------------------------------------


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "10.0.0.5", "example.com", ""])
def test_the_sandbox_refuses_to_listen_beyond_this_computer_unless_told(host):
    with pytest.raises(ValueError, match="only listens on a loopback address"):
        SandboxServer(host=host, port=0)
    SandboxServer(host=host, port=0, allow_remote=True)  # told: it may (not started here)


def test_the_sandbox_command_refuses_a_public_address():
    done = subprocess.run([sys.executable, "main.py", "sandbox", "--host", "0.0.0.0", "--port", "0"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "loopback" in done.stderr and "--allow-remote" in done.stderr
    assert "Traceback" not in done.stderr
