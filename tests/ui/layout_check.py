"""Finds text a seller cannot read whole: labels, buttons, boxes and column headers that are
cut or elided at the size a window has now, measured with each widget's own font metrics.

    problems = clipped_texts(window)   # ["QLabel 'status': 'Ostatnia synchroniz…' needs 212 px, has 180", ...]

Only what is on screen counts (hidden widgets, tabs not shown and scrolled-away rows are
skipped); a widget inside a scroll area is measured against its own width, since the seller
can scroll to it.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QToolButton,
    QWidget,
)

SLACK = 1  # a pixel of rounding between the metrics and what the style draws


def plain(text: str) -> str:
    """The text as drawn: mnemonic ampersands gone ("&&" stays one "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName() or '(unnamed)'}"


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    rect = label.contentsRect()
    margin = label.margin() * 2
    width, height = rect.width() - margin, rect.height() - margin
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    if rich:
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        if label.wordWrap():
            doc.setTextWidth(width)
            need_w, need_h = doc.idealWidth(), doc.size().height()
        else:
            need_w, need_h = doc.idealWidth(), doc.size().height()
        if need_w > width + SLACK or need_h > height + SLACK + 2:
            return f"{_name(label)}: {text[:60]!r} needs {need_w:.0f}x{need_h:.0f} px, has {width}x{height}"
        return None
    fm = QFontMetrics(label.font())
    shown = plain(text) if label.buddy() is not None else text
    if label.wordWrap():
        need = label.heightForWidth(label.width())
        if need > label.height() + SLACK:
            return f"{_name(label)}: {text[:60]!r} needs {need} px of height, has {label.height()}"
        return None
    lines = shown.split("\n")
    need_w = max(fm.horizontalAdvance(line) for line in lines)
    need_h = fm.height() * len(lines)
    if need_w > width + SLACK:
        return f"{_name(label)}: {text[:60]!r} needs {need_w} px, has {width}"
    if need_h > height + SLACK + 2:
        return f"{_name(label)}: {text[:60]!r} needs {need_h} px of height, has {height}"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    text = plain(button.text())
    if not text:
        return None
    if isinstance(button, QToolButton) and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
        return None
    fm = QFontMetrics(button.font())
    style = button.style()
    if isinstance(button, (QCheckBox, QRadioButton)):
        indicator = style.pixelMetric(
            QStyle.PixelMetric.PM_IndicatorWidth if isinstance(button, QCheckBox)
            else QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, None, button)
        spacing = style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, button)
        room = button.width() - indicator - spacing
    else:
        # the style's frame and padding around the text, as the button's own size hint counts it
        padding = 2 * style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
        if not button.icon().isNull():
            padding += button.iconSize().width() + 4
        if isinstance(button, QPushButton) and button.menu() is not None:
            padding += style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
        room = button.width() - padding
    need = max(fm.horizontalAdvance(line) for line in text.split("\n"))
    if need > room + SLACK:
        return f"{_name(button)}: {text[:60]!r} needs {need} px, has {room}"
    return None


def _combo_problem(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option) if hasattr(combo, "initStyleOption") else option.initFrom(combo)
    option.rect = combo.rect()
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    room = field.width()
    if not combo.itemIcon(combo.currentIndex()).isNull():
        room -= combo.iconSize().width() + 4
    need = QFontMetrics(combo.font()).horizontalAdvance(text)
    if need > room + SLACK:
        return f"{_name(combo)}: {text[:60]!r} needs {need} px, has {room}"
    return None


def header_text_room(header: QHeaderView, logical: int) -> int:
    """The width a header section leaves for its text: margins and the sort arrow taken off."""
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    room = header.sectionSize(logical) - 2 * margin
    if header.isSortIndicatorShown() and header.sortIndicatorSection() == logical:
        # the arrow takes its room from the sorted section's text only (QCommonStyle, SE_HeaderLabel)
        room -= max(header.height() // 2 + 2 * margin,
                    style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + margin)
    return room


