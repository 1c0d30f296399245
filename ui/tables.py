"""Big, fast tables: a model over rows loaded off the GUI thread, filtered and sorted in memory.

A QSortFilterProxyModel asks Python once per row on every keystroke, which is too slow
at 100,000 rows. Here the rows are plain tuples (the first item is the row's id, not
shown), each with a prepared lower-case search string, so a filter is one list
comprehension and a sort one `sorted` call.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from itertools import compress
from typing import Any

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QEvent, QEventLoop, QModelIndex, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from ui.workers import Worker
from ui.text import plain_tooltip

ALERT = QColor("#b3261e")  # dark red: readable on white and on the selection colour
MUTED = QColor("#6b6b6b")


@dataclass(frozen=True)
class Column:
    title: str
    numeric: bool = False
    tooltip: str = ""
    width: int = 0  # the most its content may widen it to, in pixels (its title always fits); 0 = no limit
    stretch: bool = False  # takes the room left over (one column per table), never less than TITLE_MIN_CHARS


def local_time(moment: datetime) -> str:
    """A stored time (naive UTC) as the seller's clock shows it."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return local_time(value)
    if isinstance(value, Decimal):
        return f"{value:,.2f}".replace(",", " ")
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def search_text(row: Sequence[Any], columns: int | None = None) -> str:
    """What a filter matches: the shown values (the first `columns`), lower-cased."""
    shown = row[1:] if columns is None else row[1 : 1 + columns]
    return "\x1f".join(display(v) for v in shown).casefold()


def prepare(rows: list[tuple], columns: int | None = None) -> tuple[list[tuple], list[str]]:
    """Rows and their search strings; call it in the loading job, off the GUI thread.
    Values after the first `columns` are hidden data the filter does not match."""
    return rows, [search_text(r, columns) for r in rows]


# Polish letters sort right after their base letter (Ł after L, not after Z), the way a
# seller expects; a translate table is far cheaper than a collator at 100,000 rows.
_POLISH_ORDER = str.maketrans({c: b + "\x7f" for c, b in zip("ąćęłńóśźż", "acelnoszz")})
_LAST_TEXT = "\U0010ffff"  # empty cells sort after every text


def sort_keys(rows: Sequence[tuple], column: int) -> list:
    """One sort key per row for a shown column (0-based), empty values last."""
    c = column + 1
    sample = next((r[c] for r in rows if r[c] is not None and r[c] != ""), None)
    if isinstance(sample, str):
        # Allegro's ids are text: numbers among them sort as numbers (zero-padded), not as words
        return [
            (v.zfill(24) if v.isdigit() else v.casefold().translate(_POLISH_ORDER)) if isinstance(v, str) and v else _LAST_TEXT
            for v in (r[c] for r in rows)
        ]
    if isinstance(sample, datetime):
        return [v if v is not None else datetime.max for v in (r[c] for r in rows)]
    return [v if v is not None else float("inf") for v in (r[c] for r in rows)]


def sorted_order(rows: Sequence[tuple], sort: tuple[int, Qt.SortOrder] | None) -> list[int]:
    """Row indices in the given sort order (or as loaded)."""
    order = list(range(len(rows)))
    if sort is not None and rows:
        keys = sort_keys(rows, sort[0])
        order.sort(key=keys.__getitem__, reverse=sort[1] == Qt.SortOrder.DescendingOrder)
    return order


_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_USER = Qt.ItemDataRole.UserRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_FILTER_CACHE = 24  # recent filters kept, so typing on and backspacing stay cheap
ASYNC_SORT_ROWS = 20_000  # from this size a header click sorts on a worker thread


