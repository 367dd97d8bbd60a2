"""The code stays clean for ruff (pyflakes and bugbear, pyproject.toml [tool.ruff]), and the
README's test command (scripts/test.sh, run by .ci/run) checks it before the tests."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


def test_the_test_command_runs_ruff_before_pytest():
    text = (ROOT / "scripts" / "test.sh").read_text()
    assert text.index(".venv/bin/ruff check") < text.index("-m pytest")
    assert "scripts/test.sh" in (ROOT / ".ci" / "run").read_text()


def test_ruff_finds_nothing_in_bot_and_index():
    pytest.importorskip("ruff", reason="ruff is a test extra: pip install -e '.[test]'")
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--quiet"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert 'select = ["F", "B"]' in pyproject and '"bot/**/*.py", "index/**/*.py"' in pyproject