def _header_problems(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None or not _shown(header):
        return []
    found = []
    fm = QFontMetrics(header.font())
    viewport = header.viewport().width()
    for visual in range(header.count()):
        logical = header.logicalIndex(visual)
        if header.isSectionHidden(logical):
            continue
        position = header.sectionViewportPosition(logical)
        if position >= viewport:
            continue  # scrolled away to the right: the seller scrolls to read it
        text = model.headerData(logical, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        need = max(fm.horizontalAdvance(line) for line in str(text).split("\n"))
        room = header_text_room(header, logical)
        if need > room + SLACK:
            owner = header.parentWidget()
            found.append(
                f"header of {_name(owner) if owner else '?'} column {logical}: {str(text)!r} needs {need} px, has {room}"
            )
    return found


def _tab_problems(bar: QTabBar) -> list[str]:
    found = []
    fm = QFontMetrics(bar.font())
    for i in range(bar.count()):
        text = plain(bar.tabText(i))
        room = bar.tabRect(i).width() - 2 * bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar) // 2
        need = fm.horizontalAdvance(text)
        if text and need > room + SLACK:
            found.append(f"tab {i} of {_name(bar)}: {text!r} needs {need} px, has {room}")
    return found


def _placeholder_problem(edit: QLineEdit) -> str | None:
    """An empty field's hint ("Filter by … (Ctrl+F)") cut at its end."""
    text = edit.placeholderText()
    if not text or edit.text():
        return None
    margins = edit.textMargins()
    frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
    room = edit.contentsRect().width() - margins.left() - margins.right() - 2 * frame - 4  # QLineEdit's own inner margin
    need = QFontMetrics(edit.font()).horizontalAdvance(text)
    if need > room + SLACK:
        return f"{_name(edit)}: placeholder {text[:60]!r} needs {need} px, has {room}"
    return None


def _group_problem(box: QGroupBox) -> str | None:
    text = plain(box.title())
    if not text:
        return None
    need = QFontMetrics(box.font()).horizontalAdvance(text)
    room = box.width() - 16
    if need > room + SLACK:
        return f"{_name(box)}: title {text!r} needs {need} px, has {room}"
    return None


def clipped_texts(root: QWidget) -> list[str]:
    """Every text under `root` (itself included) that is shown cut, one line per problem."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget):
            continue
        problem = None
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QAbstractButton) and not isinstance(widget.parentWidget(), QTabBar):
            problem = _button_problem(widget)
        elif isinstance(widget, QComboBox):
            problem = _combo_problem(widget)
        elif isinstance(widget, QGroupBox):
            problem = _group_problem(widget)
        elif isinstance(widget, QLineEdit) and not isinstance(widget.parentWidget(), QComboBox):
            problem = _placeholder_problem(widget)
        elif isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            found += _header_problems(widget)
        elif isinstance(widget, QTabBar):
            found += _tab_problems(widget)
        if problem:
            found.append(problem)
        if hasattr(widget, "clipped_texts"):
            # widgets that paint their own text (the Sync chart's legend) measure themselves
            found += [f"{_name(widget)}: {p}" for p in widget.clipped_texts()]
    return found


def too_big_for(window: QWidget, width: int, height: int) -> list[str]:
    """What stops `window` from fitting a screen of width x height."""
    found = []
    hint = window.minimumSizeHint()
    minimum = window.minimumSize()
    need_w = max(hint.width(), minimum.width())
    need_h = max(hint.height(), minimum.height())
    if window.layout() is not None:
        total = window.layout().totalMinimumSize()
        need_w, need_h = max(need_w, total.width()), max(need_h, total.height())
    if need_w > width:
        found.append(f"{_name(window)} cannot be narrower than {need_w} px (screen: {width})")
    if need_h > height:
        found.append(f"{_name(window)} cannot be lower than {need_h} px (screen: {height})")
    if window.width() > width or window.height() > height:
        found.append(f"{_name(window)} is {window.width()}x{window.height()} after resizing to {width}x{height}")
    return found