class RowTableModel(QAbstractTableModel):
    """Rows of tuples; column i shows row[i + 1]. Filter with `set_filter`, sort by header.

    Filtering walks the search strings in sort order with itertools.compress (C speed),
    and narrows the last result when the new filter only adds to the old one.
    """

    filtered = Signal()
    sorting = Signal(bool)  # a long sort started (True) or ended (False)

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sort_job: tuple[list[tuple], tuple[int, Qt.SortOrder]] | None = None  # the latest sort asked for
        self.columns = list(columns)
        self._rows: list[tuple] = []
        self._search: list[str] = []
        self._order: list[int] = []  # every row index, in sort order
        self._visible: list[int] = []  # the rows shown, in sort order
        self._words: tuple[str, ...] = ()
        self._keep: Callable[[tuple], bool] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._row_of_id: dict[Any, int] | None = None
        self._base: tuple[list[int], list[str]] = ([], [])  # kept rows and their texts, in order
        self._cache: dict[tuple[str, ...], tuple[list[int], list[str]]] = {}
        self._brushes: dict[str, QBrush] = {}

    # --- data in -------------------------------------------------------------
    def set_rows(self, rows: list[tuple], search: list[str] | None = None, order: list[int] | None = None) -> None:
        """Replace the rows. `search` and `order` may be prepared off the GUI thread."""
        self.beginResetModel()
        self._rows = rows
        self._search = search if search is not None else [search_text(r, len(self.columns)) for r in rows]
        self._order = order if order is not None and len(order) == len(rows) else sorted_order(rows, self._sort)
        self._rebase()
        self.endResetModel()
        self.filtered.emit()

    def sort_state(self) -> tuple[int, Qt.SortOrder] | None:
        return self._sort

    def set_filter(self, text: str) -> None:
        words = tuple(text.casefold().split())
        if words == self._words:
            return
        self.beginResetModel()
        self._words = words
        self._apply_filter()
        self.endResetModel()
        self.filtered.emit()

    def set_row_filter(self, keep: Callable[[tuple], bool] | None) -> None:
        """An extra condition on whole rows (a status or channel picked from a list)."""
        self.beginResetModel()
        self._keep = keep
        self._rebase()
        self.endResetModel()
        self.filtered.emit()

    def _rebase(self) -> None:
        """The rows the text filter works on changed (new rows, sort or row filter)."""
        rows, s, keep = self._rows, self._search, self._keep
        order = self._order if keep is None else [i for i in self._order if keep(rows[i])]
        self._base = (order, [s[i] for i in order])
        self._cache = {(): self._base}
        self._apply_filter()

    def _apply_filter(self) -> None:
        words = self._words
        found = self._cache.get(words)
        if found is None:
            # start from the smallest cached result this filter narrows: a row holding
            # each new word holds each old word that is part of it
            idx, texts = self._base
            for key, (k_idx, k_texts) in self._cache.items():
                if key and len(key) <= len(words) and len(k_idx) < len(idx) and all(k in w for k, w in zip(key, words)):
                    idx, texts = k_idx, k_texts
            for word in words:
                picked = [word in t for t in texts]
                idx = list(compress(idx, picked))
                texts = list(compress(texts, picked))
            found = (idx, texts)
            if len(self._cache) >= _FILTER_CACHE:
                self._cache.pop(next(k for k in self._cache if k))  # the oldest, never the base
            self._cache[words] = found
        self._visible = found[0]
        self._row_of_id = None

    # --- reading -------------------------------------------------------------
    def row_data(self, row: int) -> tuple:
        return self._rows[self._visible[row]]

    def row_id(self, row: int) -> Any:
        return self.row_data(row)[0]

    def row_of(self, row_id: Any) -> int:
        """The shown row holding this id, or -1."""
        if self._row_of_id is None:
            rows = self._rows
            self._row_of_id = {rows[i][0]: n for n, i in enumerate(self._visible)}
        return self._row_of_id.get(row_id, -1)

    def total(self) -> int:
        return len(self._rows)

    def all_rows(self) -> list[tuple]:
        return self._rows

    # --- Qt model ------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == _DISPLAY:
            return column.title
        if role == _TOOLTIP and column.tooltip:
            return column.tooltip
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        # called for every visible cell and role on each repaint: keep it lean
        if role == _DISPLAY:
            r = index.row()
            if r >= len(self._visible):
                return None
            return display(self._rows[self._visible[r]][index.column() + 1])
        if role == _ALIGN:
            return _RIGHT if self.columns[index.column()].numeric else _LEFT
        if role not in (_FOREGROUND, _TOOLTIP, _USER) or not index.isValid() or index.row() >= len(self._visible):
            return None
        row = self._rows[self._visible[index.row()]]
        if role == _FOREGROUND:
            color = self.foreground(row, index.column())
            if color is None:
                return None
            brush = self._brushes.get(color.name())
            if brush is None:
                brush = self._brushes[color.name()] = QBrush(color)
            return brush
        if role == _TOOLTIP:
            return plain_tooltip(self.tooltip(row, index.column()))
        return row[index.column() + 1]

    def foreground(self, row: tuple, column: int) -> QColor | None:
        """Override to colour a cell (problems in red)."""
        return None

    def tooltip(self, row: tuple, column: int) -> str | None:
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort = (column, order)
        if len(self._rows) < ASYNC_SORT_ROWS:
            self._use_order(sorted_order(self._rows, self._sort))
            return
        # 100,000 titles take a second or two to sort: never on the GUI thread
        rows, sort = self._rows, self._sort
        self._sort_job = (rows, sort)
        worker = Worker(lambda report, cancelled: (rows, sort, sorted_order(rows, sort)))
        worker.succeeded.connect(self._sorted)
        self._sort_worker = worker
        self.sorting.emit(True)
        worker.start()

    def _sorted(self, result) -> None:
        rows, sort, order = result
        if self._sort_job == (rows, sort):
            self._sort_job = None
            self.sorting.emit(False)
        # rows reloaded or another header clicked meanwhile: this order is stale
        if rows is self._rows and sort == self._sort:
            self._use_order(order)

    def _use_order(self, order: list[int]) -> None:
        self.beginResetModel()
        self._order = order
        self._rebase()
        self.endResetModel()
        self.filtered.emit()


