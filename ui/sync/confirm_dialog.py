"""The confirmation dialog: which listings the sync may end and relist.

Shown between planning and applying unless the channel has No Manual Confirmation.
Three answers, each button saying what it does: apply the ticked ones (and the rest of
the sync); send the rest of the sync (quantities, tracking numbers) without any of these;
cancel the whole sync, sending nothing. Whatever is not applied is proposed again at the
next sync. Auctions with bids start unticked: ending one sells it to the top bidder,
which the seller should choose knowingly.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.i18n import _
from core.listing_rows import FORMATS
from core.sync.plan import Plan, ProposedAction
from ui.counts import COUNTED
from ui.screens import resize_within_screen
from ui.tables import ALERT, local_time
from ui.text import escape, plain_tooltip


def duration_text(days: int | None) -> str:
    if days is None:
        return ""
    if days in (0, 99):  # 99 is the WebAPI's "until sold out" for some forms
        return QCoreApplication.translate("ActionsModel", "Until sold out")
    return COUNTED.days(days)


def start_text(action: ProposedAction) -> str:
    return local_time(action.start_at) if action.start_at else QCoreApplication.translate("ActionsModel", "At once")


class ActionsModel(QAbstractTableModel):
    """One list of the dialog (ends or relists): a checkbox per row."""

    checked_changed = Signal()

    def __init__(self, actions: Sequence[ProposedAction], relists: bool, parent=None) -> None:
        super().__init__(parent)
        self.actions = list(actions)
        self.relists = relists
        self.headers = ["", self.tr("Offer"), self.tr("Listing"), self.tr("Stock item"), self.tr("Reason")]
        if relists:
            self.headers += [self.tr("Duration"), self.tr("Start")]
        else:
            self.headers += [self.tr("Note")]
        self.checked = [not a.sells_to_top_bidder for a in self.actions]

    # --- checks --------------------------------------------------------------
    def set_all(self, value: bool) -> None:
        self.checked = [value] * len(self.actions)
        if self.actions:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.actions) - 1, 0), [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()

    def toggle(self, row: int) -> None:
        self.setData(
            self.index(row, 0),
            Qt.CheckState.Unchecked if self.checked[row] else Qt.CheckState.Checked,
            Qt.ItemDataRole.CheckStateRole,
        )

    def checked_ids(self) -> list[int]:
        return [a.action_id for a, on in zip(self.actions, self.checked) if on]

    def count_checked(self) -> int:
        return sum(self.checked)

    # --- Qt model ------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.actions)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def _text(self, action: ProposedAction, column: int) -> str:
        if column == 1:
            return str(action.offer_id)
        if column == 2:
            return f"{action.title} ({_(FORMATS.get(action.format, action.format))})"
        if column == 3:
            return f"{action.sku} — {action.stock_title}" if action.sku else ""
        if column == 4:
            return action.reason
        if self.relists:
            return duration_text(action.duration_days) if column == 5 else start_text(action)
        if action.sells_to_top_bidder:
            return self.tr("Sells to the top bidder (%n bid(s))", "", action.bids)
        return ""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.actions):
            return None
        answer = self._ANSWERS.get(role)
        return answer(self, index.row(), index.column()) if answer is not None else None

    def _check_state(self, row: int, column: int):
        if column != 0:
            return None
        return Qt.CheckState.Checked if self.checked[row] else Qt.CheckState.Unchecked

    def _display(self, row: int, column: int):
        return self._text(self.actions[row], column) if column > 0 else None

    def _tooltip(self, row: int, column: int):
        if column == 0:
            return self.tr("Ticked: apply this change (Space toggles)")
        action = self.actions[row]
        if action.sells_to_top_bidder:
            return self.tr("Allegro cannot cancel bids: ending this auction sells it to the top bidder, creating an order.")
        return plain_tooltip(self._text(action, column))

    def _foreground(self, row: int, column: int):
        # an auction ending with bids: its title and its note in red, the note in bold
        return QBrush(ALERT) if self.actions[row].sells_to_top_bidder and column in (2, 5) else None

    def _font(self, row: int, column: int):
        if not (self.actions[row].sells_to_top_bidder and column == 5):
            return None
        font = QFont()
        font.setBold(True)
        return font

    def _accessible(self, row: int, column: int):
        if column != 0:
            return None
        return (self.tr("ticked: ") if self.checked[row] else self.tr("not ticked: ")) + self.actions[row].title

    _ANSWERS = {
        Qt.ItemDataRole.CheckStateRole: _check_state,
        Qt.ItemDataRole.DisplayRole: _display,
        Qt.ItemDataRole.ToolTipRole: _tooltip,
        Qt.ItemDataRole.ForegroundRole: _foreground,
        Qt.ItemDataRole.FontRole: _font,
        Qt.ItemDataRole.AccessibleTextRole: _accessible,
    }

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
        self.checked[index.row()] = state == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True


class ActionsView(QTableView):
    """Space ticks or unticks the selected rows, wherever the cursor is in the row.
    Enter does nothing here: it must never reach the dialog's Apply button by accident."""

    WRAPPED_WIDTH = 190  # what the dialog asks for each wrapping column (listing, stock item, reason, note)

    def viewportSizeHint(self) -> QSize:
        """Room for the short columns whole and the wrapping ones at a readable width."""
        header = self.horizontalHeader()
        want = sum(
            self.WRAPPED_WIDTH if header.sectionResizeMode(i) == QHeaderView.ResizeMode.Stretch
            else max(header.sectionSizeHint(i), self.sizeHintForColumn(i))
            for i in range(header.count())
        )
        hint = super().viewportSizeHint()
        return QSize(max(hint.width(), want), hint.height())

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select) and not event.modifiers():
            rows = sorted({i.row() for i in self.selectionModel().selectedRows()}) or (
                [self.currentIndex().row()] if self.currentIndex().isValid() else []
            )
            model: ActionsModel = self.model()
            if rows:
                target = not all(model.checked[r] for r in rows)
                for r in rows:
                    if model.checked[r] != target:
                        model.toggle(r)
            return
        super().keyPressEvent(event)


