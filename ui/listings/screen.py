"""Listings (inventory mapping): link listings to stock items, strike off pending relists.

Every change here can be undone (Ctrl+Z) rather than asked about first: linking is
done many times an hour, and a question each time would only be clicked away.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from core.i18n import _
from core.listing_links import LinkError, link, reinstate, status_text, strike_off
from core.listing_rows import (
    CHANGED,
    CHANNEL_ID,
    FORMAT,
    ITEM_ID,
    RISK,
    SEARCHED,
    STATUS,
    STOCK_TITLE,
    SUGGESTED_ITEM,
    SUGGESTION,
    listing_rows,
)
from core.states import ListingStatus
from ui.desk import DeskScreen
from ui.keyboard import set_enabled
from ui.listings.link_dialog import LinkDialog
from ui.listings.link_preview import LinkPreview
from ui.tables import (
    ALERT,
    MUTED,
    Column,
    RowTableModel,
    hide_channel_column,
    make_table,
    prepare,
)

SHOW = [
    ("all", QT_TRANSLATE_NOOP("ListingsScreen", "All listings"), None),
    ("unlinked", QT_TRANSLATE_NOOP("ListingsScreen", "Unlinked"), lambda r: r[ITEM_ID] is None and r[STATUS] != ListingStatus.RELISTED),
    ("linked", QT_TRANSLATE_NOOP("ListingsScreen", "Linked"), lambda r: r[ITEM_ID] is not None),
    ("exact", QT_TRANSLATE_NOOP("ListingsScreen", "Exact-title suggestions"), lambda r: r[SUGGESTION] == "exact"),
    ("ambiguous", QT_TRANSLATE_NOOP("ListingsScreen", "Ambiguous titles"), lambda r: r[SUGGESTION] == "ambiguous"),
    ("live", QT_TRANSLATE_NOOP("ListingsScreen", "Live"), lambda r: r[STATUS] == ListingStatus.ACTIVE),
    ("risk", QT_TRANSLATE_NOOP("ListingsScreen", "Oversell risk"), lambda r: r[RISK]),
    ("changed", QT_TRANSLATE_NOOP("ListingsScreen", "Changed on Allegro"), lambda r: bool(r[CHANGED])),
    ("pending", QT_TRANSLATE_NOOP("ListingsScreen", "Pending relist"), lambda r: r[STATUS] == ListingStatus.PENDING_RELIST),
    ("struck", QT_TRANSLATE_NOOP("ListingsScreen", "Struck off"), lambda r: r[STATUS] == ListingStatus.STRUCK_OFF),
    ("expired", QT_TRANSLATE_NOOP("ListingsScreen", "Expired"), lambda r: r[STATUS] == ListingStatus.EXPIRED),
    ("ended", QT_TRANSLATE_NOOP("ListingsScreen", "Ended"), lambda r: r[STATUS] == ListingStatus.ENDED),
    ("bids", QT_TRANSLATE_NOOP("ListingsScreen", "Auctions with bids"), lambda r: r[FORMAT] == "auction" and r[5] > 0),
]


class ListingsModel(RowTableModel):
    TITLE_COLUMN, STATUS_COLUMN, SKU_COLUMN, AVAILABLE_COLUMN, SUGGESTION_COLUMN, CHANNEL_COLUMN = 1, 5, 6, 7, 8, 9

    def __init__(self, parent=None) -> None:
        super().__init__(
            [
                Column(QCoreApplication.translate("ListingsModel", "Offer ID"), numeric=True, width=95),
                Column(QCoreApplication.translate("ListingsModel", "Title"), width=260, stretch=True),
                Column(QCoreApplication.translate("ListingsModel", "Format"), width=65),
                Column(QCoreApplication.translate("ListingsModel", "Qty"), numeric=True, tooltip=QCoreApplication.translate("ListingsModel", "Quantity on Allegro at the last sync"), width=45),
                Column(QCoreApplication.translate("ListingsModel", "Bids"), numeric=True, tooltip=QCoreApplication.translate("ListingsModel", "Bids on the auction"), width=40),
                Column(QCoreApplication.translate("ListingsModel", "Status"), width=175),
                Column(QCoreApplication.translate("ListingsModel", "SKU"), tooltip=QCoreApplication.translate("ListingsModel", "The stock item this listing sells (its title in the tooltip)"), width=95),
                Column(QCoreApplication.translate("ListingsModel", "Available"), numeric=True, tooltip=QCoreApplication.translate("ListingsModel", "Available stock that the next sync sends"), width=65),
                Column(QCoreApplication.translate("ListingsModel", "Suggestion"), tooltip=QCoreApplication.translate("ListingsModel", "Stock items whose title equals the listing's"), width=240),
                Column(QCoreApplication.translate("ListingsModel", "Channel"), width=110),
            ],
            parent,
        )

    def foreground(self, row, column):
        if column == self.SUGGESTION_COLUMN and row[SUGGESTION] == "ambiguous":
            return ALERT
        if column == self.AVAILABLE_COLUMN and row[8] is not None and row[8] < 0:
            return ALERT  # open orders need more than is in stock
        if column in (self.STATUS_COLUMN, self.AVAILABLE_COLUMN) and row[RISK]:
            return ALERT  # live on Allegro with nothing to send
        if column == self.STATUS_COLUMN and row[STATUS] in (
            ListingStatus.STRUCK_OFF,
            ListingStatus.EXPIRED,
            ListingStatus.RELISTED,
        ):
            return MUTED
        return None

    def tooltip(self, row, column):
        if column == self.SUGGESTION_COLUMN and row[SUGGESTION] == "ambiguous":
            why = QCoreApplication.translate("ListingsModel", "Several stock items have this title: link by hand (Link…), it is never guessed.")
            return f"{row[9]}\n{why}" if row[9] else why  # the items whole, where the column elides them
        if column == self.STATUS_COLUMN and row[CHANGED] and not row[RISK]:
            return QCoreApplication.translate("ListingsModel", "Changed outside the app at the last sync: %1").replace("%1", row[CHANGED])
        if column == self.STATUS_COLUMN and row[RISK]:
            return QCoreApplication.translate(
                "ListingsModel",
                "Oversell risk: live on Allegro with nothing available to send. A buyer can still buy it. "
                "End it (Sync now proposes it again), or restock it.",
            )
        if column == self.SKU_COLUMN and row[ITEM_ID] is not None:
            return row[STOCK_TITLE]
        if column == self.TITLE_COLUMN:
            return row[2]  # whole, where a narrow window elides it
        if column == self.SUGGESTION_COLUMN and row[9]:
            return row[9]
        if column == 4 and row[FORMAT] == "auction" and row[5] > 0:
            return QCoreApplication.translate("ListingsModel", "Ending this auction sells it to the top bidder.")
        if column == self.STATUS_COLUMN:
            return self.status_tooltip(row[STATUS])
        return None

    def status_tooltip(self, status: str) -> str | None:
        """Why a listing that is not live stays so: the sync relists only what it ended itself."""
        if status == ListingStatus.ENDED:
            return self.tr(
                "Ended outside this app (sold out, its time ran out, or ended on Allegro), so the app will not "
                "relist it, even with stock: it relists only the listings it ended itself for lack of stock. "
                "Relist it on Allegro to sell it again."
            )
        if status == ListingStatus.EXPIRED:
            return self.tr("Ended over 60 days ago: Allegro no longer relists it, so the app will not either.")
        if status == ListingStatus.STRUCK_OFF:
            return self.tr("Struck off: it will not be relisted. Reinstate it to let the sync relist it when stock returns.")
        if status == ListingStatus.PENDING_RELIST:
            return self.tr("Ended by this app when stock ran out; the sync relists it when stock returns.")
        return None


class Change(QUndoCommand):
    """A mapping change already made; undo and redo call the given functions."""

    def __init__(self, text: str, undo, redo, on_error) -> None:
        super().__init__(text)
        self._undo, self._redo, self._on_error = undo, redo, on_error
        self._first = True

    def redo(self) -> None:
        if self._first:  # the change was made (and checked) before it was pushed
            self._first = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, fn) -> None:
        try:
            fn()
        except Exception as e:  # noqa: BLE001 - PySide swallows exceptions from undo/redo
            self._on_error(getattr(e, "message", str(e)))


class ListingsScreen(DeskScreen):
    def __init__(self, paths, parent: QWidget | None = None) -> None:
        super().__init__(paths, "listings", parent)
        self._reselect: list[int] = []
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(lambda _i: self.refresh())
        self.undo_stack.indexChanged.connect(self._undo_moved)
        self._notice_step: int | None = None  # the undo step the notice speaks of

        layout = self.add_rows(
            ListingsModel(self), lambda: prepare(listing_rows(), SEARCHED),
            self.tr("Filter by offer id, title, SKU or status (Ctrl+F)"), self.tr("Filter listings"),
        )
        self.channel = self.bar.add_channel_choice(CHANNEL_ID)
        self.show_choice = self.bar.add_show_choice(
            [(key, self.tr(text), keep) for key, text, keep in SHOW], QSettings().value("listings/show", "all")
        )

        buttons = QHBoxLayout()
        self.link_button = QPushButton(self.tr("&Link…"))
        self.unlink_button = QPushButton(self.tr("&Unlink"))
        self.accept_button = QPushButton(self.tr("Accept su&ggestion"))
        self.accept_button.setToolTip(self.tr("Link the selected listings to the one stock item with the same title"))
        self.link_exact_button = QPushButton(self.tr("Link all e&xact matches"))
        self.link_exact_button.setToolTip(
            self.tr("Link every unlinked listing shown whose title matches exactly one stock item; ambiguous ones are left")
        )
        self.strike_button = QPushButton(self.tr("S&trike off"))
        self.strike_button.setToolTip(self.tr("Never relist this pending-relist listing"))
        self.reinstate_button = QPushButton(self.tr("&Reinstate"))
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Undo the last change (Ctrl+Z)"))
        for button, slot, name in (
            (self.link_button, self.link_selected, "link"),
            (self.unlink_button, self.unlink_selected, "unlink"),
            (self.accept_button, self.accept_suggestions, "accept_suggestion"),
            (self.link_exact_button, self.link_all_exact, "link_all_exact"),
            (self.strike_button, self.strike_off_selected, "strike_off"),
            (self.reinstate_button, self.reinstate_selected, "reinstate"),
            (self.undo_button, self.undo_stack.undo, "undo"),
        ):
            button.setObjectName(name)
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)
        nothing_to_undo = self.tr("Nothing to undo: linking, unlinking, striking off and reinstating can be undone here.")
        set_enabled(self.undo_button, False, nothing_to_undo)
        self.undo_stack.canUndoChanged.connect(lambda can: set_enabled(self.undo_button, can, nothing_to_undo))
        self.undo_stack.undoTextChanged.connect(
            lambda text: self.undo_button.setText(self.tr("Undo %1").replace("%1", text) if text else self.tr("Undo"))
        )
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.add_notice()

        self.table = make_table("listings_table", self.model, self)
        self._room_for_the_risk_status()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.doubleClicked.connect(lambda _i: self.link_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.model.filtered.connect(self._update_count)
        self.bar.lead_into(self.table)
        layout.addWidget(self.table, 1)

        for keys, slot in (
            ("Ctrl+L", self.link_selected),
            (QKeySequence.StandardKey.Undo, self.undo_stack.undo),
            (QKeySequence.StandardKey.Redo, self.undo_stack.redo),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, s=slot: s())
            self.addAction(action)

        self.restore_state()
        self.fill_channels()
        self.bar.apply_choice()
        self.refresh()

    def _room_for_the_risk_status(self) -> None:
        """The Status column may widen to "Live · oversell risk" whole in the app's language
        ("Aktywna · bez towaru"), the warning a seller must not miss."""
        fit = self.table.column_fit
        column = fit.columns[ListingsModel.STATUS_COLUMN]
        risk = status_text(ListingStatus.ACTIVE) + " · " + _("oversell risk")
        margin = self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table)
        need = self.table.fontMetrics().horizontalAdvance(risk) + 2 * (margin + 1) + 4
        fit.columns[ListingsModel.STATUS_COLUMN] = replace(column, width=max(column.width, need))

    # --- loading and filtering -------------------------------------------------
    def fill_channels(self) -> None:
        hide_channel_column(self.table, ListingsModel.CHANNEL_COLUMN)
        self.bar.fill_channels()

    def fill_choices(self) -> None:
        self.fill_channels()

    def refresh(self) -> None:
        self._reselect = self.selected_ids() or self._reselect
        self.count.setText(self.tr("Loading…"))
        self.loader.refresh()

    def _loaded(self, _count: int) -> None:
        self._update_count()
        rows = [self.model.row_of(i) for i in self._reselect]
        rows = [r for r in rows if r >= 0]
        if rows:
            selection = self.table.selectionModel()
            self.table.setCurrentIndex(self.model.index(rows[0], 0))
            for r in rows:
                selection.select(
                    self.model.index(r, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
        self._reselect = []

    def _update_count(self) -> None:
        self.bar.show_count(lambda n: self.tr("%1 listing(s)", "", n), lambda n: self.tr("%1 of %2 listing(s)", "", n))

    # --- selection -------------------------------------------------------------
    def selected_rows(self) -> list[tuple]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_data(r) for r in rows]

    def selected_ids(self) -> list[int]:
        return [r[0] for r in self.selected_rows()]

    def select_offer(self, offer_id: str | int) -> bool:
        wanted = str(offer_id)  # offer ids are Allegro's numbers as text
        for r in range(self.model.rowCount()):
            if self.model.row_data(r)[1] == wanted:
                self.table.selectRow(r)
                return True
        return False

    def _update_buttons(self) -> None:
        rows = self.selected_rows()
        pick = self.tr("Select a listing first: click its row, or press Down from the filter box.")
        set_enabled(
            self.link_button,
            len(rows) >= 1 and rows[0][STATUS] != ListingStatus.RELISTED,
            pick if not rows else self.tr("A relisted listing lives on as its new offer: link that one."),
        )
        set_enabled(
            self.unlink_button, any(r[ITEM_ID] is not None for r in rows),
            pick if not rows else self.tr("None of the selected listings is linked."),
        )
        set_enabled(
            self.accept_button, any(r[SUGGESTION] == "exact" for r in rows),
            pick if not rows else self.tr("No selected listing has a stock item with exactly its title."),
        )
        set_enabled(
            self.strike_button, any(r[STATUS] == ListingStatus.PENDING_RELIST for r in rows),
            pick if not rows else self.tr("Only listings pending relist can be struck off."),
        )
        set_enabled(
            self.reinstate_button, any(r[STATUS] == ListingStatus.STRUCK_OFF for r in rows),
            pick if not rows else self.tr("Only struck-off listings can be reinstated."),
        )

    # --- changes (each one undoable) --------------------------------------------
    def _relink(self, pairs: list[tuple[int, int | None]]) -> None:
        for listing_id, item_id in pairs:
            link(listing_id, item_id)

    def _push_links(self, text: str, changes: list[tuple[int, int | None, int | None]]) -> None:
        """changes: (listing id, item before, item after), already made."""
        if not changes:
            return
        before = [(lid, old) for lid, old, _new in changes]
        after = [(lid, new) for lid, _old, new in changes]
        self.undo_stack.push(Change(text, lambda: self._relink(before), lambda: self._relink(after), self.show_error))
        self.flash(text + self.tr(" (Ctrl+Z undoes it)"))

    def link_selected(self) -> None:
        rows = self.selected_rows()
        if not rows or rows[0][STATUS] == ListingStatus.RELISTED:
            return
        row = rows[0]
        item_id = LinkDialog.ask(row[2], row[2], self)
        if item_id is None:
            return
        try:
            previous = link(row[0], item_id)
        except LinkError as e:
            self.show_error(e.message)
            return
        self._reselect = [row[0]]
        self._push_links(self.tr("Linked offer %1").replace("%1", str(row[1])), [(row[0], previous, item_id)])

    def unlink_selected(self) -> None:
        rows = [r for r in self.selected_rows() if r[ITEM_ID] is not None]
        changes = [(r[0], link(r[0], None), None) for r in rows]
        self._reselect = [r[0] for r in rows]
        what = str(rows[0][1]) if len(rows) == 1 else self.tr("%n listing(s)", "", len(rows))
        self._push_links(self.tr("Unlinked %1").replace("%1", what), changes)

    def accept_suggestions(self) -> None:
        rows = [r for r in self.selected_rows() if r[SUGGESTION] == "exact" and r[ITEM_ID] is None]
        changes = [(r[0], link(r[0], r[SUGGESTED_ITEM]), r[SUGGESTED_ITEM]) for r in rows]
        self._reselect = [r[0] for r in rows]
        self._push_links(self.tr("Linked %n listing(s) by exact title", "", len(changes)), changes)

    def link_all_exact(self) -> None:
        """Every shown unlinked listing with exactly one same-titled stock item."""
        rows = [
            self.model.row_data(r)
            for r in range(self.model.rowCount())
            if self.model.row_data(r)[SUGGESTION] == "exact" and self.model.row_data(r)[ITEM_ID] is None
        ]
        ambiguous = sum(1 for r in range(self.model.rowCount()) if self.model.row_data(r)[SUGGESTION] == "ambiguous")
        if not rows:
            self.flash(self.tr("No unlinked listing shown has exactly one stock item with its title."))
            return
        if not LinkPreview.ask(rows, ambiguous, self):
            self.flash(self.tr("Nothing was linked."))
            return
        changes = [(r[0], link(r[0], r[SUGGESTED_ITEM]), r[SUGGESTED_ITEM]) for r in rows]
        text = self.tr("Linked %n listing(s) by exact title", "", len(changes))
        self._push_links(text, changes)
        if ambiguous:
            self.flash(
                text
                + self.tr("; %n ambiguous title(s) left to link by hand (Ctrl+Z undoes it)", "", ambiguous)
            )

    def strike_off_selected(self) -> None:
        ids = [r[0] for r in self.selected_rows() if r[STATUS] == ListingStatus.PENDING_RELIST]
        if not ids:
            return
        for listing_id in ids:
            strike_off(listing_id)
        self._reselect = ids
        text = self.tr("Struck off %n listing(s): they will not be relisted", "", len(ids))
        self.undo_stack.push(
            Change(text, lambda: [reinstate(i) for i in ids], lambda: [strike_off(i) for i in ids], self.show_error)
        )
        self.flash(text + self.tr(" (Ctrl+Z undoes it)"))

    def reinstate_selected(self) -> None:
        ids = [r[0] for r in self.selected_rows() if r[STATUS] == ListingStatus.STRUCK_OFF]
        if not ids:
            return
        statuses = {i: reinstate(i) for i in ids}
        back = [i for i, s in statuses.items() if s == ListingStatus.PENDING_RELIST]
        self._reselect = ids
        text = self.tr("Reinstated %n listing(s)", "", len(ids))
        self.undo_stack.push(Change(text, lambda: [strike_off(i) for i in back], lambda: [reinstate(i) for i in back], self.show_error))
        expired = len(ids) - len(back)
        self.flash(
            text
            + (self.tr("; %n past Allegro's 60 days are expired", "", expired) if expired else "")
            + self.tr(" (Ctrl+Z undoes it)")
        )

    # --- messages and state ----------------------------------------------------
    def flash(self, text: str) -> None:
        super().flash(text)
        self._notice_step = self.undo_stack.index()

    def show_error(self, text: str) -> None:
        super().show_error(text)
        self._notice_step = self.undo_stack.index()

    def _undo_moved(self, index: int) -> None:
        """Undo or redo: "Linked 58 listings… (Ctrl+Z undoes it)" no longer holds; say what happened."""
        if self.notice.isHidden() or self._notice_step is None or index == self._notice_step:
            return
        if index < self._notice_step:
            self.flash(self.tr("Undone: %1").replace("%1", self.undo_stack.text(index)))
        else:
            self.flash(self.tr("Redone: %1").replace("%1", self.undo_stack.text(index - 1)))

    def save_state(self) -> None:
        super().save_state()
        QSettings().setValue("listings/show", self.show_choice.currentData())
