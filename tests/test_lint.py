"""The tree stays lint-clean and the package type-clean, as CI sees it.

Runs ``ruff check numclaims tests benchmarks`` and ``mypy`` (configured in pyproject.toml: the
numclaims package, the pydantic plugin) in a subprocess from the project root. Each test is
skipped when its tool is not installed (both come with the ``test`` extra).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec(tool) is None:
        pytest.skip(f"{tool} is not installed")
    return subprocess.run([sys.executable, "-m", tool, *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600, check=False)


def test_ruff_is_clean() -> None:
    done = _run("ruff", "check", "--no-cache", "numclaims", "tests", "benchmarks")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_is_clean() -> None:
    done = _run("mypy")
    assert done.returncode == 0, done.stdout + done.stderr