class ActionsSection(QWidget):
    """A heading with counts, Select all / none, and the list."""

    def __init__(self, title: str, actions: Sequence[ProposedAction], relists: bool, key: str, parent=None) -> None:
        super().__init__(parent)
        self.title = title
        self.model = ActionsModel(actions, relists, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName(f"{key}_heading")
        head.addWidget(self.heading, 1)
        # distinct mnemonics per list, and none clashing with Alt+A for Apply selected
        self.all_button = QPushButton(self.tr("Select a&ll") if key == "end" else self.tr("S&elect all"))
        self.none_button = QPushButton(self.tr("Select &none") if key == "end" else self.tr("Select n&one"))
        self.all_button.setObjectName(f"{key}_all")
        self.none_button.setObjectName(f"{key}_none")
        for button in (self.all_button, self.none_button):
            button.setAutoDefault(False)
            head.addWidget(button)
        self.all_button.clicked.connect(lambda: self.model.set_all(True))
        self.none_button.clicked.connect(lambda: self.model.set_all(False))
        layout.addLayout(head)
        self.view = ActionsView()
        self.view.setObjectName(f"{key}_list")
        self.view.setModel(self.model)
        self.view.setAccessibleName(title)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)  # long Polish titles and reasons are read whole
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        # the listing, stock item, reason (and an end's note) share the width and wrap; the short columns keep
        # their content's width, so a 1024 px screen shows every column without scrolling
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(28)
        self.view.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContentsOnFirstShow)
        for column in range(self.model.columnCount()):
            wraps = (2, 3, 4) if relists else (2, 3, 4, 5)  # an end's note wraps too
            mode = QHeaderView.ResizeMode.Stretch if column in wraps else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if actions:
            self.view.setCurrentIndex(self.model.index(0, 0))
        layout.addWidget(self.view)
        self.model.checked_changed.connect(self._update)
        self._update()
        self.setVisible(bool(actions))

    def _update(self) -> None:
        self.heading.setText(
            f"<b>{escape(self.title)}</b> — "
            + self.tr("%1 of %n ticked", "", len(self.model.actions)).replace("%1", str(self.model.count_checked()))
        )


