"""A stock import refuses what is not a regular file, or is too large, before reading it."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.stock_csv import MAX_FILE_BYTES, CsvFileError, read_import

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_that_never_ends_is_refused_before_it_is_read(db):
    started = time.monotonic()
    with pytest.raises(CsvFileError) as refused:
        read_import("/dev/zero")
    assert time.monotonic() - started < 1
    assert refused.value.message == "zero is not a regular file (it is a folder, a device or a pipe); choose a CSV file."


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_refused_without_waiting_for_a_writer(db, tmp_path):
    pipe = tmp_path / "stock.csv"
    os.mkfifo(pipe)
    with pytest.raises(CsvFileError, match="not a regular file"):
        read_import(pipe)


def test_a_folder_is_refused_by_name(db, tmp_path):
    folder = tmp_path / "stany.csv"
    folder.mkdir()
    with pytest.raises(CsvFileError, match="stany.csv is a folder, not a file"):
        read_import(folder)


def test_a_file_over_the_stated_limit_is_refused_before_reading_it(db, tmp_path):
    big = tmp_path / "big.csv"
    with big.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used, nothing worth reading
    started = time.monotonic()
    with pytest.raises(CsvFileError) as refused:
        read_import(big)
    assert time.monotonic() - started < 1
    assert refused.value.message == f"big.csv is larger than {MAX_FILE_BYTES // 2 ** 20} MB; split it into smaller files."


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_the_stock_import_command_says_why_it_refuses_dev_zero(tmp_path):
    done = subprocess.run([sys.executable, "main.py", "--data-dir", str(tmp_path / "shop"), "stock", "import",
                           "/dev/zero"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "zero is not a regular file" in done.stderr
    assert "unexpectedly" not in done.stderr and "Traceback" not in done.stderr
