"""The channel options of the guards (core/sync/guards.py, buffers.py): the mass-end brake
and the stock buffers, as number boxes on the channel's Options tab."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QSpinBox

# name -> (lowest, highest, suffix or "") in the order shown
GUARD_FIELDS = {
    "mass_end_percent": (1, 100, " %"),
    "mass_end_count": (1, 100_000, ""),
    "buffer_end_at": (0, 100_000, ""),
    "buffer_keep_back": (0, 100_000, ""),
    "buffer_percent": (1, 100, " %"),
    "buffer_max_listed": (0, 999, ""),
}

GUARD_TIPS = {
    "mass_end_percent": QT_TRANSLATE_NOOP(
        "ChannelConfigScreen",
        "Mass-end brake: a sync that would end more than this share of the channel's live listings (or more than "
        "the number below, whichever is larger) stops before ending any and asks you, even with No Manual "
        "Confirmation. Default 20 %.",
    ),
    "mass_end_count": QT_TRANSLATE_NOOP(
        "ChannelConfigScreen",
        "Mass-end brake: a sync may end up to this many listings (or the share above, whichever is larger) "
        "without asking. The same number guards against lowering most quantities to 1 at once. Default 50.",
    ),
    "buffer_end_at": QT_TRANSLATE_NOOP(
        "ChannelConfigScreen",
        "End a listing when its available stock is this or less, instead of at 0; it is relisted once more is "
        "available. 0 = end only when nothing is available.",
    ),
    "buffer_keep_back": QT_TRANSLATE_NOOP(
        "ChannelConfigScreen",
        "Keep this many back: Allegro shows the available stock minus this number (for other channels or the "
        "shop counter). 0 = keep nothing back.",
    ),
    "buffer_percent": QT_TRANSLATE_NOOP(
        "ChannelConfigScreen",
        "List only this share of the available stock (after keeping back), rounded down. 100 % = all of it.",
    ),
    "buffer_max_listed": QT_TRANSLATE_NOOP(
        "ChannelConfigScreen",
        "List at most this many on Allegro, however much is available. 0 = no limit (Allegro's own is 999).",
    ),
}


def guard_labels() -> dict[str, tuple[str, str]]:
    """name -> (label with its mnemonic, accessible name)."""
    return {
        "mass_end_percent": (QCoreApplication.translate("ChannelConfigScreen", "Mass-end brake: share of live listin&gs"), QCoreApplication.translate("ChannelConfigScreen", "Mass-end brake: share of live listings")),
        "mass_end_count": (QCoreApplication.translate("ChannelConfigScreen", "Mass-end brake: or number o&f listings"), QCoreApplication.translate("ChannelConfigScreen", "Mass-end brake: or number of listings")),
        "buffer_end_at": (QCoreApplication.translate("ChannelConfigScreen", "End when a&vailable is at most"), QCoreApplication.translate("ChannelConfigScreen", "End when available is at most")),
        "buffer_keep_back": (QCoreApplication.translate("ChannelConfigScreen", "Kee&p back"), QCoreApplication.translate("ChannelConfigScreen", "Keep back")),
        "buffer_percent": (QCoreApplication.translate("ChannelConfigScreen", "List a s&hare of available"), QCoreApplication.translate("ChannelConfigScreen", "List a share of available")),
        "buffer_max_listed": (QCoreApplication.translate("ChannelConfigScreen", "List at &most"), QCoreApplication.translate("ChannelConfigScreen", "List at most")),
    }


def guard_spins() -> dict[str, QSpinBox]:
    spins = {}
    for name, (low, high, suffix) in GUARD_FIELDS.items():
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(low, high)
        if suffix:
            spin.setSuffix(suffix)
        if name == "buffer_max_listed":
            spin.setSpecialValueText(QCoreApplication.translate("ChannelConfigScreen", "No limit"))
        spins[name] = spin
    return spins