class ConfirmDialog(QDialog):
    """Build it with a plan, tick, press Apply; `approved_ids()` is the answer.

    The dialog's result: Accepted (apply the ticked ones), SEND_REST (none of these, the
    rest of the sync goes), Rejected (cancel the whole sync)."""

    SEND_REST = 2

    def __init__(self, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setObjectName("confirm_dialog")
        self.setWindowTitle(self.tr("Confirm changes on Allegro — %1").replace("%1", plan.channel_name))
        resize_within_screen(self, 1180, 600)
        ends = [a for a in plan.ends if not a.approved]
        relists = [a for a in plan.relists if not a.approved]
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The sync of <b>%1</b> would end %2 and relist %3. <b>Apply the ticked ones</b> sends "
                "the ticked ones with the rest of the sync. <b>Send the rest without these</b> sends quantities "
                "and tracking numbers but none of these listings. <b>Cancel the whole sync</b> sends nothing at "
                "all. What is not sent is proposed again at the next sync."
            )
            .replace("%2", self.tr("%n listing(s)", "", len(ends)))
            .replace("%3", self.tr("%n listing(s)", "", len(relists)))
            .replace("%1", escape(plan.channel_name))
        )
        intro.setWordWrap(True)
        intro.setObjectName("confirm_intro")
        layout.addWidget(intro)
        with_bids = sum(1 for a in ends if a.sells_to_top_bidder)
        self.bids_warning = QLabel(
            self.tr(
                "%n auction(s) have bids. Allegro cannot cancel bids: ending such an auction sells it to the "
                "top bidder and creates an order. They start unticked.", "", with_bids
            )
        )
        self.bids_warning.setObjectName("bids_warning")
        self.bids_warning.setWordWrap(True)
        self.bids_warning.setStyleSheet(f"color: {ALERT.name()}; font-weight: bold")
        self.bids_warning.setVisible(with_bids > 0)
        layout.addWidget(self.bids_warning)
        self.ends = ActionsSection(self.tr("Listings to end"), ends, False, "end", self)
        self.relists = ActionsSection(self.tr("Listings to relist"), relists, True, "relist", self)
        layout.addWidget(self.ends, 1)
        layout.addWidget(self.relists, 1)
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(self.tr("&Apply the ticked ones"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("apply_selected")
        self.apply_button.setToolTip(self.tr("End and relist the ticked listings, and send the rest of the sync"))
        self.rest_button = self.buttons.addButton(self.tr("Send the &rest without these"), QDialogButtonBox.ButtonRole.ActionRole)
        self.rest_button.setObjectName("send_rest")
        self.rest_button.setToolTip(
            self.tr("Send quantities and tracking numbers; end and relist none of these listings (they are proposed again next time)")
        )
        self.cancel_button = self.buttons.addButton(self.tr("&Cancel the whole sync"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setToolTip(self.tr("Send nothing at all to Allegro in this sync (Esc)"))
        for button in (self.apply_button, self.rest_button, self.cancel_button):
            button.setAutoDefault(False)  # Enter in a list must not send anything
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.rest_button.clicked.connect(lambda: self.done(self.SEND_REST))
        layout.addWidget(self.buttons)
        self.ends.model.checked_changed.connect(self._update)
        self.relists.model.checked_changed.connect(self._update)
        self._update()
        first = self.ends if ends else self.relists
        first.view.setFocus()

    def _update(self) -> None:
        n = self.ends.model.count_checked() + self.relists.model.count_checked()
        self.apply_button.setText(self.tr("&Apply the ticked ones (%1)").replace("%1", str(n)))

    def approved_ids(self) -> list[int]:
        return self.ends.model.checked_ids() + self.relists.model.checked_ids()

    @classmethod
    def ask(cls, plan: Plan, parent: QWidget | None = None) -> list[int] | None:
        """The ticked action ids; [] for Send the rest without these; None for Cancel the
        whole sync. Tests replace this method."""
        dialog = cls(plan, parent)
        answer = dialog.exec()
        if answer == cls.SEND_REST:
            return []
        if answer != QDialog.DialogCode.Accepted:
            return None
        return dialog.approved_ids()


class BrakeQuestion(QMessageBox):
    """The mass-end (or quantity) brake's question, asked before the confirmation dialog,
    also with No Manual Confirmation on. The safe answer, Cancel the whole sync, is the default."""

    GO, WITHOUT, CANCEL = "go", "without", "cancel"

    def __init__(self, channel_name: str, hold, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("brake_question")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("The mass-end brake stopped the sync — %1").replace("%1", channel_name))
        self.setText(hold.message)
        if hold.kind == "end":
            self.setInformativeText(
                self.tr(
                    "Check the stock first. <b>Review the ends</b> shows every listing to end, to tick and apply; "
                    "<b>Send the rest without ending them</b> sends quantities and tracking numbers only; "
                    "<b>Cancel the whole sync</b> sends nothing. The channel's brake is set in its options."
                )
            )
            go = self.tr("&Review the %n end(s)…", "", hold.count)
            without = self.tr("Send the rest &without ending them")
        else:
            self.setInformativeText(
                self.tr(
                    "Check the stock first. <b>Send these quantities</b> lowers them on Allegro now; "
                    "<b>Send the rest without them</b> sends everything else; <b>Cancel the whole sync</b> sends "
                    "nothing. The channel's brake is set in its options."
                )
            )
            go = self.tr("&Send these %n quantity change(s)", "", hold.count)
            without = self.tr("Send the &rest without them")
        self.go_button = self.addButton(go, QMessageBox.ButtonRole.AcceptRole)
        self.go_button.setObjectName("brake_go")
        self.without_button = self.addButton(without, QMessageBox.ButtonRole.ActionRole)
        self.without_button.setObjectName("brake_without")
        self.cancel_button = self.addButton(self.tr("&Cancel the whole sync"), QMessageBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("brake_cancel")
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    def answer(self) -> str:
        clicked = self.clickedButton()
        if clicked is self.go_button:
            return self.GO
        if clicked is self.without_button:
            return self.WITHOUT
        return self.CANCEL

    @classmethod
    def ask(cls, channel_name: str, hold, parent: QWidget | None = None) -> str:
        """GO, WITHOUT or CANCEL. Tests replace this method."""
        box = cls(channel_name, hold, parent)
        box.exec()
        return box.answer()
