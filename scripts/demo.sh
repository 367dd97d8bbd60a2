#!/usr/bin/env bash
# Set up (if needed), index the sample corpus and answer a few questions about it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
export PATH="$PWD/.venv/bin:$PATH"
minutes index
for q in "who attended in 2015?" "when is the next meeting?" "vad sades om finansiering?"; do
    echo
    echo "\$ minutes ask \"$q\""
    minutes ask "$q"
done
