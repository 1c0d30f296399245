"""The first screen: a short welcome on an empty database, an overview afterwards.

The welcome walks a new seller through the demo in two clicks: "Add the demo channel"
(the Sandbox started in this process, a REST channel connected to it through its device
flow, a stock list made and linked to the demo listings), then "Sync now" on the Sync
screen, which imports the demo orders and asks before ending the listings with no stock.
The same demo on the legacy WebAPI is one button further. A third card leads to Channel
Integration → Add New Channel for the seller's own account.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core import demo, demo_rest
from core.store import release_connection
from core.overview import has_channels, latest_finished_run, linked_listing_count, order_count, shop_counts
from core.sync.guards import risk_counts
from ui.counts import COUNTED
from ui.tables import ALERT
from ui.workers import Worker
from ui.text import escape

OK_COLOUR = "#1b6e2a"
CARD_STYLE = (
    "QFrame#welcome_card { border: 1px solid palette(mid); border-radius: 6px; background: palette(base); }"
    "QFrame#welcome_card QPushButton { padding: 6px 16px; }"
)
CONTENT_WIDTH = 760  # a readable line length on a wide window


def set_up_demo_job(report, _cancelled, paths, api: str = "rest") -> demo.DemoSetUp:
    """The demo set-up on a worker thread (its database connection closed after): the REST
    channel by default, the WebAPI one when the seller asks for the legacy API."""
    set_up = demo_rest.set_up_rest_demo if api == "rest" else demo.set_up_demo
    try:
        return set_up(paths, progress=lambda step: report(step, 0, 0))
    finally:
        release_connection()


def risk_count_job(_report, _cancelled) -> int:
    """Listings at oversell risk over all channels, on a worker thread: it reads every
    listing, too slow for the window's first paint."""
    try:
        return sum(risk_counts().values())
    finally:
        release_connection()


def _card(number: str, title: str, text: str) -> tuple[QFrame, QVBoxLayout, QHBoxLayout]:
    """A bordered step: a numbered title, a paragraph; returns (frame, body, button row)."""
    frame = QFrame()
    frame.setObjectName("welcome_card")
    frame.setStyleSheet(CARD_STYLE)
    body = QVBoxLayout(frame)
    body.setContentsMargins(16, 12, 16, 12)
    heading = QLabel(f"<span style='font-size:13pt'><b>{number}&nbsp;&nbsp;{title}</b></span>")
    heading.setTextFormat(Qt.TextFormat.RichText)
    body.addWidget(heading)
    words = QLabel(text)
    words.setWordWrap(True)
    words.setTextFormat(Qt.TextFormat.RichText)
    body.addWidget(words)
    buttons = QHBoxLayout()
    body.addLayout(buttons)
    return frame, body, buttons


