"""Render resources/icons/app.svg (app-small.svg for 16 px) to the PNG sizes desktops ask for, and a Windows .ico.

    uv run packaging/render_icons.py

The PNGs and app.ico are committed: neither the app nor the build renders them at run time.
"""
from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "app.svg"
SMALL_SOURCE = ICONS / "app-small.svg"  # drawn for 16 px, where app.svg's arrow blurs
SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 32, 48, 256)  # what Windows Explorer and the taskbar pick from


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO holding one PNG-compressed image per size.

    Qt's own ICO writer stores a single image, so the container is written here: a 6-byte
    header, one 16-byte entry per image, then the PNG data (valid since Windows Vista).
    """
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (Qt needs it)
    renderers = {path: QSvgRenderer(str(path)) for path in (SOURCE, SMALL_SOURCE)}
    for path, renderer in renderers.items():
        if not renderer.isValid():
            print(f"Cannot read {path}", file=sys.stderr)
            return 1
    pngs = {}
    for size in SIZES:
        renderer = renderers[SMALL_SOURCE if size <= 16 else SOURCE]
        pngs[size] = png_bytes(render(renderer, size))
        target = ICONS / f"app-{size}.png"
        target.write_bytes(pngs[size])
        print(target.relative_to(ICONS.parent.parent))
    ico = ICONS / "app.ico"
    ico.write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    print(ico.relative_to(ICONS.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
