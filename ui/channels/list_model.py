"""The channel list as a table model: SubSource, Environment, Enabled, Inventory Sync,
last sync and its outcome. Enabled and Inventory Sync are ticked in place."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from core import channels
from core.channel_rows import channel_list

OUTCOMES = {
    "ok": QT_TRANSLATE_NOOP("ChannelListModel", "OK"),
    "failed": QT_TRANSLATE_NOOP("ChannelListModel", "Failed"),
    "partial": QT_TRANSLATE_NOOP("ChannelListModel", "Partly done"),
    "cancelled": QT_TRANSLATE_NOOP("ChannelListModel", "Cancelled"),
    "running": QT_TRANSLATE_NOOP("ChannelListModel", "Running"),
}

COLUMNS = (
    QT_TRANSLATE_NOOP("ChannelListModel", "SubSource"),
    QT_TRANSLATE_NOOP("ChannelListModel", "Environment"),
    QT_TRANSLATE_NOOP("ChannelListModel", "Enabled"),
    QT_TRANSLATE_NOOP("ChannelListModel", "Inventory Sync"),
    QT_TRANSLATE_NOOP("ChannelListModel", "Last sync"),
    QT_TRANSLATE_NOOP("ChannelListModel", "Outcome"),
)
SUB_SOURCE, ENVIRONMENT, ENABLED, INVENTORY_SYNC, LAST_SYNC, OUTCOME = range(len(COLUMNS))
TOGGLES = {ENABLED: "enabled", INVENTORY_SYNC: "inventory_sync"}

Index = QModelIndex | QPersistentModelIndex


@dataclass
class _Row:
    id: int
    sub_source: str
    environment: str
    enabled: bool
    inventory_sync: bool
    last_sync_at: datetime | None
    last_sync_outcome: str
    api: str = "webapi"


def environment_label(environment: str, api: str = "webapi") -> str:
    """Where the channel's Allegro lives; a REST channel's is marked so beside WebAPI ones."""
    if api == "rest":
        short = {"sandbox": "Sandbox", "production": "allegro.pl", "allegrosandbox": "allegrosandbox.pl"}
        place = short.get(environment, environment)
        if environment == "sandbox":
            place = QCoreApplication.translate("ChannelListModel", "Sandbox")
        return QCoreApplication.translate("ChannelListModel", "%1 (REST)").replace("%1", place)
    if environment == channels.SANDBOX:
        return QCoreApplication.translate("ChannelListModel", "Sandbox")
    if environment == channels.PRODUCTION:
        return QCoreApplication.translate("ChannelListModel", "Production")
    return environment


def environment_tip(api: str) -> str:
    if api == "rest":
        return QCoreApplication.translate("ChannelListModel", "Allegro.pl REST API, connected by Allegro's approval page.")
    return QCoreApplication.translate("ChannelListModel", "Allegro.pl WebAPI (legacy): login, password and WebAPI key.")


def local_time(moment: datetime | None) -> str:
    """A stored (naive UTC) time as the seller's local time."""
    if moment is None:
        return QCoreApplication.translate("ChannelListModel", "Never")
    return moment.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


class ChannelListModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = [
            _Row(r.id, r.sub_source, r.environment, r.enabled, r.inventory_sync, r.last_sync_at, r.last_sync_outcome,
                 r.api)
            for r in channel_list()
        ]
        self.endResetModel()

    def channel_id(self, row: int) -> int:
        return self._rows[row].id

    def row_of(self, channel_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == channel_id:
                return number
        return None

    # --- Qt model -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return self.tr(COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in TOGGLES:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        answer = self._ROLES.get(role)
        return answer(self, self._rows[index.row()], index.column()) if answer else None

    def _display(self, row: _Row, column: int):
        if column == SUB_SOURCE:
            return row.sub_source
        if column == ENVIRONMENT:
            return environment_label(row.environment, row.api)
        if column == LAST_SYNC:
            return local_time(row.last_sync_at)
        if column == OUTCOME:
            outcome = row.last_sync_outcome
            return self.tr(OUTCOMES[outcome]) if outcome in OUTCOMES else (outcome or "—")
        return None

    def _check_state(self, row: _Row, column: int):
        if column not in TOGGLES:
            return None
        return Qt.CheckState.Checked if getattr(row, TOGGLES[column]) else Qt.CheckState.Unchecked

    def _foreground(self, row: _Row, column: int):
        if column == OUTCOME and row.last_sync_outcome in ("failed", "partial"):
            return QColor("#b3261e")
        return None

    def _accessible(self, row: _Row, column: int):
        if column not in TOGGLES:
            return None
        state = self.tr("on") if getattr(row, TOGGLES[column]) else self.tr("off")
        return f"{self.tr(COLUMNS[column])}: {state}"

    def _tooltip(self, row: _Row, column: int):
        if column == SUB_SOURCE:
            return self.tr("Double-click to open the channel's configuration.")
        if column == ENVIRONMENT:
            return environment_tip(row.api)
        if column in TOGGLES:
            return self.tr("Tick or untick to turn %1 on or off for this channel.").replace("%1", self.tr(COLUMNS[column]))
        return None

    _ROLES = {
        Qt.ItemDataRole.DisplayRole: _display,
        Qt.ItemDataRole.CheckStateRole: _check_state,
        Qt.ItemDataRole.ForegroundRole: _foreground,
        Qt.ItemDataRole.AccessibleTextRole: _accessible,
        Qt.ItemDataRole.ToolTipRole: _tooltip,
    }

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or index.column() not in TOGGLES:
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        row = self._rows[index.row()]
        option = TOGGLES[index.column()]
        channels.set_toggle(row.id, option, on)
        setattr(row, option, on)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DisplayRole])
        return True
