"""Every screenshot again in another language (Polish by default), into docs/screenshots/<lang>/,
on a small laptop's screen: main windows at 1024×640, dialogs no bigger.

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 2560x1440x24" \
        uv run python docs/screenshots/take_translated_screenshots.py [pl|en] [OUT_DIR]

ACM_SCREENSHOT_SIZE=WxH takes them at another size (see shot_size.py).

Runs take_channel_screenshots.py, take_desk_screenshots.py, take_firstrun_screenshots.py,
take_guard_screenshots.py and take_rest_screenshots.py,
each in its own process, with the app's translators installed as if the language had been
chosen in Preferences (ACM_SCREENSHOT_LANG, see shot_size.py). The English ones stay next to
this file, taken by running those scripts themselves at their full size.
"""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SMALL_SCREEN = "1024x640"
SCRIPTS = (
    "take_channel_screenshots.py",
    "take_desk_screenshots.py",
    "take_firstrun_screenshots.py",
    "take_guard_screenshots.py",
    "take_rest_screenshots.py",
)


def run_one(script: str, out: Path) -> None:
    """Run one screenshot script in this process (its language and size come from the environment)."""
    sys.path.insert(0, str(ROOT))
    spec = importlib.util.spec_from_file_location(Path(script).stem, HERE / script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(out)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        run_one(argv[1], Path(argv[3]))
        return 0
    lang = argv[0] if argv else "pl"
    out = Path(argv[1]) if len(argv) > 1 else HERE / lang
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "ACM_SCREENSHOT_LANG": lang,
           "ACM_SCREENSHOT_SIZE": os.environ.get("ACM_SCREENSHOT_SIZE", SMALL_SCREEN)}
    for script in SCRIPTS:
        done = subprocess.run([sys.executable, __file__, "--one", script, lang, str(out)], env=env)
        if done.returncode:
            return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
