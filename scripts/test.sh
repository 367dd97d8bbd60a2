#!/usr/bin/env bash
# Set up (if needed), check the code with ruff, then run the whole test suite. Extra arguments
# go to pytest. A ruff finding fails the command (and so CI, .ci/run) before any test runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh test
.venv/bin/ruff check --quiet  # pyproject.toml [tool.ruff]: pyflakes and bugbear over bot/ and index/
exec .venv/bin/python -m pytest "$@"