class HomeScreen(QWidget):
    demo_ready = Signal(object)  # core.demo.DemoSetUp
    demo_failed = Signal(str)  # the seller's sentence
    demo_synced = Signal()  # the Sync screen finished the sync started here
    risks_shown = Signal(int)  # the Overview's count of listings at oversell risk, once worked out

    def __init__(self, paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.setObjectName("home")
        self.first_run = not has_channels()
        self.demo_channel_id: int | None = None
        self.worker: Worker | None = None
        self.risk_worker: Worker | None = None
        self._sync_screen = None

        column = QWidget()
        column.setMaximumWidth(CONTENT_WIDTH)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        self.heading = QLabel()
        self.heading.setObjectName("home_heading")
        layout.addWidget(self.heading)
        self.intro = QLabel()
        self.intro.setObjectName("home_intro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        self.welcome = QWidget()
        self.welcome.setObjectName("welcome")
        welcome_layout = QVBoxLayout(self.welcome)
        welcome_layout.setContentsMargins(0, 0, 0, 0)
        welcome_layout.setSpacing(12)
        welcome_layout.addWidget(self._build_demo_card())
        welcome_layout.addWidget(self._build_sync_card())
        welcome_layout.addWidget(self._build_production_card())
        layout.addWidget(self.welcome)

        self.overview = QWidget()
        self.overview.setObjectName("overview")
        overview_layout = QVBoxLayout(self.overview)
        overview_layout.setContentsMargins(0, 0, 0, 0)
        self.counts = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        for key, text in (
            ("channels", self.tr("Channels")),
            ("items", self.tr("Stock items")),
            ("listings", self.tr("Listings")),
            ("orders", self.tr("Orders")),
        ):
            value = QLabel("0")
            value.setObjectName(f"count_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[key] = value
            self.counts.addRow(text + ":", value)
        self.labels["oversell_risk"] = risk = QLabel("0")
        risk.setObjectName("count_oversell_risk")
        risk.setTextFormat(Qt.TextFormat.PlainText)
        risk.setToolTip(
            self.tr(
                "Linked live listings with nothing available to send: a buyer can still buy them. "
                "Listings → Show: Oversell risk lists them with the reason."
            )
        )
        self.counts.addRow(self.tr("At oversell risk") + ":", risk)
        overview_layout.addLayout(self.counts)
        quick = QHBoxLayout()
        self.quick_sync_button = QPushButton(self.tr("S&ync now (F5)"))
        self.quick_sync_button.setObjectName("overview_sync_now")
        self.quick_sync_button.clicked.connect(self.sync_now)
        self.quick_add_button = QPushButton(self.tr("Add a &channel…"))
        self.quick_add_button.setObjectName("overview_add_channel")
        self.quick_add_button.clicked.connect(self.add_production_channel)
        quick.addWidget(self.quick_sync_button)
        quick.addWidget(self.quick_add_button)
        quick.addStretch(1)
        overview_layout.addLayout(quick)
        layout.addWidget(self.overview)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        holder_layout = QHBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(column, 1)
        holder_layout.addStretch(0)
        scroll.setWidget(holder)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._show_mode()
        self.refresh()

    # --- building ------------------------------------------------------------
    def _build_demo_card(self) -> QFrame:
        card, body, buttons = _card(
            "1",
            self.tr("Try it on the demo shop"),
            self.tr(
                "Adds the channel <b>Sandbox demo</b> on the <b>Sandbox</b>, the Allegro emulator built into "
                "this app: about 60 Polish listings, buyers and recent orders. It connects through Allegro's "
                "REST API the way your own account will, with the Sandbox approving it in your place. It also "
                "fills your stock with one item per listing, linked to it: most in stock, a few at zero. "
                "No Allegro account is needed and nothing reaches Allegro."
            ),
        )
        self.demo_button = QPushButton(self.tr("&Add the demo channel"))
        self.demo_button.setObjectName("add_demo_channel")
        self.demo_button.setAccessibleName(self.tr("Add the Sandbox demo channel"))
        self.demo_button.setToolTip(self._rest_demo_tip())
        self.demo_button.setDefault(True)
        self.demo_button.clicked.connect(lambda: self.add_demo_channel("rest"))
        self.webapi_demo_button = QPushButton(self.tr("Use the legacy &WebAPI instead"))
        self.webapi_demo_button.setObjectName("add_webapi_demo_channel")
        self.webapi_demo_button.setAccessibleName(self.tr("Add the Sandbox demo channel on the legacy WebAPI"))
        self.webapi_demo_button.setToolTip(self._webapi_demo_tip())
        self.webapi_demo_button.clicked.connect(lambda: self.add_demo_channel("webapi"))
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.webapi_demo_button)
        buttons.addStretch(1)
        self.demo_status = QLabel()
        self.demo_status.setObjectName("demo_status")
        self.demo_status.setWordWrap(True)
        self.demo_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_status.setVisible(False)
        body.addWidget(self.demo_status)
        return card

    def _build_sync_card(self) -> QFrame:
        card, body, buttons = _card(
            "2",
            self.tr("Run the first sync"),
            self.tr(
                "The sync imports the demo shop's orders and sends your stock quantities to the listings. "
                "Before it ends the listings whose stock is zero, it shows them to you in the confirmation "
                "dialog: keep them ticked and press <b>Apply the ticked ones</b>."
            ),
        )
        self.sync_card = card
        self.sync_button = QPushButton(self.tr("S&ync now (F5)"))
        self.sync_button.setObjectName("welcome_sync_now")
        self.sync_button.setEnabled(False)
        self.sync_button.setToolTip(self.tr("Add the demo channel first."))
        self.sync_button.clicked.connect(self.sync_now)
        self.orders_button = QPushButton(self.tr("See the &orders"))
        self.orders_button.setObjectName("see_orders")
        self.orders_button.clicked.connect(lambda: self._show("orders"))
        self.listings_button = QPushButton(self.tr("See the &listings"))
        self.listings_button.setObjectName("see_listings")
        self.listings_button.clicked.connect(lambda: self._show("listings"))
        for button in (self.orders_button, self.listings_button):
            button.setVisible(False)
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.orders_button)
        buttons.addWidget(self.listings_button)
        buttons.addStretch(1)
        self.sync_status = QLabel()
        self.sync_status.setObjectName("welcome_sync_status")
        self.sync_status.setWordWrap(True)
        self.sync_status.setVisible(False)
        body.addWidget(self.sync_status)
        return card

    def _build_production_card(self) -> QFrame:
        card, _body, buttons = _card(
            "3",
            self.tr("Connect your own Allegro account"),
            self.tr(
                "When you are ready, register the app once at apps.developer.allegro.pl and paste its "
                "Client ID and Secret in <b>Settings → Preferences</b>. Then add an <b>Allegro.pl</b> channel "
                "and press <b>Connect with Allegro</b>: you approve the app on allegro.pl, and your password "
                "never reaches this app. Its login is kept in your system's keyring, never in the database."
            ),
        )
        self.production_button = QPushButton(self.tr("Add an Allegro.&pl channel…"))
        self.production_button.setObjectName("add_production_channel")
        self.production_button.setToolTip(self.tr("Opens Settings → Channel Integration → Add New Channel."))
        self.production_button.clicked.connect(self.add_production_channel)
        buttons.addWidget(self.production_button)
        buttons.addStretch(1)
        return card

    def _show_mode(self) -> None:
        if self.first_run:
            self.heading.setText(self.tr("<h2>Welcome to Allegro Channel Manager</h2>"))
            self.intro.setText(
                self.tr(
                    "It keeps your stock and your Allegro.pl listings in step: orders come in, quantities go "
                    "out, listings that run out of stock are ended and relisted when it returns. "
                    "Try it on the demo shop first; it takes a minute."
                )
            )
        else:
            self.heading.setText(self.tr("<h2>Allegro Channel Manager</h2>"))
            self.intro.setText(
                self.tr(
                    "Your stock and your Allegro.pl channels in one place. Press F5 to sync; channels are set "
                    "up under <b>Settings → Channel Integration</b>."
                )
            )
        self.welcome.setVisible(self.first_run)
        self.overview.setVisible(not self.first_run)

    # --- the demo ------------------------------------------------------------
    def add_demo_channel(self, api: str = "rest") -> None:
        """Set up the demo shop's channel: on REST (the default) or the legacy WebAPI."""
        if self.worker is not None and self.worker.running:
            return
        why = self.tr("The demo channel is being added; the line below says how far.")
        for button in (self.demo_button, self.webapi_demo_button):
            button.setEnabled(False)
            button.setToolTip(why)
        self._say(self.demo_status, self.tr("Starting…"))
        worker = Worker(set_up_demo_job, self.paths, api)
        worker.progress_changed.connect(lambda step, _d, _t: self._say(self.demo_status, escape(step) + "…"))
        worker.succeeded.connect(self._demo_added)
        worker.failed.connect(self._demo_failed)
        self.worker = worker
        worker.start()

    def _demo_added(self, done: demo.DemoSetUp) -> None:
        self.demo_channel_id = done.channel.id
        stock = done.stock
        linked = linked_listing_count(done.channel.id)
        self._say(
            self.demo_status,
            self._ready_sentence(done)
            .replace("%2", self.tr("%n listing(s)", "", linked))
            .replace("%3", self.tr("%n of them have no stock", "", len(stock.out_of_stock)))
            .replace("%1", escape(done.channel.sub_source)),
            OK_COLOUR,
        )
        self.demo_button.setText(self.tr("Demo channel added"))
        self.demo_button.setToolTip(self.tr("The demo channel is there; it is added once."))
        self.webapi_demo_button.setVisible(False)
        self.sync_button.setEnabled(True)
        self.sync_button.setToolTip(self.tr("Opens the Sync screen and syncs the demo channel."))
        self.sync_button.setDefault(True)
        self.sync_button.setFocus()
        self.refresh()
        self.demo_ready.emit(done)

    def _rest_demo_tip(self) -> str:
        return self.tr("A REST channel on the built-in Sandbox, connected as Allegro's approval page would.")

    def _webapi_demo_tip(self) -> str:
        return self.tr(
            "The same demo shop through the old WebAPI: login, password, WebAPI key and Api Key Version, "
            "filled in for you. Allegro itself no longer answers the WebAPI."
        )

    def _ready_sentence(self, done: demo.DemoSetUp) -> str:
        if done.channel.api == "rest":
            return self.tr(
                "✓ <b>%1</b> is ready: connected through Allegro's REST API as %4. %2 linked to stock items; "
                "%3, so the sync will propose ending them."
            ).replace("%4", escape(done.channel.username))
        return self.tr(
            "✓ <b>%1</b> is ready: the Test said OK. %2 linked to stock items; "
            "%3, so the sync will propose ending them."
        )

    def _demo_failed(self, message: str, _error: object) -> None:
        self._say(self.demo_status, self.tr("The demo channel could not be added: %1").replace("%1", escape(message)), ALERT.name())
        for button in (self.demo_button, self.webapi_demo_button):
            button.setEnabled(True)
        self.demo_button.setToolTip(self._rest_demo_tip())
        self.webapi_demo_button.setToolTip(self._webapi_demo_tip())
        self.demo_button.setText(self.tr("Try &again"))
        self.demo_failed.emit(message)

    def sync_now(self) -> None:
        """Sync on the Sync screen (F5 does the same); the welcome hears when it is done."""
        window = self.window()
        starter = getattr(window, "sync_now", None)
        if starter is None:
            return
        screen = starter()
        if screen is not None and screen is not self._sync_screen and hasattr(screen, "all_finished"):
            self._sync_screen = screen
            screen.all_finished.connect(self._synced)

    def _synced(self) -> None:
        if self.demo_channel_id is None:
            return
        run = latest_finished_run(self.demo_channel_id)
        if run is None:
            return
        counts = run.counts
        orders = order_count(self.demo_channel_id)
        if run.outcome in ("ok", "partial"):
            text = (
                self.tr("✓ Synced: %1, %2, %3.")
                .replace("%1", COUNTED.run_count("orders_imported", orders))
                .replace("%2", COUNTED.run_count("quantities_changed", counts.get("quantities_changed", 0)))
                .replace("%3", COUNTED.run_count("listings_ended", counts.get("listings_ended", 0)))
            )
            self._say(self.sync_status, text, OK_COLOUR)
        else:
            self._say(
                self.sync_status,
                self.tr("The sync ended as “%1”; the Sync screen says why. Press Sync now to try again.").replace(
                    "%1", escape(run.outcome)
                ),
                ALERT.name(),
            )
        self.orders_button.setVisible(orders > 0)
        self.listings_button.setVisible(True)
        self.refresh()
        self.demo_synced.emit()

    # --- a Production channel ------------------------------------------------
    def add_production_channel(self) -> None:
        opener = getattr(self.window(), "open_channel_integration", None)
        if opener is not None:
            opener(add_new=True)

    # --- helpers -------------------------------------------------------------
    def _show(self, key: str) -> None:
        shower = getattr(self.window(), "show_screen", None)
        if shower is not None:
            shower(key)

    @staticmethod
    def _say(label: QLabel, text: str, colour: str = "") -> None:
        label.setTextFormat(Qt.TextFormat.RichText)  # what is not ours in `text` went through escape()
        label.setText(text)
        label.setStyleSheet(f"color: {colour}" if colour else "")
        label.setVisible(True)

    def refresh(self) -> None:
        counts = shop_counts()
        self.labels["channels"].setText(str(counts.channels))
        self.labels["items"].setText(str(counts.items))
        self.labels["listings"].setText(str(counts.listings))
        self.labels["orders"].setText(str(counts.orders))
        if self.risk_worker is None or not self.risk_worker.running:
            self.risk_worker = Worker(risk_count_job)
            self.risk_worker.succeeded.connect(self._show_risks)
            self.risk_worker.start()

    def _show_risks(self, risks: int) -> None:
        self.labels["oversell_risk"].setText(
            self.tr("%n listing(s): live with nothing available to send", "", risks) if risks else "0"
        )
        self.labels["oversell_risk"].setStyleSheet(f"color: {ALERT.name()}; font-weight: bold" if risks else "")
        self.risks_shown.emit(risks)

    def showEvent(self, event) -> None:  # counts change while other screens are used
        self.refresh()
        super().showEvent(event)

    def shutdown(self) -> None:
        if self.risk_worker is not None and self.risk_worker.running:
            self.risk_worker.wait(30_000)
        if self.worker is not None and self.worker.running:
            self.worker.wait(30_000)
