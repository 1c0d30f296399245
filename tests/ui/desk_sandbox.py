"""A seller's desk wired to the real sandbox on 127.0.0.1, for the UI tests of the screens.

Import the fixtures into a test module::

    from tests.ui.desk_sandbox import desk, sandbox, control  # noqa: F401
"""
from __future__ import annotations

import pytest

from tests.sandbox_channel import SandboxChannel, control, sandbox  # noqa: F401 - fixtures, re-exported


@pytest.fixture
def desk(db, sandbox, control, data_dir):  # noqa: F811 - the fixtures imported above
    """A channel MyAllegro saved the app's way (password in the keyring), one location."""
    return SandboxChannel(sandbox, control, data_dir, location="Magazyn Główny", sub_source="MyAllegro")
