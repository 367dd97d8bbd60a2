"""scripts/install.sh says what it is doing in a few short lines: the pip-output filter."""
from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import pip_steps  # noqa: E402

PIP_OUTPUT = """\
Looking in links: /opt/wheels
Processing /opt/wheels/torch-2.13.0-cp311-none-linux_x86_64.whl
Collecting filelock (from torch==2.13.0)
  Using cached filelock-3.16.1-py3-none-any.whl (16 kB)
Collecting sympy>=1.13.3 (from torch==2.13.0)
Requirement already satisfied: typing-extensions in ./.venv/lib/python3.11/site-packages
WARNING: Location '/nowhere' is ignored: it is neither a file nor a directory.
Installing collected packages: mpmath, sympy, filelock, torch
Successfully installed filelock-3.16.1 mpmath-1.3.0 sympy-1.13.3 torch-2.13.0
"""


def test_pip_output_becomes_a_few_short_lines():
    out = list(pip_steps.steps(PIP_OUTPUT.splitlines(True)))
    assert out == [
        "  resolving dependencies…",
        "  unpacking 4 packages (the largest: torch)…",
        "  installed 4 packages",
    ]


def test_errors_pass_through():
    out = list(pip_steps.steps(["Collecting nosuch\n", "ERROR: No matching distribution found for nosuch\n"]))
    assert out[-1] == "ERROR: No matching distribution found for nosuch"


def test_the_filter_runs_as_a_script_with_only_the_standard_library():
    done = subprocess.run([sys.executable, "-I", str(ROOT / "scripts" / "pip_steps.py")], input=PIP_OUTPUT,
                          capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "  installed 4 packages"


def test_install_script_is_valid_bash_and_logs_pip_in_full():
    subprocess.run(["bash", "-n", str(ROOT / "scripts" / "install.sh")], check=True)
    text = (ROOT / "scripts" / "install.sh").read_text()
    assert 'tee -a "$LOG"' in text and "pip_steps.py" in text
