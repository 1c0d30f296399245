"""The windows speak English the way the app does: through acm_en.qm, which holds the
English plural forms ("1 listing", "2 listings") of the counted sentences."""
from __future__ import annotations

import pytest

from core import i18n as core_i18n
from ui import i18n


@pytest.fixture(autouse=True)
def english(qapp):
    i18n.install_translators(qapp, "en")
    yield qapp
    for translator in i18n._installed:
        qapp.removeTranslator(translator)
    i18n._installed.clear()
    core_i18n.set_language("en")
