#!/usr/bin/env bash
# Creates .venv and installs minutes into it. Safe to run again: it only installs what is missing.
#
# torch goes in first, pinned, so that sentence-transformers finds it satisfied and pip never
# pulls the multi-GB CUDA build. Override with TORCH_SPEC / TORCH_INDEX_URL on other machines,
# e.g. TORCH_INDEX_URL=<PyTorch's CPU wheel index> for a CPU-only build from the internet.
#
# The terminal gets short lines saying what is happening (scripts/pip_steps.py); pip's full
# output goes to $VENV/install.log, and its tail is shown when pip fails.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
TORCH_SPEC=${TORCH_SPEC:-torch==2.13.0}
VENV=${MINUTES_VENV:-.venv}
START=$SECONDS

say() { echo "$*" >&2; }

if [ ! -x "$VENV/bin/python" ]; then
    say "creating the virtual environment $VENV ..."
    "$PYTHON" -m venv "$VENV"
fi
LOG="$VENV/install.log"
PIP=("$VENV/bin/python" -m pip --disable-pip-version-check)

# pip install "$@", its output to the log and, shortened, to the terminal.
pip_install() {
    local status
    set +e
    "${PIP[@]}" install "$@" 2>&1 | tee -a "$LOG" | "$PYTHON" scripts/pip_steps.py >&2
    status=${PIPESTATUS[0]}
    set -e
    if [ "$status" -ne 0 ]; then
        say "pip failed (exit $status); the end of $LOG:"
        tail -n 20 "$LOG" >&2
        exit "$status"
    fi
}

: >"$LOG"
did=0
if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
    say "installing $TORCH_SPEC (CPU build; the longest step, about a minute) ..."
    if [ -n "${TORCH_INDEX_URL:-}" ]; then
        pip_install "$TORCH_SPEC" --index-url "$TORCH_INDEX_URL"
    else
        pip_install "$TORCH_SPEC"
    fi
    did=1
fi

extras=${1:-}
stamp="$VENV/.minutes-installed${extras:+-$extras}"
# Reinstall only when the project's dependencies changed since the last install.
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    say "installing minutes${extras:+[$extras]} and its dependencies ..."
    pip_install -e ".${extras:+[$extras]}"
    touch "$stamp"
    did=1
fi
# The packaged model's ONNX export (index/onnx_encoder.py), made once into the shared encoder
# cache (MINUTES_ENCODER_CACHE, else ~/.cache/minutes/encoders), so no `minutes index` or question
# ever imports torch for it. Skipped in a second when it is there already.
if ! "$VENV/bin/python" -c "import sys; from index.embed import LazyEmbedder, PACKAGED_MODEL; sys.exit(0 if LazyEmbedder(PACKAGED_MODEL).encoder_ready() else 1)" 2>/dev/null; then
    say "exporting the embedding model for onnxruntime (once, about 15 s) ..."
    "$VENV/bin/python" -c "from index.embed import LazyEmbedder, PACKAGED_MODEL; LazyEmbedder(PACKAGED_MODEL).ensure_encoder()" 2>>"$LOG" \
        || say "the export failed (see $LOG); the first \`minutes index\` will make it"
    did=1
fi
if [ "$did" = 1 ]; then
    say "ready in $((SECONDS - START)) s: $("$VENV/bin/minutes" --version) ($VENV/bin/minutes)"
fi