class TableLoader(QObject):
    """Loads a model's rows with a job on a worker thread; a refresh during a load runs after it."""

    loaded = Signal(int)  # rows loaded, and no newer refresh pending
    failed = Signal(str)

    def __init__(self, model: RowTableModel, job: Callable[..., tuple[list[tuple], list[str]]], parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.job = job
        self.worker: Worker | None = None
        self._again = False

    @property
    def loading(self) -> bool:
        return self.worker is not None and self.worker.running

    def refresh(self) -> None:
        if self.loading:
            self._again = True
            return
        self._again = False
        self.worker = Worker(lambda report, cancelled: self._load())
        self.worker.succeeded.connect(self._done)
        self.worker.failed.connect(lambda message, _e: self.failed.emit(message))
        self.worker.finished.connect(self._next)
        self.worker.start()

    def _load(self):
        rows, search = self.job()
        # sorting 100,000 rows is work for this thread too, not the GUI's
        return rows, search, sorted_order(rows, self.model.sort_state())

    def _done(self, result) -> None:
        rows, search, order = result
        self.model.set_rows(rows, search, order)
        if not self._again:  # a refresh asked for meanwhile reloads first: only its rows are "loaded"
            self.loaded.emit(len(rows))

    def _next(self) -> None:
        if self._again:
            self.refresh()

    def shutdown(self) -> None:
        self._again = False
        if self.worker is not None:
            finish(self.worker)


def finish(worker: Worker, timeout_ms: int = 30_000) -> None:
    """Let a running worker end, its last signals delivered (screen shutdown).

    Worker.wait() alone would block the GUI thread that must deliver the job's
    result before the thread can quit, so this spins a local event loop instead.
    """
    if not worker.running:
        return
    worker.cancel()
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    if worker.running:
        loop.exec()


def make_table(
    name: str,
    model: RowTableModel,
    parent: QWidget | None = None,
    sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder),
) -> QTableView:
    """A read-only, sortable table view tuned for many rows."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.sortByColumn(*sort)  # else Qt starts with column 0 descending
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table, as keyboard users expect
    vertical = view.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionsMovable(True)
    header.setHighlightSections(False)
    # content widths come from the rows on screen, not a thousand more asked of Python one cell at a time
    header.setResizeContentsPrecision(0)
    view.column_fit = ColumnFit(view)
    return view


TITLE_MIN_CHARS = 36  # the stretching (title) column keeps room for this many average characters


def sort_arrow_room(header: QHeaderView) -> int:
    """What the sort arrow takes from the sorted section's text (QCommonStyle's SE_HeaderLabel:
    half the header's height and two margins), or the style's arrow size if that is more."""
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    height = max(header.height(), header.sizeHint().height())
    return max(height // 2 + 2 * margin, style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + margin)


def header_width(header: QHeaderView, text: str, sorted_by: bool = True) -> int:
    """The width a header section needs to show `text` whole; the sorted section keeps room
    for its arrow too (the others show their text in the arrow's place)."""
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    lines = str(text).split("\n")
    arrow = sort_arrow_room(header) if sorted_by else 0
    return max(header.fontMetrics().horizontalAdvance(line) for line in lines) + 2 * margin + arrow + 2


class ColumnFit(QObject):
    """Columns as wide as their header and content; the stretching column takes what is left.

    Each column is at least as wide as its header text (never "Zakończ…"), the sorted one with
    room for its arrow too (it widens when the seller sorts by it); when the first rows arrive, it widens to the rows on screen, up to its `Column.width` (unless the
    seller's own widths were restored). The stretching column (the title) fills the rest,
    and keeps room for TITLE_MIN_CHARS: below that the table scrolls sideways instead.
    """

    def __init__(
        self, view: QTableView, columns: Sequence[Column] | None = None, title_chars: int = TITLE_MIN_CHARS
    ) -> None:
        """`columns` for a view whose model is not a RowTableModel (a QTableWidget): its
        titles, caps and stretching column; call fit_contents() after filling it.
        `title_chars`: the room the stretching column keeps (a small side table keeps less)."""
        super().__init__(view)
        self.title_chars = title_chars
        self.view = view
        self.columns = list(columns if columns is not None else view.model().columns)
        self.header = view.horizontalHeader()
        self.restored = False  # the seller's widths came back from the last session
        self._fitted = False
        self._busy = False
        self.stretch = next((i for i, c in enumerate(self.columns) if c.stretch), None)
        self.header.setStretchLastSection(self.stretch is None)
        self.fit_headers()
        view.model().modelReset.connect(self._rows_changed)
        self.header.sectionResized.connect(self._section_resized)
        self._sorted_by = self._sort_section()
        self.header.sortIndicatorChanged.connect(self._sort_moved)
        view.viewport().installEventFilter(self)

    def title_min(self) -> int:
        return self.view.fontMetrics().averageCharWidth() * self.title_chars

    def _sort_section(self) -> int:
        return self.header.sortIndicatorSection() if self.header.isSortIndicatorShown() else -1

    def header_need(self, i: int) -> int:
        return header_width(self.header, self.columns[i].title, sorted_by=i == self._sort_section())

    def fit_headers(self) -> None:
        """No column narrower than its header text."""
        for i, column in enumerate(self.columns):
            need = self.header_need(i)
            if i != self.stretch and self.header.sectionSize(i) < need:
                self.view.setColumnWidth(i, need)
        self.fill()

    def _fit_column(self, i: int) -> None:
        column = self.columns[i]
        content = self.view.sizeHintForColumn(i)
        if column.width:
            content = min(content, column.width)
        self.view.setColumnWidth(i, max(self.header_need(i), content))

    def fit_contents(self) -> None:
        """Each column as wide as its header and the rows on screen (up to its Column.width)."""
        for i, column in enumerate(self.columns):
            if i == self.stretch or self.view.isColumnHidden(i):
                continue
            self._fit_column(i)
        self.fill()

    def _sort_moved(self, logical: int, _order) -> None:
        """The newly sorted column makes room for its arrow; the one sorted before gives it back."""
        if not shiboken6.isValid(self.view):
            return
        before, self._sorted_by = self._sorted_by, logical
        if before == logical:
            return
        if not self.restored and self._fitted and 0 <= before < len(self.columns) and before != self.stretch:
            self._fit_column(before)
        self.fit_headers()

    def _fit_if_alive(self) -> None:
        if shiboken6.isValid(self.view) and shiboken6.isValid(self.header) and self.view.model() is not None:
            self.fit_contents()

    def fill(self) -> None:
        """The stretching column takes the room the others leave (at least title_min)."""
        if self.stretch is None or self._busy:
            return
        others = sum(
            self.header.sectionSize(i) for i in range(self.header.count())
            if i != self.stretch and not self.header.isSectionHidden(i)
        )
        width = max(self.title_min(), self.view.viewport().width() - others)
        if self.header.sectionSize(self.stretch) != width:
            self._busy = True
            try:
                self.view.setColumnWidth(self.stretch, width)
            finally:
                self._busy = False

    def _rows_changed(self) -> None:
        if not shiboken6.isValid(self.view):
            return  # a QTableWidget's model resets while the view is deleted
        if not self._fitted and self.view.model().rowCount() > 0:
            self._fitted = True
            if not self.restored:
                # after the view has laid the rows out, so it measures the ones on screen
                # the view as the timer's context: a view deleted meanwhile cancels the call
                QTimer.singleShot(0, self.view, self._fit_if_alive)
                return
        self.fill()

    def _section_resized(self, logical: int, _old: int, _new: int) -> None:
        if logical != self.stretch and shiboken6.isValid(self.view):
            self.fill()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and shiboken6.isValid(self.view):
            self.fill()
        return False


def hide_channel_column(view: QTableView, column: int) -> None:
    """With one channel (the usual shop) its name in every row is noise."""
    from core.choices import channel_count

    view.setColumnHidden(column, channel_count() <= 1)


def save_header(view: QTableView, key: str) -> None:
    QSettings().setValue(f"tables/{key}", view.horizontalHeader().saveState())


def restore_header(view: QTableView, key: str) -> None:
    state = QSettings().value(f"tables/{key}")
    if state is not None and view.horizontalHeader().restoreState(state):
        fit = getattr(view, "column_fit", None)
        if fit is not None:
            fit.restored = True
            # a state saved by an older version may hold Qt's own Stretch mode: the fit sizes the title now
            header = view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setStretchLastSection(fit.stretch is None)
            fit.fit_headers()  # a header translated since (or longer in the other language) still fits
