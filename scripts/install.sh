#!/usr/bin/env bash
# Creates .venv and installs minutes into it. Safe to run again: it only installs what is missing.
#
# torch goes in first, pinned, so that sentence-transformers finds it satisfied and pip never
# pulls the multi-GB CUDA build. Override with TORCH_SPEC / TORCH_INDEX_URL on other machines,
# e.g. TORCH_INDEX_URL=<PyTorch's CPU wheel index> for a CPU-only build from the internet.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
TORCH_SPEC=${TORCH_SPEC:-torch==2.13.0}
VENV=${MINUTES_VENV:-.venv}

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
PIP=("$VENV/bin/python" -m pip --disable-pip-version-check -q)

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
    echo "installing $TORCH_SPEC (CPU) ..." >&2
    if [ -n "${TORCH_INDEX_URL:-}" ]; then
        "${PIP[@]}" install "$TORCH_SPEC" --index-url "$TORCH_INDEX_URL"
    else
        "${PIP[@]}" install "$TORCH_SPEC" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
    fi
fi

extras=${1:-}
stamp="$VENV/.minutes-installed${extras:+-$extras}"
# Reinstall only when the project's dependencies changed since the last install.
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "installing minutes${extras:+[$extras]} ..." >&2
    "${PIP[@]}" install -e ".${extras:+[$extras]}" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
    touch "$stamp"
fi
