"""A small bar chart: orders imported and listings ended and relisted, per day."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from core.sync_history import DayTotals
from ui.counts import COUNTED

SERIES = (
    (QT_TRANSLATE_NOOP("DailyChart", "Orders imported"), QColor("#1f6fb2")),
    (QT_TRANSLATE_NOOP("DailyChart", "Listings ended"), QColor("#c0392b")),
    (QT_TRANSLATE_NOOP("DailyChart", "Listings relisted"), QColor("#2e8b57")),
)


class DailyChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("daily_chart")
        self.days: list[DayTotals] = []
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(520, 190)

    def set_days(self, days: list[DayTotals]) -> None:
        self.days = list(days)
        self.setAccessibleDescription(self.summary())
        self.update()

    def summary(self) -> str:
        orders = sum(d.orders for d in self.days)
        ended = sum(d.ended for d in self.days)
        relisted = sum(d.relisted for d in self.days)
        return self.tr("Last %n day(s): %1", "", len(self.days)).replace("%1", self.counts_text(orders, ended, relisted))

    @staticmethod
    def counts_text(orders: int, ended: int, relisted: int) -> str:
        """"5 orders imported, 1 listing ended, 0 listings relisted", each in its plural form."""
        return ", ".join(
            COUNTED.run_count(key, n)
            for key, n in (("orders_imported", orders), ("listings_ended", ended), ("listings_relisted", relisted))
        )

    def _values(self, day: DayTotals) -> tuple[int, int, int]:
        return day.orders, day.ended, day.relisted

    def legend(self) -> list[tuple[str, QColor, QRectF]]:
        """Each series' name, colour and the rect its swatch and name take: as many to a line
        as fit the width, the rest on the next lines (the Polish names are long)."""
        fm = QFontMetrics(self.font())
        left = fm.horizontalAdvance("0000") + 8
        x, y, line = left, 4.0, fm.height() + 4
        entries = []
        for name, color in SERIES:
            name = self.tr(name)
            width = 14 + fm.horizontalAdvance(name)
            if x > left and x + width > self.width() - 4:
                x, y = left, y + line
            if x == left and x + width > self.width() - 4:
                x = 4  # a narrow chart: start at the edge rather than cut the name
            entries.append((name, color, QRectF(x, y, width, fm.height())))
            x += width + 16
        return entries

    def clipped_texts(self) -> list[str]:
        """Legend names that do not fit the chart (for the layout tests)."""
        return [
            f"legend {name!r} reaches {rect.right():.0f} px of {self.width()}"
            for name, _color, rect in self.legend()
            if rect.right() > self.width()
        ]

    def _layout(self):
        fm = QFontMetrics(self.font())
        left = fm.horizontalAdvance("0000") + 8
        top = max((rect.bottom() for _n, _c, rect in self.legend()), default=0) + 6
        bottom = fm.height() + 6
        plot = QRectF(left, top, max(self.width() - left - 8, 10), max(self.height() - top - bottom, 10))
        return fm, plot

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm, plot = self._layout()
        palette = self.palette()
        text_color = palette.color(palette.ColorRole.WindowText)
        # legend
        for name, color, rect in self.legend():
            painter.fillRect(QRectF(rect.left(), rect.top() + (rect.height() - 10) / 2, 10, 10), color)
            painter.setPen(text_color)
            painter.drawText(int(rect.left() + 14), int(rect.top() + fm.ascent()), name)
        top_value = max([max(self._values(d)) for d in self.days] + [1])
        # axis
        painter.setPen(QPen(palette.color(palette.ColorRole.Mid), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.setPen(text_color)
        painter.drawText(QRectF(0, plot.top() - fm.height() / 2, plot.left() - 4, fm.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(top_value))
        painter.drawText(QRectF(0, plot.bottom() - fm.height(), plot.left() - 4, fm.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, "0")
        if not self.days:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No syncs yet"))
            return
        group = plot.width() / len(self.days)
        bar = max(group * 0.8 / len(SERIES), 1.0)
        label_every = max(1, int((fm.horizontalAdvance("00.00") + 6) // max(group, 1)) + 1)
        last = len(self.days) - 1
        for i, day in enumerate(self.days):
            gx = plot.left() + i * group + group * 0.1
            for k, (value, (_name, color)) in enumerate(zip(self._values(day), SERIES)):
                h = plot.height() * value / top_value
                painter.fillRect(QRectF(gx + k * bar, plot.bottom() - h, bar - 1, h), color)
            # every few days a date, always the last one, never two on top of each other
            labelled = (i % label_every == 0 and last - i >= label_every) or i == last
            if labelled:
                painter.setPen(text_color)
                painter.drawText(QRectF(plot.left() + i * group - 10, plot.bottom() + 2, group + 20, fm.height()),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, day.day.strftime("%d.%m"))
        painter.end()

    def day_at(self, x: float) -> DayTotals | None:
        _fm, plot = self._layout()
        if not self.days or not plot.left() <= x <= plot.right():
            return None
        index = int((x - plot.left()) / (plot.width() / len(self.days)))
        return self.days[min(index, len(self.days) - 1)]

    def mouseMoveEvent(self, event) -> None:
        day = self.day_at(event.position().x())
        if day is not None:
            QToolTip.showText(
                event.globalPosition().toPoint(),
                f"{day.day:%d.%m.%Y}: " + self.counts_text(day.orders, day.ended, day.relisted),
                self,
            )
        super().mouseMoveEvent(event)
